/**
 * The code-to-data execution layer (EHDS.md §11, issue 4 §5–6): a data user's script runs next to the
 * permit's extract and only its output folder leaves, through the airlock. Every backend (the local
 * bubblewrap sandbox, Slurm at an AI Factory, a GA4GH TES server) takes the same `Job` and answers
 * the same questions, so the node's job handler does not care where the work runs.
 */

/** The interpreters a job may use; each maps to a fixed binary inside the sandbox. */
export type JobLanguage = 'python' | 'r' | 'javascript';

/** Resources a job may use; enforced by the sandbox (prlimit, CPU affinity, a wall-clock kill). */
export interface JobLimits {
  cpus: number;
  memoryMb: number;
  timeSeconds: number;
  /** GPUs requested; only a Slurm GPU partition can grant them (counted against the permit). */
  gpus?: number;
}

/** One run of a data user's script under a data permit (Art. 73: processing in a secure environment). */
export interface Job {
  /** Our id (UUID-like, `[A-Za-z0-9_-]`), also the name of its work folder. */
  id: string;
  /** The data permit the job runs under (Art. 68); checked by the caller before submit. */
  permitId: string;
  language: JobLanguage;
  /** The script's source text. */
  script: string;
  args: string[];
  limits: JobLimits;
  /** The permit's extract on this node, mounted read-only at `/data`. Absolute path. */
  inputDir: string;
  /** The one writable folder, mounted at `/output`; its content goes to the airlock. Absolute path. */
  outputDir: string;
}

/** Where a job runs and the backend's own id for it (a pid, a Slurm job id, a TES task id). */
export interface JobHandle {
  backend: 'local' | 'slurm' | 'tes';
  jobId: string;
  ref: string;
}

/** Life-cycle of a job, the same for every backend. */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** Why a job ended when it did not succeed; `memory-limit` is inferred from the interpreter's message. */
export type FailureReason = 'exit-code' | 'time-limit' | 'memory-limit' | 'cpu-limit' | 'signal' | 'system';

/** What a backend knows about a job now. */
export interface JobStatus {
  state: JobState;
  exitCode?: number;
  reason?: FailureReason;
  /** A sentence for the data user (`killed at the 5 s time limit`). */
  message?: string;
  startedAt?: string;
  endedAt?: string;
}

/** A chunk of the job's combined stdout+stderr from `offset` (bytes) and where to continue. */
export interface LogChunk {
  text: string;
  nextOffset: number;
  /** True when the job has ended and no more text will come. */
  complete: boolean;
}

/** One file the job left in its output folder (path relative to it, `/` separators). */
export interface OutputFile {
  path: string;
  size: number;
}

/** A place that runs jobs: the local sandbox, Slurm through slurmrestd, or a TES server. */
export interface ComputeBackend {
  submit(job: Job): Promise<JobHandle>;
  status(handle: JobHandle): Promise<JobStatus>;
  logs(handle: JobHandle, fromOffset: number): Promise<LogChunk>;
  cancel(handle: JobHandle): Promise<void>;
  outputs(handle: JobHandle): Promise<OutputFile[]>;
}

/** True for the states after which nothing changes any more. */
export function isFinal(state: JobState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled';
}
