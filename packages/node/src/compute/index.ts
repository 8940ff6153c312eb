export { isFinal } from './types';
export type {
  ComputeBackend,
  FailureReason,
  Job,
  JobHandle,
  JobLanguage,
  JobLimits,
  JobState,
  JobStatus,
  LogChunk,
  OutputFile,
} from './types';
export { JobSchema, parseJob, checkJobDirs } from './job';
export { streamLogs, listOutputFiles } from './files';
export { classifyExit } from './exit-status';
export { LocalSandboxBackend } from './sandbox/local-backend';
export type { LocalSandboxOptions } from './sandbox/local-backend';
export { sandboxArgv, SANDBOX_PATHS } from './sandbox/command';
export type { HostLayout } from './sandbox/command';
export { describeHost } from './sandbox/host';
export { SlurmBackend } from './slurm/backend';
export type { SlurmBackendOptions } from './slurm/backend';
export { SlurmRestClient } from './slurm/rest-client';
export type { SlurmRestOptions } from './slurm/rest-client';
export { SlurmCliClient } from './slurm/cli-client';
export type { SlurmApi, SlurmJobInfo, SlurmJobProperties } from './slurm/api';
export {
  decideGpuBudget,
  gpuHoursUsed,
  gpuHoursReserved,
  reserveGpuHours,
  MemoryGpuLedger,
} from './slurm/gpu-hours';
export type { GpuHoursLedger, GpuBudgetDecision } from './slurm/gpu-hours';
export { TesBackend } from './tes/backend';
export { TesClient } from './tes/client';
export type { TesClientOptions } from './tes/client';
export { tesServer, TES_PREFIX } from './tes/server';
export type { TesServerOptions, TesPlacement } from './tes/server';
export { TesTaskSchema, TesTaskViewSchema, TES_STATES } from './tes/schema';
export type { TesTaskInput, TesTaskView, TesState, TesServiceInfo } from './tes/schema';
export { taskToJob, jobToTask, DEFAULT_TES_POLICY } from './tes/mapping';
export type { TesLimitsPolicy } from './tes/mapping';
