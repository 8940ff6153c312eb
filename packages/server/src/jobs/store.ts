import type { Queryable } from '@openehds/db';
import { notFound } from '@openehds/core';

/** Reading jobs (migration 0017). */

/** A job's status at the hub. */
export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** True for the statuses after which nothing changes any more. */
export const isFinalStatus = (s: JobStatus) => s === 'SUCCEEDED' || s === 'FAILED' || s === 'CANCELLED';

/** The limits a job runs under. */
export interface JobLimits {
  cpus: number;
  memoryMb: number;
  timeSeconds: number;
  gpus: number;
}

/** A job as the API shows it (the script only in the single view, the log through its own route). */
export interface JobRecord {
  id: string;
  reference: string;
  permitId: string;
  permitRootId: string;
  nodeId: string;
  nodeName: string | null;
  authorId: string;
  /** The author's username. */
  author: string;
  language: 'python' | 'r' | 'javascript';
  args: string[];
  /** `local`, `slurm` or `tes`; null: the node's default. */
  backend: string | null;
  limits: JobLimits;
  status: JobStatus;
  exitCode: number | null;
  reason: string | null;
  message: string | null;
  gpuHoursReserved: number;
  gpuHoursUsed: number | null;
  /** The airlock request the job's outputs became, if any. */
  airlock: { id: string; reference: string; status: string } | null;
  /** What the node sent to the airlock and what it withheld. */
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

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** The columns of a job with its node's name, author and airlock request (never the log text). */
export const JOB_SELECT = `SELECT j.id, j.reference, j.permit_id, j.permit_root_id, j.node_id, n.name AS node_name,
    j.author_id, a.username AS author, j.language, j.args, j.backend, j.limits, j.status, j.exit_code, j.reason,
    j.message, j.gpu_hours_reserved, j.gpu_hours_used, j.outputs, j.task_id, j.log_bytes,
    j.cancel_requested_at, j.created_at, j.started_at, j.ended_at, j.updated_at,
    r.id AS airlock_id, r.reference AS airlock_reference, r.status AS airlock_status
  FROM job j JOIN account a ON a.id = j.author_id LEFT JOIN node n ON n.id = j.node_id
  LEFT JOIN airlock_request r ON r.id = j.airlock_request_id`;

/** A row of {@link JOB_SELECT} as a record. */
export function toJob(r: Record<string, unknown>): JobRecord {
  return {
    id: r.id as string,
    reference: r.reference as string,
    permitId: r.permit_id as string,
    permitRootId: r.permit_root_id as string,
    nodeId: r.node_id as string,
    nodeName: (r.node_name as string | null) ?? null,
    authorId: r.author_id as string,
    author: r.author as string,
    language: r.language as JobRecord['language'],
    args: r.args as string[],
    backend: (r.backend as string | null) ?? null,
    limits: r.limits as JobLimits,
    status: r.status as JobStatus,
    exitCode: r.exit_code == null ? null : Number(r.exit_code),
    reason: (r.reason as string | null) ?? null,
    message: (r.message as string | null) ?? null,
    gpuHoursReserved: Number(r.gpu_hours_reserved),
    gpuHoursUsed: r.gpu_hours_used == null ? null : Number(r.gpu_hours_used),
    airlock: r.airlock_id
      ? {
          id: r.airlock_id as string,
          reference: r.airlock_reference as string,
          status: r.airlock_status as string,
        }
      : null,
    outputs: (r.outputs as JobRecord['outputs']) ?? null,
    taskId: (r.task_id as string | null) ?? null,
    logBytes: Number(r.log_bytes),
    cancelRequestedAt: iso(r.cancel_requested_at),
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    updatedAt: iso(r.updated_at)!,
  };
}

/** One job; `lock` takes a row lock for a change. */
export async function loadJob(db: Queryable, id: string, lock = false): Promise<JobRecord> {
  const [row] = await db.query<Record<string, unknown>>(
    `${JOB_SELECT} WHERE j.id = $1${lock ? ' FOR UPDATE OF j' : ''}`,
    [id],
  );
  if (!row) throw notFound('job', id);
  return toJob(row);
}

/** The jobs of a permit version, newest first. */
export async function listPermitJobs(db: Queryable, permitId: string): Promise<JobRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${JOB_SELECT} WHERE j.permit_id = $1 ORDER BY j.created_at DESC, j.reference DESC LIMIT 500`,
    [permitId],
  );
  return rows.map(toJob);
}

/** GPU hours spent in a permit chain: used by ended jobs, reserved by the others. */
export async function spentGpuHours(db: Queryable, rootId: string): Promise<number> {
  const [row] = await db.query<{ spent: number | null }>(
    `SELECT SUM(COALESCE(gpu_hours_used, gpu_hours_reserved)) AS spent FROM job WHERE permit_root_id = $1`,
    [rootId],
  );
  return Number(row?.spent ?? 0);
}
