export { EHDS_COLUMNS, OMOP_TABLE_NAMES, OMOP_TABLES, duckType } from './omop/schema';
export type { OmopColumn, OmopTable, OmopType } from './omop/schema';
export { bookkeepingDdl, CODED_TABLES, codingDdl, codingTable, omopDdl } from './omop/ddl';
export type { CodedTable } from './omop/ddl';
export { stableId } from './ids/stable-id';
export { openNodeStore } from './store/node-store';
export type { NodeStore } from './store/node-store';
// Federated maths (issue 4 §4): node-side sums and coordinator-side merges.
export { rowsToColumns } from './federated/data';
export type { Cell, DataColumns } from './federated/data';
export { parseFormula } from './federated/formula';
export type { Formula } from './federated/formula';
export { buildDesignSpec, summarizeLocalDesign } from './federated/design';
export type {
  DesignColumn,
  DesignOptions,
  DesignSpec,
  LocalDesignSummary,
  VariableSummary,
} from './federated/design';
export { glmFamily, isGlmFamilyName } from './federated/glm-family';
export type { GlmFamilyName } from './federated/glm-family';
export { localGlmContribution, prepareLocalDesign } from './federated/glm-node';
export type { GlmContribution, GlmRequest, LocalDesign, NodeDisclosure } from './federated/glm-node';
export { fitFederatedGlm } from './federated/glm-coordinator';
export type {
  FederatedGlmResult,
  GlmCoefficient,
  GlmContributor,
  GlmControl,
} from './federated/glm-coordinator';
export { fitGlmInProcess, inProcessContributor } from './federated/glm-local';
export { federatedKaplanMeier, kaplanMeier, localRiskTable, mergeRiskTables } from './federated/kaplan-meier';
export type {
  KmCurve,
  KmOptions,
  KmPoint,
  RiskTable,
  RiskTableRow,
  SurvivalColumns,
} from './federated/kaplan-meier';
export { localNumericSummary, mergeNumericSummaries } from './federated/descriptive';
export type { NumericStatistics, NumericSummary } from './federated/descriptive';
export { localContingency, mergeContingency } from './federated/contingency';
export type { ContingencyTable, LocalContingency } from './federated/contingency';
// Cohort definitions → SQL (issue 4 §1): feasibility counts at the node.
export { compileCohort, compileCohortCount } from './cohort/compile';
export type { CompiledCohort, SqlDialect } from './cohort/compile';
export { countCohort } from './cohort/count';
export type { RawCohortCount } from './cohort/count';
export { COHORT_OMOP_TABLES, cohortPostgresDdl } from './cohort/postgres-schema';
// Code matching and event tables, shared with the SPE's analysis frame (issue 4 §4).
export { codeMatchSql } from './cohort/code-match';
export { SqlParams } from './cohort/sql-params';
export { EVENT_SOURCES } from './cohort/event-sources';
export type { EventSource } from './cohort/event-sources';
