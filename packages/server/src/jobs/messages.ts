import type { Db } from '@openehds/db';
import { notFound } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { FederatedNode } from '../federation/nodes';
import { usedGpuHours } from './gpu-budget';
import { isFinalStatus, loadJob, type JobRecord } from './store';

/**
 * What nodes tell the hub about their jobs (node `jobs/runner.ts`): the log as it grows (`job.log`)
 * and how the job ended (`job.finished`), with the airlock request its outputs became. A node speaks
 * only about the jobs the hub gave it: another node's job id is unknown to it.
 */

/** The most log text the hub keeps per job; beyond it the log is cut with a note. */
export const MAX_LOG_CHARS = 2 * 1024 * 1024;
const CUT_NOTE = '\n[log cut here: the hub keeps the first 2 MiB of a job’s log]\n';

/** A `job.log` message. */
export interface JobLogMessage {
  jobId: string;
  permitId: string;
  /** Byte offset of `text` in the node's log. */
  offset: number;
  text: string;
  state: 'queued' | 'running';
}

/** A `job.finished` message. */
export interface JobFinishedMessage {
  jobId: string;
  permitId: string;
  state: 'succeeded' | 'failed' | 'cancelled';
  exitCode?: number;
  reason?: string;
  message: string | null;
  startedAt: string | null;
  endedAt: string | null;
  outputs: { name: string; size: number }[];
  withheld: { path: string; reason: string }[];
  airlock: { id: string; reference: string } | null;
  airlockError: string | null;
  gpuHoursUsed: number | null;
}

async function nodeJob(db: Db, node: FederatedNode, jobId: string, permitId: string): Promise<JobRecord> {
  const job = await loadJob(db, jobId).catch(() => null);
  if (!job || job.nodeId !== node.id || job.permitId !== permitId) throw notFound('job', jobId);
  return job;
}

/**
 * Appends a chunk of a job's log when it continues what the hub holds (a chunk sent twice, or after a
 * lost one, is not appended) and moves a queued job to RUNNING. Answers with the bytes held, from
 * which the node continues.
 */
export async function receiveJobLog(db: Db, node: FederatedNode, msg: JobLogMessage) {
  const job = await nodeJob(db, node, msg.jobId, msg.permitId);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ log_bytes: string; log_len: number; status: string }>(
      'SELECT log_bytes, length(log) AS log_len, status FROM job WHERE id = $1 FOR UPDATE',
      [job.id],
    );
    const held = Number(row!.log_bytes);
    if (isFinalStatus(row!.status as JobRecord['status'])) return { logBytes: held };
    let appended = held;
    if (msg.offset === held && msg.text) {
      const room = MAX_LOG_CHARS - Number(row!.log_len);
      const text = msg.text.length <= room ? msg.text : `${msg.text.slice(0, Math.max(0, room))}${CUT_NOTE}`;
      const cut = msg.text.length > room;
      appended = held + Buffer.byteLength(msg.text);
      await tx.query(
        `UPDATE job SET log = log || $2, log_bytes = $3, log_truncated = log_truncated OR $4, updated_at = now()
         WHERE id = $1`,
        [job.id, room > 0 ? text : '', appended, cut],
      );
    }
    if (msg.state === 'running' && row!.status === 'QUEUED')
      await tx.query(
        `UPDATE job SET status = 'RUNNING', started_at = COALESCE(started_at, now()), updated_at = now() WHERE id = $1`,
        [job.id],
      );
    return { logBytes: appended };
  });
}

const FINAL: Record<JobFinishedMessage['state'], JobRecord['status']> = {
  succeeded: 'SUCCEEDED',
  failed: 'FAILED',
  cancelled: 'CANCELLED',
};

/**
 * Records how a job ended: its status, exit code and reason, the GPU hours it used (replacing its
 * reservation), what went to the airlock and what was withheld. The airlock request is linked only if
 * it is this job's, from this node (origin `{ kind: 'job', id }`). Idempotent: a repeated report of an
 * ended job changes nothing.
 */
export async function receiveJobFinished(db: Db, node: FederatedNode, msg: JobFinishedMessage) {
  const job = await nodeJob(db, node, msg.jobId, msg.permitId);
  if (isFinalStatus(job.status)) return { id: job.id, status: job.status };
  const status = FINAL[msg.state];
  const reported = msg.gpuHoursUsed ?? usedGpuHours(job.limits.gpus, msg.startedAt, msg.endedAt, Infinity);
  const gpuUsed = job.limits.gpus > 0 ? Math.min(job.gpuHoursReserved, Math.max(0, reported)) : 0;
  await db.transaction(async (tx) => {
    const [request] = msg.airlock
      ? await tx.query<{ id: string }>(
          `SELECT id FROM airlock_request WHERE id = $1 AND node_id = $2 AND permit_id = $3
             AND origin->>'kind' = 'job' AND origin->>'id' = $4`,
          [msg.airlock.id, node.id, job.permitId, job.id],
        )
      : [];
    await tx.query(
      `UPDATE job SET status = $2, exit_code = $3, reason = $4, message = $5, gpu_hours_used = $6,
         started_at = COALESCE($7::timestamptz, started_at), ended_at = COALESCE($8::timestamptz, now()),
         airlock_request_id = $9, outputs = $10::jsonb, updated_at = now()
       WHERE id = $1`,
      [
        job.id,
        status,
        msg.exitCode ?? null,
        msg.reason ?? null,
        msg.message,
        gpuUsed,
        msg.startedAt,
        msg.endedAt,
        request?.id ?? null,
        JSON.stringify({ sent: msg.outputs, withheld: msg.withheld, airlockError: msg.airlockError }),
      ],
    );
    await appendIn(tx, {
      actor: `node:${node.id}`,
      action: 'job.finish',
      object: `job:${job.reference}`,
      outcome: status === 'SUCCEEDED' ? 'success' : 'failure',
      details: {
        permit: job.permitId,
        status,
        exitCode: msg.exitCode ?? null,
        reason: msg.reason ?? null,
        gpuHoursUsed: gpuUsed,
        outputs: msg.outputs.map((o) => o.name),
        withheld: msg.withheld.length,
        airlock: msg.airlock?.reference ?? null,
        ...(msg.airlockError ? { airlockError: msg.airlockError } : {}),
      },
    });
  });
  return { id: job.id, status };
}
