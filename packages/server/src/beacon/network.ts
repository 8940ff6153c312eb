import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import {
  AppError,
  type BeaconAccess,
  type BeaconQuery,
  type BeaconResultSet,
  type Issue,
  type SdcPolicy,
} from '@openehds/core';
import { enqueueTasks, watchTask, type TaskRecord } from '../federation/tasks';

/**
 * The hub as a Beacon network (issue 5 §2: "the hub fans a query out to every node and merges the
 * answers per node"). One hub-signed `beacon.query` task per approved node holding a published
 * dataset, queued in one batch; each node runs its own engine and disclosure control, so only what the
 * caller may see reaches the hub. A node that does not answer in time is listed with its status, never
 * failing the whole query.
 */

/** The node task (packages/node/src/beacon/task.ts). */
export const BEACON_QUERY_TASK = 'beacon.query';

/**
 * A node not heard from for this long is offline: listed at once, never sent a task, so one node that
 * is down does not make every network query wait the whole timeout. Three of the node's heartbeat
 * intervals (packages/node/src/federation/runtime.ts `heartbeatMs`, 60 s by default); a running node
 * is heard from more often still, as every long-poll for tasks (≤ 25 s) counts (federation/accept.ts).
 */
export const BEACON_OFFLINE_AFTER_MS = 3 * 60_000;

/** A node asked, with the published datasets it holds that were asked about. */
export interface BeaconTarget {
  nodeId: string;
  nodeName: string;
  country: string;
  datasets: string[];
  /** When the hub last heard from the node (any accepted signed message), or null if never. */
  lastSeenAt: string | null;
}

/** How one node took part. */
export interface NodeOutcome extends BeaconTarget {
  status: 'ok' | 'timeout' | 'offline' | 'error' | 'invalid';
  resultSets: BeaconResultSet[];
  message?: string;
  issues?: Issue[];
  notes?: string[];
}

/** Every approved node with a published dataset, with its datasets (restricted to `datasetIds`). */
export async function beaconTargets(db: Db, datasetIds?: readonly string[]): Promise<BeaconTarget[]> {
  const rows = await db.query<{
    id: string;
    node_id: string;
    name: string;
    country: string;
    last_seen_at: Date | string | null;
  }>(
    `SELECT d.id, n.id AS node_id, n.name, n.country, n.last_seen_at FROM dataset d JOIN node n ON n.id = d.node_id
     WHERE d.status = 'PUBLISHED' AND n.status = 'APPROVED' AND ($1::text[] IS NULL OR d.id = ANY($1::text[]))
     ORDER BY n.name, n.id, d.id`,
    [datasetIds?.length ? [...datasetIds] : null],
  );
  const byNode = new Map<string, BeaconTarget>();
  for (const r of rows) {
    const t = byNode.get(r.node_id) ?? {
      nodeId: r.node_id,
      nodeName: r.name,
      country: r.country.trim(),
      datasets: [],
      lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at).toISOString() : null,
    };
    t.datasets.push(r.id);
    byNode.set(r.node_id, t);
  }
  return [...byNode.values()];
}

/** Why a node is offline at `now`, or null when it was heard from within `offlineAfterMs`. */
export function offlineReason(target: BeaconTarget, now: Date, offlineAfterMs: number): string | null {
  if (!target.lastSeenAt) return 'the hub has never heard from this node; it is offline and was not asked';
  const silentMs = now.getTime() - Date.parse(target.lastSeenAt);
  if (silentMs <= offlineAfterMs) return null;
  return `offline: not heard from since ${target.lastSeenAt} (over ${Math.round(offlineAfterMs / 60_000)} min); it was not asked`;
}

type FanOutAnswer = {
  target: BeaconTarget;
  task: TaskRecord | null;
  failure?: 'timeout' | 'offline' | 'error';
  message?: string;
};

/**
 * Sends one task to each target heard from lately, in one batch, and waits for each answer up to
 * `timeoutMs`; an offline target is answered at once (no task: it would only wait in the queue).
 * Every watch starts before the batch is queued, so no completion is missed. Answers in target order.
 */
export async function fanOut(
  db: Db,
  targets: readonly BeaconTarget[],
  type: string,
  payloadOf: (t: BeaconTarget) => unknown,
  options: { createdBy: string | null; timeoutMs: number; offlineAfterMs?: number; now?: Date },
): Promise<FanOutAnswer[]> {
  const now = options.now ?? new Date();
  const offlineAfterMs = options.offlineAfterMs ?? BEACON_OFFLINE_AFTER_MS;
  const answers = new Map<BeaconTarget, FanOutAnswer>();
  const online: BeaconTarget[] = [];
  for (const target of targets) {
    const reason = offlineReason(target, now, offlineAfterMs);
    if (reason) answers.set(target, { target, task: null, failure: 'offline', message: reason });
    else online.push(target);
  }
  for (const a of await askOnline(db, online, type, payloadOf, options)) answers.set(a.target, a);
  return targets.map((t) => answers.get(t)!);
}

async function askOnline(
  db: Db,
  targets: readonly BeaconTarget[],
  type: string,
  payloadOf: (t: BeaconTarget) => unknown,
  options: { createdBy: string | null; timeoutMs: number },
): Promise<FanOutAnswer[]> {
  if (!targets.length) return [];
  const ids = targets.map(() => randomUUID());
  const watches = ids.map((id) => watchTask(db, id));
  try {
    await enqueueTasks(
      db,
      targets.map((t, i) => ({
        id: ids[i]!,
        nodeId: t.nodeId,
        type,
        payload: payloadOf(t),
        createdBy: options.createdBy,
      })),
    );
  } catch (err) {
    for (const w of watches) w.stop();
    const message = err instanceof Error ? err.message : String(err);
    return targets.map((target) => ({ target, task: null, failure: 'error' as const, message }));
  }
  return Promise.all(
    targets.map(async (target, i) => {
      try {
        return { target, task: await watches[i]!.result(options.timeoutMs, undefined, { readFirst: true }) };
      } catch (err) {
        if (err instanceof AppError && err.kind === 'unavailable')
          return {
            target,
            task: null,
            failure: 'timeout' as const,
            message: `no answer from the node within ${Math.round(options.timeoutMs / 100) / 10} s; it may be offline or busy`,
          };
        return {
          target,
          task: null,
          failure: 'error' as const,
          message: err instanceof Error ? err.message : String(err),
        };
      }
    }),
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A node's result set, keeping only the fields the contract names and only its own datasets. */
function resultSetOf(raw: unknown, datasets: readonly string[]): BeaconResultSet | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || !datasets.includes(raw.id)) return null;
  if (typeof raw.exists !== 'boolean') return null;
  const set: BeaconResultSet = { id: raw.id, setType: 'dataset', exists: raw.exists };
  if (typeof raw.resultsCount === 'number' && Number.isFinite(raw.resultsCount) && raw.resultsCount >= 0)
    set.resultsCount = raw.resultsCount;
  if (typeof raw.countAdjusted === 'boolean') set.countAdjusted = raw.countAdjusted;
  if (Array.isArray(raw.results)) set.results = raw.results.filter(isObject);
  const f = raw.frequency;
  if (
    isObject(f) &&
    typeof f.alleleCount === 'number' &&
    typeof f.alleleNumber === 'number' &&
    typeof f.alleleFrequency === 'number'
  )
    set.frequency = {
      alleleCount: f.alleleCount,
      alleleNumber: f.alleleNumber,
      alleleFrequency: f.alleleFrequency,
    };
  return set;
}

/** Reads a node's `beacon.query` answer into an outcome. */
export function nodeOutcome(
  target: BeaconTarget,
  task: TaskRecord | null,
  failure?: { status: 'timeout' | 'offline' | 'error'; message: string },
): NodeOutcome {
  if (failure) return { ...target, status: failure.status, resultSets: [], message: failure.message };
  if (!task || task.status === 'FAILED')
    return {
      ...target,
      status: 'error',
      resultSets: [],
      message: task?.error ?? 'the node could not run the query',
    };
  const r = task.result;
  if (isObject(r) && r.status === 'invalid')
    return {
      ...target,
      status: 'invalid',
      resultSets: [],
      message: typeof r.message === 'string' ? r.message : 'the node refused the query',
      issues: Array.isArray(r.issues)
        ? (r.issues as unknown[]).flatMap((i): Issue[] =>
            isObject(i) && typeof i.message === 'string'
              ? [{ message: i.message, ...(typeof i.path === 'string' ? { path: i.path } : {}) }]
              : [],
          )
        : [],
    };
  if (!isObject(r) || r.status !== 'ok' || !Array.isArray(r.resultSets))
    return {
      ...target,
      status: 'error',
      resultSets: [],
      message: 'the node answered in an unexpected shape; is it running the same OpenEHDS version?',
    };
  const resultSets = r.resultSets
    .map((s) => resultSetOf(s, target.datasets))
    .filter((s): s is BeaconResultSet => s !== null);
  const notes = Array.isArray(r.notes) ? r.notes.filter((n): n is string => typeof n === 'string') : [];
  return { ...target, status: 'ok', resultSets, ...(notes.length ? { notes } : {}) };
}

/** Asks every target the query with the caller's access; one outcome per node, in target order. */
export async function askBeaconNetwork(
  db: Db,
  input: {
    targets: readonly BeaconTarget[];
    query: BeaconQuery;
    access: BeaconAccess;
    policy: SdcPolicy;
    createdBy: string | null;
    timeoutMs: number;
    offlineAfterMs?: number;
    now?: Date;
  },
): Promise<NodeOutcome[]> {
  const answers = await fanOut(
    db,
    input.targets,
    BEACON_QUERY_TASK,
    (t) => ({
      query: input.query,
      // A node sees only the permits of its own datasets.
      access: {
        ...input.access,
        recordDatasets: input.access.recordDatasets.filter((d) => t.datasets.includes(d.datasetId)),
      },
      policy: input.policy,
      datasets: t.datasets,
    }),
    {
      createdBy: input.createdBy,
      timeoutMs: input.timeoutMs,
      ...(input.offlineAfterMs !== undefined ? { offlineAfterMs: input.offlineAfterMs } : {}),
      ...(input.now ? { now: input.now } : {}),
    },
  );
  return answers.map((a) =>
    nodeOutcome(
      a.target,
      a.task,
      a.failure ? { status: a.failure, message: a.message ?? 'the node did not answer' } : undefined,
    ),
  );
}
