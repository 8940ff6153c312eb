/**
 * The typed client of the hub's job routes (packages/server/src/jobs/routes.ts; issue 4 §5–6): a
 * person named in an active permit submits a Python, R or JavaScript script to run at the node holding
 * the data (the local sandbox, Slurm at an AI Factory, or TES), follows its status and log, and finds
 * its outputs in the airlock. Shapes mirror the hub's without importing them (DESIGN.md §2).
 */
import { createHttp, type HttpOptions } from './http';

/** A job's status at the hub. */
export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The languages a job may be written in. */
export const JOB_LANGUAGES = ['python', 'r', 'javascript'] as const;
export type JobLanguage = (typeof JOB_LANGUAGES)[number];

/** Where a job may run (the node's default when not named). */
export const JOB_BACKENDS = ['local', 'slurm', 'tes'] as const;
export type JobBackend = (typeof JOB_BACKENDS)[number];

/** True for the statuses after which nothing changes any more. */
export function isJobFinal(status: JobStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}

/** Resources a job may use. */
export interface JobLimits {
  cpus: number;
  memoryMb: number;
  timeSeconds: number;
  /** GPUs, only on an AI Factory's GPU partition; counted against the permit's GPU hours. */
  gpus: number;
}

/** What to submit; limits default to 1 CPU, 1024 MB, one hour, no GPU. */
export interface JobSubmission {
  language: JobLanguage;
  script: string;
  args?: string[];
  backend?: JobBackend;
  limits?: Partial<JobLimits>;
  /** The node to run at (a node id); needed only when several nodes hold the permit's data. */
  node?: string;
}

/** A job as the hub shows it. */
export interface Job {
  id: string;
  /** e.g. JOB-2026-000001 */
  reference: string;
  permitId: string;
  permitRootId: string;
  nodeId: string;
  nodeName: string | null;
  authorId: string;
  author: string;
  language: JobLanguage;
  args: string[];
  backend: JobBackend | null;
  limits: JobLimits;
  status: JobStatus;
  exitCode: number | null;
  /** Why it failed: exit-code, time-limit, memory-limit, cpu-limit, signal, system. */
  reason: string | null;
  message: string | null;
  gpuHoursReserved: number;
  gpuHoursUsed: number | null;
  /** The airlock request its outputs became. */
  airlock: { id: string; reference: string; status: string } | null;
  outputs: {
    sent: { name: string; size: number }[];
    withheld: { path: string; reason: string }[];
    airlockError: string | null;
  } | null;
  taskId: string | null;
  logBytes: number;
  cancelRequestedAt: string | null;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

/** One job with its script (author and staff). */
export interface JobView extends Job {
  script: string;
}

/** A part of a job's log from `offset` (characters); poll again from `nextOffset` until `complete`. */
export interface JobLogChunk {
  jobId: string;
  status: JobStatus;
  text: string;
  offset: number;
  nextOffset: number;
  complete: boolean;
  /** The hub keeps the first 2 MiB of a log. */
  truncated: boolean;
}

/** The job routes as typed methods. */
export interface JobsClient {
  /** Submits a job under a permit (named persons of an active permit only). */
  submit(permitId: string, job: JobSubmission): Promise<Job>;
  /** The jobs of a permit's workspace, newest first. */
  list(permitId: string, signal?: AbortSignal): Promise<Job[]>;
  get(id: string, signal?: AbortSignal): Promise<JobView>;
  logs(id: string, offset?: number, signal?: AbortSignal): Promise<JobLogChunk>;
  cancel(id: string): Promise<Job>;
  /**
   * Follows a job's log until it ends: calls `onText` with each new part, resolves with the job.
   * Polls every `intervalMs` (default 1 s) while nothing new arrives.
   */
  follow(
    id: string,
    onText: (text: string) => void,
    options?: { intervalMs?: number; signal?: AbortSignal },
  ): Promise<JobView>;
}

const enc = encodeURIComponent;

/** Creates the jobs client; in the browser pass `baseUrl: ''` and `credentials: 'same-origin'`. */
export function createJobsClient(options: HttpOptions): JobsClient {
  const send = createHttp(options);
  const client: JobsClient = {
    submit: (permitId, job) =>
      send<Job>({ method: 'POST', path: `/api/workspaces/${enc(permitId)}/jobs`, json: job }),
    list: async (permitId, signal) =>
      (await send<{ items: Job[] }>({ method: 'GET', path: `/api/workspaces/${enc(permitId)}/jobs`, signal }))
        .items,
    get: (id, signal) => send<JobView>({ method: 'GET', path: `/api/jobs/${enc(id)}`, signal }),
    logs: (id, offset = 0, signal) =>
      send<JobLogChunk>({ method: 'GET', path: `/api/jobs/${enc(id)}/logs?offset=${offset}`, signal }),
    cancel: (id) => send<Job>({ method: 'POST', path: `/api/jobs/${enc(id)}/cancel`, json: {} }),
    async follow(id, onText, opts = {}) {
      let offset = 0;
      for (;;) {
        const chunk = await client.logs(id, offset, opts.signal);
        if (chunk.text) onText(chunk.text);
        offset = chunk.nextOffset;
        if (chunk.complete) return client.get(id, opts.signal);
        if (!chunk.text) await new Promise((r) => setTimeout(r, opts.intervalMs ?? 1_000));
      }
    },
  };
  return client;
}
