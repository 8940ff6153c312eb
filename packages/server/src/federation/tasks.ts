import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { AppError, conflict, forbidden, invalid, notFound } from '@openehds/core';
import { appendBatch, appendIn, recordAudit, recordAuditBatch } from '../audit/service';
import { canonicalJson, signTask, toJsonValue, type JsonValue, type SignedTask } from '@openehds/core';
import { hubKeyPair } from './hub-key';
import { findNodeCached } from './nodes';
import { mayHandOff, queueOf, takeHandedOff } from './queue-view';
import { listen, waitFor, wake } from './signal';

/** SHA-256 of a result's canonical JSON, as recorded in the audit log. */
function resultDigest(result: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(toJsonValue(result ?? null)))
    .digest('hex');
}

/** A task's state at the hub. */
export interface TaskRecord {
  id: string;
  nodeId: string;
  type: string;
  payload: JsonValue;
  status: 'QUEUED' | 'CLAIMED' | 'DONE' | 'FAILED';
  createdBy: string | null;
  createdAt: string;
  claimedAt: string | null;
  completedAt: string | null;
  result: JsonValue | null;
  error: string | null;
  /** How often the task was handed to the node. */
  attempts: number;
}

/** The longest a pull may be held open: under common proxy idle timeouts (30 s and more). */
export const MAX_PULL_WAIT_MS = 25_000;
/** A task handed out this many times without a result is failed rather than handed out again. */
export const MAX_ATTEMPTS = 5;
/** Waits re-check the store this often, for hubs of several processes (see signal.ts). */
const RECHECK_MS = 1_000;

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

function toTask(r: Record<string, unknown>): TaskRecord {
  return {
    id: r.id as string,
    nodeId: r.node_id as string,
    type: r.type as string,
    payload: r.payload as JsonValue,
    status: r.status as TaskRecord['status'],
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    claimedAt: iso(r.claimed_at),
    completedAt: iso(r.completed_at),
    result: (r.result as JsonValue | null) ?? null,
    error: (r.error as string | null) ?? null,
    attempts: Number(r.attempts ?? 0),
  };
}

/** One task by id. */
export async function getTask(db: Db, id: string): Promise<TaskRecord> {
  const [row] = await db.query<Record<string, unknown>>('SELECT * FROM task WHERE id = $1', [id]);
  if (!row) throw notFound('task', id);
  return toTask(row);
}

// Usernames never change; a federated round queues tasks for the same account every few milliseconds.
const usernames = new WeakMap<Db, Map<string, string>>();

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** What a caller queues: the task and who asked for it; `id` only when the caller must know it first. */
export interface TaskInput {
  id?: string;
  nodeId: string;
  type: string;
  payload: unknown;
  createdBy: string | null;
}

/** Queues a task for an approved node; the node picks it up on its next pull. */
export async function enqueueTask(db: Db, input: TaskInput): Promise<TaskRecord> {
  return (await enqueueTasks(db, [input]))[0]!;
}

/**
 * Queues several tasks in one transaction with one audit batch (a federated round asks every node at
 * once: one write instead of one per node keeps the round's overhead low, issue 4 benchmarks).
 * All or none: one task for a node that is unknown or not approved refuses the whole batch.
 */
export async function enqueueTasks(db: Db, inputs: readonly TaskInput[]): Promise<TaskRecord[]> {
  if (!inputs.length) return [];
  for (const input of inputs) {
    if (!/^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/.test(input.type)) {
      throw invalid(`task type ${input.type} must be lower case, e.g. ping or cohort.count`, [
        { path: 'type', message: 'invalid' },
      ]);
    }
  }
  const nodeIds = [...new Set(inputs.map((i) => i.nodeId))];
  for (const id of nodeIds) {
    const node = isUuid(id) ? await findNodeCached(db, id) : null;
    if (!node) throw notFound('node', id);
    if (node.status !== 'APPROVED')
      throw forbidden(`node ${node.id} (${node.name}) is ${node.status}; only approved nodes get tasks`);
  }
  const names = usernames.get(db) ?? new Map<string, string>();
  usernames.set(db, names);
  const unknown = [
    ...new Set(inputs.flatMap((i) => (i.createdBy && !names.has(i.createdBy) ? [i.createdBy] : []))),
  ];
  if (unknown.length) {
    const rows = await db.query<{ id: string; username: string }>(
      'SELECT id, username FROM account WHERE id = ANY($1::uuid[])',
      [unknown.filter(isUuid)],
    );
    for (const r of rows) names.set(r.id, r.username);
  }
  const actorOf = (createdBy: string | null) => {
    const username = createdBy ? names.get(createdBy) : undefined;
    return username ? `account:${username}` : 'system';
  };
  // A node whose pull waits here gets its tasks claimed as they are queued: no claim statement and
  // no separate audit transaction when the pull hands them out (queue-view.ts).
  const handOff = new Set(nodeIds.filter((id) => mayHandOff(queueOf(db, id))));
  const rows = inputs.map((i) => ({ ...i, id: i.id ?? randomUUID(), claimed: handOff.has(i.nodeId) }));
  const tasks = await db.transaction(async (tx) => {
    const inserted = await tx.query<Record<string, unknown>>(
      `INSERT INTO task (id, node_id, type, payload, status, created_by, claimed_at, attempts)
       SELECT id::uuid, node_id::uuid, type, payload::jsonb, CASE WHEN claimed THEN 'CLAIMED' ELSE 'QUEUED' END,
         created_by::uuid, CASE WHEN claimed THEN now() END, CASE WHEN claimed THEN 1 ELSE 0 END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[])
         AS t(id, node_id, type, payload, created_by, claimed)
       RETURNING *`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.nodeId),
        rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.payload ?? null)),
        rows.map((r) => r.createdBy),
        rows.map((r) => r.claimed),
      ],
    );
    await appendBatch(tx, [
      ...rows.map((r) => ({
        actor: actorOf(r.createdBy),
        action: 'task.enqueue',
        object: `task:${r.id}`,
        outcome: 'success' as const,
        details: { nodeId: r.nodeId, type: r.type },
      })),
      ...rows
        .filter((r) => r.claimed)
        .map((r) => claimAudit(r.nodeId, { id: r.id, type: r.type, attempts: 1 })),
    ]);
    const byId = new Map(inserted.map((row) => [row.id as string, toTask(row)]));
    return rows.map((r) => byId.get(r.id)!);
  });
  for (const id of nodeIds) {
    const q = queueOf(db, id);
    q.enqueued++;
    if (handOff.has(id)) {
      // Nothing was added to the queue itself: it is still empty.
      q.emptyAt = q.enqueued;
      q.handedOff.push(...tasks.filter((t) => t.nodeId === id).map((task) => ({ task, at: Date.now() })));
    }
    wake(db, `node:${id}`);
  }
  return tasks;
}

/** The audit record of a task handed to its node. */
function claimAudit(nodeId: string, t: { id: string; type: string; attempts: number }) {
  return {
    actor: `node:${nodeId}`,
    action: 'task.claim',
    object: `task:${t.id}`,
    outcome: 'success' as const,
    details: { nodeId, type: t.type, attempt: t.attempts },
  };
}

/** Signs tasks for their node, oldest first. */
async function signed(db: Db, tasks: readonly TaskRecord[]): Promise<SignedTask[]> {
  const hub = await hubKeyPair(db);
  return [...tasks]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((t) =>
      signTask(hub.privateKey, { taskId: t.id, nodeId: t.nodeId, type: t.type, payload: t.payload }),
    );
}

/** Claims handed out by another hub process are compared with the store at least this often. */
const RECONCILE_EVERY_MS = 10_000;

/** Claims up to `max` queued tasks of a node, oldest first, and signs them with the hub's key. */
export async function claimTasks(db: Db, nodeId: string, max: number): Promise<SignedTask[]> {
  const rows = await db.query<Record<string, unknown>>(
    `UPDATE task SET status = 'CLAIMED', claimed_at = now(), attempts = attempts + 1
     WHERE id IN (SELECT id FROM task WHERE node_id = $1 AND status = 'QUEUED' ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [nodeId, max],
  );
  if (!rows.length) return [];
  for (const r of rows) queueOf(db, nodeId).claimed.add(r.id as string);
  const tasks = rows.map(toTask);
  await recordAuditBatch(
    db,
    tasks.map((t) => claimAudit(nodeId, t)),
  );
  return signed(db, tasks);
}

/**
 * Long poll: claims the node's queued tasks, waiting up to `waitMs` (capped) for one to arrive.
 * Returns early with nothing when `signal` aborts (the node went away or the hub is stopping).
 */
export async function pullTasks(
  db: Db,
  nodeId: string,
  options: { waitMs: number; max?: number; held?: readonly string[]; signal?: AbortSignal },
): Promise<SignedTask[]> {
  await reconcileClaims(db, nodeId, options.held ?? []);
  const deadline = Date.now() + Math.min(Math.max(0, options.waitMs), MAX_PULL_WAIT_MS);
  const max = Math.min(Math.max(1, options.max ?? 10), 100);
  const queue = queueOf(db, nodeId);
  for (let round = 0; ; round++) {
    if (options.signal?.aborted) return [];
    const handed = await takeHandedOff(db, queue, max);
    if (handed.length) {
      for (const t of handed) queue.claimed.add(t.id);
      return signed(db, handed);
    }
    // A node pulls again as soon as it has sent a result; when this process saw the queue drained
    // and queued nothing since, that first claim would find nothing. Later rounds always claim, so
    // tasks queued by another hub process are found within a recheck.
    const seen = queue.enqueued;
    const tasks = round === 0 && queue.emptyAt === seen ? [] : await claimTasks(db, nodeId, max);
    if (tasks.length < max && !(round === 0 && queue.emptyAt === seen)) queue.emptyAt = seen;
    const left = deadline - Date.now();
    if (tasks.length || left <= 0) return tasks;
    queue.waiting++;
    try {
      await waitFor(db, `node:${nodeId}`, Math.min(left, RECHECK_MS), options.signal);
    } finally {
      queue.waiting--;
    }
  }
}

/** Records a node's result for a task it claimed; a result for another node's task is refused. */
export async function completeTask(
  db: Db,
  nodeId: string,
  input: { taskId: string; ok: boolean; result?: unknown; error?: string },
): Promise<TaskRecord> {
  const status = input.ok ? 'DONE' : 'FAILED';
  const resultJson = input.ok ? JSON.stringify(input.result ?? null) : null;
  const task = await db.transaction(async (tx) => {
    // The result is not read back: it is what was just written (a GLM round's matrices, every round).
    const [row] = await tx.query<Record<string, unknown>>(
      `UPDATE task SET status = $3, completed_at = now(), result = $4::jsonb, error = $5
       WHERE id = $1 AND node_id = $2 AND status = 'CLAIMED'
       RETURNING id, node_id, type, payload, status, created_by, created_at, claimed_at, completed_at, error, attempts`,
      [input.taskId, nodeId, status, resultJson, input.ok ? null : (input.error ?? 'failed')],
    );
    if (!row) {
      const [other] = await tx.query<{ node_id: string; status: string }>(
        'SELECT node_id, status FROM task WHERE id = $1',
        [input.taskId],
      );
      // Another node's task is reported as unknown, so nodes learn nothing about each other's work.
      if (!other || other.node_id !== nodeId) throw notFound('task', input.taskId);
      throw conflict(`task ${input.taskId} is ${other.status}, not CLAIMED; its result was already recorded`);
    }
    await appendIn(tx, {
      actor: `node:${nodeId}`,
      action: 'task.complete',
      object: `task:${input.taskId}`,
      outcome: input.ok ? 'success' : 'failure',
      details: {
        nodeId,
        type: row.type as string,
        status,
        // The digest binds the audit record to the exact result received (compare before releasing it).
        ...(input.ok ? { resultSha256: resultDigest(input.result) } : { error: input.error ?? 'failed' }),
      },
    });
    return toTask({ ...row, result: resultJson === null ? null : JSON.parse(resultJson) });
  });
  queueOf(db, nodeId).claimed.delete(task.id);
  wake(db, `task:${task.id}`, task);
  return task;
}

/** Waits until a task is DONE or FAILED; throws `unavailable` if it is not within `timeoutMs`. */
export function awaitTaskResult(
  db: Db,
  taskId: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<TaskRecord> {
  return watchTask(db, taskId).result(timeoutMs, signal, { readFirst: true });
}

const finished = (t: TaskRecord | undefined) => t?.status === 'DONE' || t?.status === 'FAILED';

/**
 * Starts listening for a task's end before it is queued, so the caller that queues it then waits
 * without reading the store: the completion's wake carries the record. Waits still re-read the store
 * every second, for hubs of several processes where the wake happens elsewhere.
 */
export function watchTask(db: Db, taskId: string) {
  let woken: TaskRecord | undefined;
  const stop = listen(db, `task:${taskId}`, (value) => {
    if (value && typeof value === 'object') woken = value as TaskRecord;
  });
  return {
    stop,
    async result(timeoutMs: number, signal?: AbortSignal, options?: { readFirst?: boolean }) {
      const deadline = Date.now() + timeoutMs;
      let read = options?.readFirst ?? false;
      try {
        for (;;) {
          const task = finished(woken) ? woken : read ? await getTask(db, taskId) : undefined;
          if (task && finished(task)) return task;
          const left = deadline - Date.now();
          if (left <= 0 || signal?.aborted) {
            throw new AppError(
              'unavailable',
              `task ${taskId} is still ${task?.status ?? 'QUEUED'} after ${timeoutMs} ms; the node may be offline or busy (check its last-seen time)`,
            );
          }
          await waitFor(db, `task:${taskId}`, Math.min(left, RECHECK_MS), signal);
          read = true;
        }
      } finally {
        stop();
      }
    },
  };
}

/**
 * Hands out again the tasks a node lost. A node pulls one request at a time and names in each pull
 * the tasks it holds (received, result not yet acknowledged), so any other task it has CLAIMED
 * never reached it (the answer was lost when it went away) or died with a restart: back to the
 * queue, or FAILED once handed out {@link MAX_ATTEMPTS} times. Delivery is thus at least once; a
 * node skips a task it already holds.
 */
export async function reconcileClaims(db: Db, nodeId: string, held: readonly string[]): Promise<void> {
  // Every pull names what the node holds; when it holds all this process handed out, and the store
  // was compared recently, there is nothing lost to look for (one statement less per pull).
  const q = queueOf(db, nodeId);
  const now = Date.now();
  if (now - q.reconciledAt < RECONCILE_EVERY_MS && [...q.claimed].every((id) => held.includes(id))) return;
  q.reconciledAt = now;
  for (const id of q.claimed) if (!held.includes(id)) q.claimed.delete(id);
  // Tasks waiting here to be handed out are not lost either.
  const kept = [...held, ...q.handedOff.map((h) => h.task.id)];
  const lost = await db.query<{ id: string; attempts: number; type: string }>(
    `SELECT id, attempts, type FROM task WHERE node_id = $1 AND status = 'CLAIMED' AND NOT (id::text = ANY($2::text[]))`,
    [nodeId, kept],
  );
  for (const t of lost) {
    const failed = Number(t.attempts) >= MAX_ATTEMPTS;
    const [row] = await db.query<{ id: string }>(
      failed
        ? `UPDATE task SET status = 'FAILED', completed_at = now(), error = $3 WHERE id = $1 AND node_id = $2 AND status = 'CLAIMED' RETURNING id`
        : `UPDATE task SET status = 'QUEUED', claimed_at = NULL WHERE id = $1 AND node_id = $2 AND status = 'CLAIMED' RETURNING id`,
      failed
        ? [
            t.id,
            nodeId,
            `handed to the node ${MAX_ATTEMPTS} times without a result; the node may crash on it`,
          ]
        : [t.id, nodeId],
    );
    if (!row) continue;
    if (!failed) queueOf(db, nodeId).enqueued++;
    await recordAudit(db, {
      actor: `node:${nodeId}`,
      action: failed ? 'task.complete' : 'task.redeliver',
      object: `task:${t.id}`,
      outcome: 'failure',
      details: {
        type: t.type,
        attempts: Number(t.attempts),
        reason: 'the node does not hold the task it claimed (lost in transit or node restarted)',
      },
    });
    if (failed) wake(db, `task:${t.id}`);
  }
}
