import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { conflict, forbidden, invalid } from '@openehds/core';
import { appendIn, recordAudit } from '../audit/service';
import type { Principal } from '../auth/roles';
import { enqueueTask, getTask } from '../federation/tasks';
import type { PermitRecord } from '../permits/store';
import { workspaceFor } from '../spe/workspace';
import { decideGpuHours } from './gpu-budget';
import {
  isFinalStatus,
  listPermitJobs,
  loadJob,
  spentGpuHours,
  type JobLimits,
  type JobRecord,
} from './store';

/**
 * Code-to-data jobs at the hub (issue 4 §5–6; Art. 73): a person named in an active permit submits a
 * script; the hub records it, counts its GPU hours against the permit chain's grant, and queues a
 * `job.run` task for the node holding the data. The node streams the log back and hands the outputs
 * to the airlock (node `jobs/runner.ts`, `messages.ts` here). Staff see every job and may cancel one;
 * a data user sees the jobs of the workspaces they are named in, and the script, log and outputs of
 * their own.
 */

/** The task a node runs a job for (node `jobs/payload.ts`). */
export const JOB_RUN_TASK = 'job.run';
/** The task that cancels one; it names no permit, so a node stops a job after its permit ended too. */
export const JOB_CANCEL_TASK = 'job.cancel';

/** What a data user submits. */
export interface JobInput {
  language: 'python' | 'r' | 'javascript';
  script: string;
  args: string[];
  backend?: 'local' | 'slurm' | 'tes';
  limits: JobLimits;
  /** The node to run at; needed only when several nodes hold the permit's data. */
  node?: string;
}

/** HDAB staff oversee every job (and may stop one); the author sees their own in full. */
const isStaff = (p: Principal) => p.role === 'hdab_staff';

/** The approved nodes holding datasets of the permit. */
async function nodesHolding(db: Queryable, permit: PermitRecord): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>(
    `SELECT DISTINCT n.id, n.name FROM dataset d JOIN node n ON n.id = d.node_id
     WHERE d.id = ANY($1::text[]) AND n.status = 'APPROVED' ORDER BY n.name`,
    [(permit.content.datasets ?? []).map((d) => d.datasetId)],
  );
}

/**
 * Where a job runs: the node it names, which must hold data of the permit; or, when it names none, the
 * one node that does. A job is one run of one script in one place, so with several nodes the data
 * user says which (and submits once per node for a multi-site run).
 */
function pickNode(nodes: { id: string; name: string }[], wanted: string | undefined, permitId: string) {
  if (wanted) {
    const node = nodes.find((n) => n.id === wanted);
    if (!node)
      throw invalid(`node ${wanted} holds no data of permit ${permitId}`, [
        { path: 'node', message: `one of: ${nodes.map((n) => `${n.id} (${n.name})`).join(', ') || 'none'}` },
      ]);
    return node;
  }
  if (nodes.length === 1) return nodes[0]!;
  if (!nodes.length) throw conflict(`no approved node holds the datasets of permit ${permitId} yet`);
  throw invalid(`${nodes.length} nodes hold data of permit ${permitId}; say which one runs this job`, [
    { path: 'node', message: `one of: ${nodes.map((n) => `${n.id} (${n.name})`).join(', ')}` },
  ]);
}

/** Submits a job under a permit: named persons of an active permit only (Art. 73(1)(a), 68(10)(d)). */
export async function submitJob(db: Db, p: Principal, permitId: string, input: JobInput): Promise<JobRecord> {
  const { permit } = await workspaceFor(db, p, permitId, 'work');
  const node = pickNode(await nodesHolding(db, permit), input.node, permit.id);
  const id = randomUUID();
  const gpus = input.limits.gpus;
  const scriptSha256 = createHash('sha256').update(input.script).digest('hex');
  const decision = await db.transaction(async (tx) => {
    // One submission per chain at a time: the budget check and the reservation cannot interleave.
    await tx.query('SELECT id FROM permit WHERE id = $1 FOR UPDATE', [permit.rootId]);
    const decision = decideGpuHours({
      permitId: permit.id,
      grantedHours: permit.content.spe?.gpuHours ?? 0,
      spentHours: await spentGpuHours(tx, permit.rootId),
      gpus,
      timeSeconds: input.limits.timeSeconds,
    });
    if (!decision.allowed) return decision;
    const [{ n } = { n: '0' }] = await tx.query<{ n: string }>(`SELECT nextval('job_reference_seq') AS n`);
    const reference = `JOB-${new Date().getUTCFullYear()}-${String(n).padStart(6, '0')}`;
    await tx.query(
      `INSERT INTO job (id, reference, permit_id, permit_root_id, node_id, author_id, language, script, args,
         backend, limits, gpu_hours_reserved, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::jsonb, $12, 'QUEUED')`,
      [
        id,
        reference,
        permit.id,
        permit.rootId,
        node.id,
        p.accountId,
        input.language,
        input.script,
        JSON.stringify(input.args),
        input.backend ?? null,
        JSON.stringify(input.limits),
        decision.reserve,
      ],
    );
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'job.submit',
      object: `job:${reference}`,
      outcome: 'success',
      details: {
        permit: permit.id,
        node: node.id,
        language: input.language,
        backend: input.backend ?? null,
        limits: { ...input.limits },
        scriptSha256,
        gpuHoursReserved: decision.reserve,
      },
    });
    return decision;
  });
  if (!decision.allowed) {
    await recordAudit(db, {
      actor: `account:${p.username}`,
      action: 'job.submit',
      object: `permit:${permit.id}`,
      outcome: 'failure',
      details: { reason: 'gpu-hours', requested: decision.reserve, remaining: decision.remaining },
    });
    throw forbidden(decision.reason);
  }
  try {
    const task = await enqueueTask(db, {
      nodeId: node.id,
      type: JOB_RUN_TASK,
      payload: {
        permitId: permit.id,
        jobId: id,
        author: p.username,
        language: input.language,
        script: input.script,
        args: input.args,
        ...(input.backend ? { backend: input.backend } : {}),
        limits: input.limits,
        gpuHoursApproved: decision.reserve,
      },
      createdBy: p.accountId,
    });
    await db.query('UPDATE job SET task_id = $2, updated_at = now() WHERE id = $1', [id, task.id]);
  } catch (err) {
    await db.query(
      `UPDATE job SET status = 'FAILED', message = $2, gpu_hours_used = 0, ended_at = now(), updated_at = now() WHERE id = $1`,
      [id, `the hub could not queue the job: ${(err as Error).message}`],
    );
    throw err;
  }
  return loadJob(db, id);
}

/**
 * A job's status, brought up to date with its task: a task the node refused or failed (its permit
 * check, no data files yet, a backend it lacks) fails the job with the node's reason.
 */
async function synced(db: Db, job: JobRecord): Promise<JobRecord> {
  if (isFinalStatus(job.status) || !job.taskId) return job;
  const task = await getTask(db, job.taskId).catch(() => null);
  if (task?.status !== 'FAILED') return job;
  const [row] = await db.query(
    `UPDATE job SET status = 'FAILED', reason = 'system', message = $2, gpu_hours_used = 0, ended_at = now(),
       updated_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
    [job.id, task.error ?? 'the node could not run the job'],
  );
  if (row)
    await recordAudit(db, {
      actor: `node:${job.nodeId}`,
      action: 'job.finish',
      object: `job:${job.reference}`,
      outcome: 'failure',
      details: { permit: job.permitId, status: 'FAILED', error: task.error },
    });
  return loadJob(db, job.id);
}

/** A job for its author or staff; others get 403 (as the airlock's requests). */
async function jobFor(db: Db, p: Principal, id: string): Promise<JobRecord> {
  const job = await loadJob(db, id);
  if (isStaff(p) || job.authorId === p.accountId) return synced(db, job);
  throw forbidden('only the author of a job and HDAB staff see it');
}

/** One job with its script. */
export async function jobView(db: Db, p: Principal, id: string): Promise<JobRecord & { script: string }> {
  const job = await jobFor(db, p, id);
  const [row] = await db.query<{ script: string }>('SELECT script FROM job WHERE id = $1', [id]);
  return { ...job, script: row?.script ?? '' };
}

/** The jobs of a permit's workspace: its named persons and staff (without scripts or logs). */
export async function workspaceJobs(db: Db, p: Principal, permitId: string): Promise<JobRecord[]> {
  const { permit } = await workspaceFor(db, p, permitId, 'read');
  const jobs = await listPermitJobs(db, permit.id);
  return Promise.all(jobs.map((j) => synced(db, j)));
}

/** The log from a character offset, for polling (`complete` once the job ended). */
export async function jobLogs(db: Db, p: Principal, id: string, offset: number) {
  const job = await jobFor(db, p, id);
  const [row] = await db.query<{ log: string; log_truncated: boolean }>(
    'SELECT log, log_truncated FROM job WHERE id = $1',
    [id],
  );
  const log = row?.log ?? '';
  const start = Math.min(Math.max(0, offset), log.length);
  return {
    jobId: job.id,
    status: job.status,
    text: log.slice(start),
    offset: start,
    nextOffset: log.length,
    complete: isFinalStatus(job.status),
    truncated: row?.log_truncated === true,
  };
}

/**
 * Cancels a job: one the node has not taken yet is cancelled here; otherwise the node is asked to stop
 * it (`job.cancel`) and reports its end as for any job.
 */
export async function cancelJob(db: Db, p: Principal, id: string): Promise<JobRecord> {
  const job = await jobFor(db, p, id);
  if (isFinalStatus(job.status)) throw conflict(`job ${job.reference} has already ended (${job.status})`);
  await db.query('UPDATE job SET cancel_requested_at = now(), updated_at = now() WHERE id = $1', [id]);
  const taken = job.taskId
    ? await db.query<{ id: string }>(
        `UPDATE task SET status = 'FAILED', completed_at = now(), error = 'cancelled before the node took it'
         WHERE id = $1 AND status = 'QUEUED' RETURNING id`,
        [job.taskId],
      )
    : [];
  if (taken.length) {
    await db.query(
      `UPDATE job SET status = 'CANCELLED', message = 'cancelled before it started', gpu_hours_used = 0,
         ended_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
  } else {
    await enqueueTask(db, {
      nodeId: job.nodeId,
      type: JOB_CANCEL_TASK,
      payload: { jobId: job.id },
      createdBy: p.accountId,
    });
  }
  await recordAudit(db, {
    actor: `account:${p.username}`,
    action: 'job.cancel',
    object: `job:${job.reference}`,
    outcome: 'success',
    details: { permit: job.permitId, before: job.status, atHub: taken.length > 0 },
  });
  return loadJob(db, id);
}
