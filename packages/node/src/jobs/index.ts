export { installJobs } from './install';
export type { JobsOptions } from './install';
export { JobRunner } from './runner';
export type { JobRunnerOptions } from './runner';
export { ComputeConfigSchema, defaultComputeConfig } from './config';
export type { ComputeConfig } from './config';
export { createBackends } from './backends';
export type { Backends, BackendName } from './backends';
export { HubApprovedLedger } from './ledger';
export { collectOutputs, airlockName, mediaTypeOf, AIRLOCK_LIMITS } from './outputs';
export {
  JOB_RUN_TASK,
  JOB_CANCEL_TASK,
  JOB_LOG_MESSAGE,
  JOB_FINISHED_MESSAGE,
  JobRunPayloadSchema,
} from './payload';
export type { JobRunPayload } from './payload';
