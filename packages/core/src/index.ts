export {
  AppError,
  conflict,
  forbidden,
  fromHttpStatus,
  invalid,
  notAcceptable,
  notFound,
  toAppError,
  unauthenticated,
} from './errors/app-error';
export type { AppErrorKind, Issue, Problem } from './errors/app-error';
export { parseConfig, zodIssues } from './config/parse-config';
export { signAccessToken, verifyAccessToken } from './tokens/access-token';
export type { AccessTokenClaims } from './tokens/access-token';
export { canonicalJson, toJsonValue } from './federation/canonical';
export type { JsonValue } from './federation/canonical';
export {
  generateFederationKeyPair,
  isPublicKey,
  keyFingerprint,
  privateKeyObject,
  publicKeyObject,
  publicKeyOf,
} from './federation/keys';
export type { FederationKeyPair } from './federation/keys';
export { checkFreshness, nonceHorizon, NONCE_RETENTION_MS, REPLAY_WINDOW_MS } from './federation/freshness';
export type { FreshnessResult } from './federation/freshness';
export {
  ENVELOPE_DOMAIN,
  EnvelopeSchema,
  envelopeSigningInput,
  newNonce,
  parseEnvelope,
  signEnvelope,
  verifyEnvelope,
} from './federation/envelope';
export type { Envelope, EnvelopeShapeResult, MessageTarget } from './federation/envelope';
export { checkTask, signTask, TASK_DOMAIN, taskSigningInput } from './federation/task';
export type { SignedTask, TaskCheck } from './federation/task';
export type { Transport, TransportRequest, TransportResponse } from './federation/transport';
export { FEDERATION_PATHS, REJECTION_REASONS } from './federation/protocol';
export type {
  RejectionReason,
  NodeStatus,
  TaskResultBody,
  RegisterBody,
  PullBody,
} from './federation/protocol';
export { registerProblemHandler } from './http/problem-handler';
export {
  addCalendarMonths,
  addWorkingDays,
  isoDay,
  isWorkingDay,
  workingDaysBetween,
} from './deadlines/calendar';
export {
  ADDITIONAL_INFORMATION_DAYS,
  COMPLETENESS_DAYS,
  decisionPeriod,
  PUBLICATION_WORKING_DAYS,
} from './deadlines/periods';
export type { DecisionPeriod } from './deadlines/periods';
export { AT_RISK_DAYS, AT_RISK_SHARE, clockOf, computeClocks } from './deadlines/clocks';
export type {
  Clock,
  ClockExtension,
  ClockInput,
  ClockName,
  Clocks,
  ClockState,
  StatusEvent,
} from './deadlines/types';
export { validateExtension } from './deadlines/extension';
export type { ExtensionPlan } from './deadlines/extension';
export { queueRank, workQueue } from './deadlines/work-queue';
export type { Queueable, QueueRank } from './deadlines/work-queue';
export { isActive, isCurrentVersion, isLiveStatus } from './permits/status';
export { planGrant } from './permits/grant';
export type { PermitGrant } from './permits/grant';
export { planAmendment } from './permits/amendment';
export type { PermitAmendment } from './permits/amendment';
export { planRenewal, renewalDeadline, validateRenewalRequest } from './permits/renewal';
export type { PermitRenewal } from './permits/renewal';
export { DELETION_MONTHS, deletionDueAt, dueExpiries, planRevocation } from './permits/ending';
export { MAX_PERMIT_YEARS, validateDuration } from './permits/duration';
export { parsePermitNumber, permitNumber } from './permits/permit-number';
export type { PermitEnding, PermitStatus, PermitSuccession, PermitVersion } from './permits/types';
export { parseDuoCsv } from './duo/parse-duo-csv';
export { DUO_TERMS, resolveDuoCode } from './duo/terms';
export type { DuoRole, KnownDuoTerm } from './duo/terms';
export { matchDataUse } from './duo/match';
export type {
  DataUse,
  DataUseMatch,
  DataUsePurpose,
  DuoCondition,
  DuoFinding,
  DuoTerm,
  FindingOutcome,
} from './duo/types';
export {
  ineligiblePurposes,
  isAccelerated,
  PROHIBITED_USES,
  PUBLIC_BODY_PURPOSES,
  PURPOSE_LETTER,
  PURPOSES,
} from './applications/purposes';
export type { ApplicantStanding, ProhibitedUse, Purpose } from './applications/purposes';
export {
  APPLICATION_KINDS,
  ApplicationContent,
  ETHICS_STATUSES,
  LEGAL_BASES,
  NamedPerson,
  PERSON_ROLES,
  RequestedDataset,
  StatisticalTable,
} from './applications/content';
export type { ApplicationKind } from './applications/content';
export { completenessIssues } from './applications/completeness';
export {
  allowedEvents,
  APPLICATION_EVENTS,
  APPLICATION_STATUSES,
  EVENT_ACTOR,
  isFinal,
  nextStatus,
  OUTCOMES,
  transitionOf,
} from './applications/status';
export type { ApplicationEvent, ApplicationStatus, Outcome } from './applications/status';
export { assessmentState, CRITERIA, CRITERION_IDS, VERDICTS } from './applications/assessment';
export type { AssessmentState, CriterionAssessment, CriterionId, Verdict } from './applications/assessment';
export { DEFAULT_FEE_SCHEDULE, estimateFees } from './fees/estimate';
export type { FeeEstimate, FeeLine, FeeSchedule } from './fees/estimate';
export { exampleApplication } from './applications/example';
export { signDocument, verifyDocument } from './signing/signed-document';
export type { DocumentCheck, SignedDocument } from './signing/signed-document';
export {
  AIRLOCK_ACTIONS,
  AIRLOCK_STATUSES,
  allowedDecisions,
  FILE_VOTES,
  isAirlockFinal,
  nextAirlockStatus,
  REVIEWS_NEEDED,
  statusAfterReviews,
} from './airlock/airlock';
export type { AirlockAction, AirlockStatus, FileVote, Review } from './airlock/airlock';
export {
  AgeCriterion,
  CodeSet,
  COHORT_LIMITS,
  COHORT_VOCABULARIES,
  CohortDefinition,
  ConditionCriterion,
  CohortCriterion,
  CohortGroup,
  CohortDateRange,
  DrugCriterion,
  CohortEventCriterion,
  CohortIndexEvent,
  MeasurementCriterion,
  PhenotypeCriterion,
  PREFIX_HIERARCHY_VOCABULARIES,
  ProcedureCriterion,
  SexCriterion,
  VariantCriterion,
  CohortWindow,
} from './cohort/definition';
export type { CohortDefinitionInput, CohortVocabulary, CohortEventType } from './cohort/definition';
export { cohortDefinitionIssues, parseCohortDefinition } from './cohort/parse';
export { COHORT_SCHEMA_ID, cohortDefinitionJsonSchema } from './cohort/json-schema';
export { exampleCohortDefinition } from './cohort/example';
export {
  AUDIENCES,
  AudienceRule,
  DEFAULT_SDC_POLICY,
  NkRule,
  SdcPolicy,
  SdcPolicyOverride,
  ZERO_HANDLING,
} from './sdc/policy';
export type { Audience } from './sdc/policy';
export { mergeSdcPolicy } from './sdc/merge';
export {
  SDC_KINDS,
  SDC_OUTCOMES,
  SDC_RECORD_SCHEMA,
  SDC_RULES,
  SdcRecord,
  SdcRuleResult,
} from './sdc/record';
export type { SdcKind, SdcOutcome, SdcRule } from './sdc/record';
export {
  ANALYSIS_LIMITS,
  ANALYSIS_STATUSES,
  AnalysisRequest,
  AnalysisVariable,
  AnalysisVariableName,
  AnalysisVariables,
  DescribeAnalysisRequest,
  GLM_FAMILIES,
  GlmAnalysisRequest,
  KmAnalysisRequest,
  SurvivalEvent,
  TableAnalysisRequest,
} from './spe/analysis';
export type {
  AnalysisKind,
  AnalysisRequestInput,
  AnalysisStatus,
  AnalysisVariableKind,
} from './spe/analysis';
export { ANALYSIS_TASK, AnalysisTaskBase, GlmRoundTask } from './spe/tasks';
export type { AnalysisTaskType } from './spe/tasks';
export { BEACON_ENTRY_TYPES, BEACON_GRANULARITIES } from './beacon/query';
export type {
  BeaconAccess,
  BeaconEntryType,
  BeaconFilter,
  BeaconGranularity,
  BeaconQuery,
  BeaconResultSet,
  BeaconVariantQuery,
} from './beacon/query';
export { ASSEMBLY_ALIASES, BEACON_ASSEMBLIES, normaliseAssembly } from './beacon/assembly';
export type { BeaconAssembly } from './beacon/assembly';
export { normaliseReferenceName } from './beacon/reference-name';
export {
  BEACON_API_VERSION,
  DEFAULT_LIMIT,
  MAX_BASES_LENGTH,
  MAX_FILTERS,
  MAX_LIMIT,
  MAX_RANGE_BASES,
} from './beacon/limits';
export { describeErrors } from './beacon/request-error';
export type { BeaconRequestError } from './beacon/request-error';
export { BEACON_VARIANT_TYPES, parseVariant, VARIANT_PARAMETERS } from './beacon/parse-variant';
export { parseGetFilters, parsePostFilters } from './beacon/parse-filters';
export { parseGetRequest, parsePostRequest } from './beacon/parse-request';
export type { ParsedBeaconRequest, ParseOptions, ReceivedRequest } from './beacon/parse-request';
export { ENTRY_TYPES, entryTypeOfScope, returnedSchemas } from './beacon/entry-types';
export type { EntryTypeInfo } from './beacon/entry-types';
export {
  AGE_FILTERING_TERM,
  filteringTermsResponse,
  filteringTermsResults,
  SEX_FILTERING_TERMS,
} from './beacon/filtering-terms';
export type { BeaconFilteringTerm } from './beacon/filtering-terms';
export { filterText, informationalMeta, receivedRequestSummary, responseMeta } from './beacon/response-meta';
export { beaconErrorResponse, requestErrorResponse } from './beacon/error-response';
export type { BeaconErrorResponse } from './beacon/error-response';
export { beaconResultResponse, returnedGranularity } from './beacon/result-response';
export type { BeaconResultResponse, ResultResponseInput, ResultSetOut } from './beacon/result-response';
export { beaconInfoResponse, serviceInfo } from './beacon/info';
export type { BeaconDescription } from './beacon/info';
export {
  configurationResponse,
  entryTypeDefinition,
  entryTypesResponse,
  mapResponse,
  SERVED_ENTRY_TYPES,
} from './beacon/configuration';
export { cohortsResponse, datasetsResponse } from './beacon/collections';
export type { BeaconCohortInput, BeaconDatasetInput } from './beacon/collections';
export {
  DEFAULT_USE_CASE_WEIGHTS,
  SCORE_MAX,
  SCORE_MIN,
  USE_CASE_CRITERIA,
  USE_CASE_CRITERION_IDS,
} from './use-cases/criteria';
export type { CriterionDirection, RankingCriterion, UseCaseCriterionId } from './use-cases/criteria';
export { checkWeights } from './use-cases/weights';
export type { ValidWeights, WeightCheck } from './use-cases/weights';
export { RANKING_METHODS, rankScores, TIE_TOLERANCE } from './use-cases/ranking';
export type { RankedAlternative, RankingAlternative, RankingMethod } from './use-cases/ranking';
export { minMaxNormalise, weightedSumRanking } from './use-cases/weighted-sum';
export { topsisRanking } from './use-cases/topsis';
export { rankWith } from './use-cases/rank-with';
export { sensitivityAnalysis } from './use-cases/sensitivity';
export type {
  Sensitivity,
  SensitivityCurve,
  SensitivityOptions,
  SensitivityStep,
  TopSwitch,
} from './use-cases/sensitivity';
export { nextStage, STAGE_MOVES, USE_CASE_STAGES } from './use-cases/stages';
export type { UseCaseStage } from './use-cases/stages';
export { AI_ACT_CLASSES, DEVICE_CLASSES } from './use-cases/vocabulary';
export type { AiActClass, DeviceClass } from './use-cases/vocabulary';
export {
  answerIssues,
  answerList,
  effectiveAnswers,
  missingAnswers,
  NONE as PATHWAY_NONE,
  OTHER_PURPOSE,
  PATHWAY_QUESTIONS,
  pathwayQuestion,
  visibleQuestions,
} from './pathway/questions';
export { pathwayReport } from './pathway/report';
export {
  AUTHORITIES as PATHWAY_AUTHORITIES,
  INSTRUMENTS as PATHWAY_INSTRUMENTS,
  PATHWAY_GROUPS,
} from './pathway/types';
export type {
  Answer as PathwayAnswer,
  Authority as PathwayAuthority,
  Citation as PathwayCitation,
  Instrument as PathwayInstrument,
  PathwayAnswers,
  PathwayClassification,
  PathwayGroup,
  PathwayQuestion,
  PathwayReport,
  PathwayStep,
  PathwayStop,
  ShowCondition,
} from './pathway/types';
