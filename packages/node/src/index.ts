export { NodeConfigSchema, parseNodeConfig, storePath } from './config';
export type { NodeConfig } from './config';
export { runQuality, runChecks, toResult } from './quality/run-quality';
export type { QualityRun, RunQualityOptions } from './quality/run-quality';
export { qualityTrend } from './quality/trend';
export type { TrendPoint } from './quality/trend';
export { computeLabel, starsFor } from './quality/label';
export type { QualityLabel } from './quality/label';
export { CHECKS } from './quality/catalogue';
export { KINDS } from './quality/kinds';
export { DIMENSIONS, STAR_CUTOFFS, SCORING, DOCUMENTATION_FIELDS, SCHEME_ID } from './quality/scheme';
export type { DeclaredInfo } from './quality/declared';
export type { CheckDefinition, CheckResult, DataMeasures } from './quality/types';
export { deriveStatistics } from './describe/statistics';
export type { DatasetStatistics } from './describe/statistics';
export { publish, publishGroup } from './describe/suppress';
export type { PublishedCount } from './describe/suppress';

export { ingest, DEFAULT_PERSON_IDENTIFIER_SYSTEM } from './ingest/pipeline/ingest';
export type { IngestOptions, IngestProgress } from './ingest/pipeline/ingest';
export type { IngestReport, IngestError, IngestedFileReport, TypeCounts } from './ingest/pipeline/report';
export { readLines, readHead, openText, isGzip } from './ingest/io/read-lines';
export { ADAPTERS, detectAdapter } from './ingest/adapters/index';
export type {
  FormatAdapter,
  MapContext,
  MapResult,
  MappedRow,
  PersonRef,
  SourceFormat,
  SourceRecord,
  TargetTable,
} from './ingest/types';
export { startNode } from './start-node';
export type { RunningNode } from './start-node';
export { expandPaths } from './ingest/io/walk';
export {
  createNodeRuntime,
  FederationClient,
  HubRefusal,
  loadOrCreateIdentity,
  pinHubKey,
  IDENTITY_FILE,
  createHttpTransport,
} from './federation/index';
export type {
  NodeRuntime,
  NodeRuntimeOptions,
  RuntimeEvent,
  TaskContext,
  TaskHandler,
  RegistrationStatus,
  NodeIdentity,
} from './federation/index';
export { buildDescription, codingSystemCodes, omopDictionary } from './describe/description';
export { DatasetDraftSchema, defaultDraft, loadDraft, saveDraft } from './describe/draft';
export type { DatasetDraft } from './describe/draft';
export { pageQuality, pageStatistics } from './describe/page';
export { NODE_CONFIG_FILE } from './start-node';
export { installPermits, checkTaskPermit, permitIdOf, PermitRefusal } from './permits/guard';
export { isPermitActive, permitState } from './permits/state';
export type { PermitState } from './permits/state';
export { applyPermitUpdate, PERMIT_UPDATE_TASK } from './permits/update';
export type { PermitUpdateResult } from './permits/update';
export { findRegisteredPermit, listRegisteredPermits, ensurePermitRegistry } from './permits/registry';
export type { RegisteredPermit } from './permits/registry';
export { installOptOut, nationalIdPseudonym, registryState, optedOutAt } from './opt-out/index';
export type { OptOutOptions, RegistryPeriod, RegistryState } from './opt-out/index';
export {
  reconcileExtracts,
  approvalOf,
  permitPseudonym,
  findExtract,
  listExtracts,
  extractPseudonyms,
} from './extract/index';
export type { ExtractContext, ExtractRecipe, ReconcileResult } from './extract/index';
export {
  isFinal,
  JobSchema,
  parseJob,
  checkJobDirs,
  streamLogs,
  listOutputFiles,
  LocalSandboxBackend,
  sandboxArgv,
  SANDBOX_PATHS,
  describeHost,
  SlurmBackend,
  SlurmRestClient,
  SlurmCliClient,
  decideGpuBudget,
  gpuHoursUsed,
  reserveGpuHours,
  MemoryGpuLedger,
  TesBackend,
  TesClient,
  tesServer,
  TES_PREFIX,
  TesTaskSchema,
  taskToJob,
  jobToTask,
  DEFAULT_TES_POLICY,
} from './compute/index';
export type {
  ComputeBackend,
  Job,
  JobHandle,
  JobLanguage,
  JobLimits,
  JobState,
  JobStatus,
  LogChunk,
  OutputFile,
  LocalSandboxOptions,
  SlurmBackendOptions,
  SlurmRestOptions,
  SlurmApi,
  GpuHoursLedger,
  TesServerOptions,
  TesPlacement,
  TesTaskInput,
  TesTaskView,
  TesLimitsPolicy,
} from './compute/index';
export {
  COHORT_COUNT_TASK,
  CohortCountPayload,
  countRecipientView,
  installCohortCount,
  runCohortCount,
  nodePolicy,
  loadPolicyOverride,
  NODE_SDC_POLICY_FILE,
  StoreQueryHistory,
} from './spe/index';
export type { CohortCountOptions, CohortCountResult } from './spe/index';
export {
  installJobs,
  JobRunner,
  ComputeConfigSchema,
  defaultComputeConfig,
  createBackends,
  HubApprovedLedger,
  collectOutputs,
  JOB_RUN_TASK,
  JOB_CANCEL_TASK,
  JOB_LOG_MESSAGE,
  JOB_FINISHED_MESSAGE,
} from './jobs/index';
export type { JobsOptions, ComputeConfig, Backends, BackendName, JobRunPayload } from './jobs/index';
export {
  enableExtractFiles,
  extractFolder,
  writeExtractFiles,
  removeExtractFiles,
  EXTRACT_FILES_DIR,
} from './extract/index';
export type { ExtractManifest } from './extract/index';
// Federated analyses under a permit (issue 4 §4): the analysis frame and the task handlers.
export {
  installAnalysis,
  buildAnalysisFrame,
  survivalColumns,
  uncoveredVariables,
  dropAnalysisCache,
} from './analysis/index';
export type { AnalysisFrame, AnalysisAnswer, ReleasedRiskTable, DescribedGroup } from './analysis/index';
export { seedSyntheticPersons, syntheticPersons, prepareTestExtract } from './analysis/test-fixture';
export type { SyntheticPerson } from './analysis/test-fixture';
// Tests of other packages start a private Slurm with this (compute/slurm/test-cluster.ts; nothing runs on import).
export { startSlurm, SLURM_BINARIES, SLURM_JWT_PLUGIN } from './compute/slurm/test-cluster';
export type { SlurmTestCluster } from './compute/slurm/test-cluster';
export { BEACON_QUERY_TASK, BeaconQueryPayload, runBeaconTask, nodeAccess } from './beacon/task';
export type { BeaconQueryResult, BeaconTaskContext } from './beacon/task';
export { installBeaconQuery, BEACON_TERMS_TASK } from './beacon/install';
export type { InstalledBeacon } from './beacon/install';
export { nodeFilteringTerms, cachedFilteringTerms } from './beacon/filtering-terms';
export { refreshBeaconIndex, runBeaconQuery } from './beacon/engine';
export type { BeaconEngineContext } from './beacon/engine';
export { nodeBeaconDeps } from './beacon/routes-deps';
