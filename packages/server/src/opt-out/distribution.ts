import { createHash } from 'node:crypto';
import type { Db } from '@openehds/db';
import { pseudonymKey } from '../auth/pseudonym';
import type { HubConfig } from '../config';
import { enqueueTask } from '../federation/tasks';
import { OPT_OUT_LOCK } from './registry';

/** The task that gives an approved node the key for national identifier pseudonyms (once). */
export const OPT_OUT_KEY_TASK = 'opt-out.key';
/** The task that carries registry changes to a node, in order. */
export const OPT_OUT_SYNC_TASK = 'opt-out.sync';

/** The body of an `opt-out.key` task. */
export interface OptOutKeyPayload {
  keyId: string;
  algorithm: 'HMAC-SHA256';
  /** The input is `national-id\n` + the identifier trimmed and upper-cased; output base64url. */
  format: 'national-id-v1';
  key: string;
}

/** One opt-out period as nodes receive it: keyed pseudonyms and times only. */
export interface OptOutPeriod {
  pseudonym: string;
  optedOutAt: string;
  reversedAt: string | null;
}

/** The body of an `opt-out.sync` task. */
export interface OptOutSyncPayload {
  keyId: string;
  /** True: the node replaces its registry with these periods; false: it applies them on top. */
  full: boolean;
  /** Changes after this registry version … */
  fromSeq: number;
  /** … up to this one. */
  toSeq: number;
  /** The registry as sent is complete for every change before this instant (registry.ts). */
  asOf: string;
  periods: OptOutPeriod[];
}

/** What one distribution pass did. */
export interface OptOutSweep {
  keysQueued: number;
  syncsQueued: number;
  /** Syncs the nodes confirmed since the last pass. */
  syncsConfirmed: number;
}

/** A digest naming the key without revealing it. */
export function keyIdOf(key: string): string {
  return createHash('sha256').update(`openehds-opt-out-key\n${key}`).digest('hex').slice(0, 16);
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/**
 * Hands the opt-out registry to approved nodes so they can match it against their persons without the
 * hub learning who they hold (Art. 71; EHDS.md §12): the pseudonym key once, then the registry's
 * changes as `{pseudonym, optedOutAt, reversedAt}` in registry order, one sync task in flight per node.
 * A sync is also sent (possibly empty) when a permit reaching the node was approved after the node's
 * last `asOf`, so the node knows its registry is complete as of that approval. Payloads of finished
 * tasks are redacted, so the task table keeps no copy of the key or the registry. Idempotent at the
 * node, so a rare double send by two hub processes is harmless.
 */
export async function runOptOutSweep(db: Db, config: HubConfig, now = new Date()): Promise<OptOutSweep> {
  const key = await pseudonymKey(db, config.citizenPseudonymKey);
  const keyId = keyIdOf(key);
  await db.query(
    `INSERT INTO opt_out_node (node_id) SELECT id FROM node WHERE status = 'APPROVED' ON CONFLICT DO NOTHING`,
  );
  const rows = await db.query<Record<string, unknown>>(
    `SELECT o.*, kt.status AS key_status, st.status AS sync_status, st.error AS sync_error
     FROM opt_out_node o JOIN node n ON n.id = o.node_id AND n.status = 'APPROVED'
     LEFT JOIN task kt ON kt.id = o.key_task_id LEFT JOIN task st ON st.id = o.sync_task_id
     ORDER BY o.node_id`,
  );
  const pass: OptOutSweep = { keysQueued: 0, syncsQueued: 0, syncsConfirmed: 0 };
  for (const r of rows) {
    const nodeId = r.node_id as string;
    // 1. The sync in flight: wait for it, or take its answer.
    let full = r.full_sync === true;
    let syncedSeq = Number(r.synced_seq ?? 0);
    let syncedAsOf = iso(r.synced_as_of);
    let keyLost = false;
    if (r.sync_task_id !== null) {
      if (r.sync_status === 'QUEUED' || r.sync_status === 'CLAIMED') continue;
      if (r.sync_status === 'DONE') {
        syncedSeq = Number(r.sync_to_seq);
        syncedAsOf = iso(r.sync_as_of);
        full = false;
        pass.syncsConfirmed++;
      } else {
        // Failed (a gap, a lost store, a missing key): start again from the whole registry.
        full = true;
        keyLost = /opt-out key/.test(String(r.sync_error ?? ''));
      }
      await db.query(
        `UPDATE opt_out_node SET sync_task_id = NULL, synced_seq = $2, synced_as_of = $3, full_sync = $4
         WHERE node_id = $1`,
        [nodeId, syncedSeq, syncedAsOf, full],
      );
    }
    // 2. The key: once per key; a changed or lost key is sent again, followed by a full sync.
    if (keyLost || r.key_id !== keyId || r.key_task_id === null || r.key_status === 'FAILED') {
      const payload: OptOutKeyPayload = { keyId, algorithm: 'HMAC-SHA256', format: 'national-id-v1', key };
      const task = await enqueueTask(db, { nodeId, type: OPT_OUT_KEY_TASK, payload, createdBy: null });
      await db.query(
        `UPDATE opt_out_node SET key_id = $2, key_task_id = $3, key_delivered_at = NULL, full_sync = true
         WHERE node_id = $1`,
        [nodeId, keyId, task.id],
      );
      pass.keysQueued++;
      continue;
    }
    if (r.key_delivered_at === null) {
      if (r.key_status !== 'DONE') continue;
      await db.query('UPDATE opt_out_node SET key_delivered_at = $2 WHERE node_id = $1', [
        nodeId,
        now.toISOString(),
      ]);
    }
    // 3. The registry's next changes, if any (or an empty sync that moves `asOf` past a new permit).
    const sync = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${OPT_OUT_LOCK})`);
      const [v] = await tx.query<{ v: string | null }>('SELECT max(seq) AS v FROM opt_out_event');
      const toSeq = Number(v?.v ?? 0);
      const [newer] = await tx.query(
        `SELECT 1 FROM permit_delivery d JOIN permit p ON p.id = d.permit_id
         WHERE d.node_id = $1 AND ($2::timestamptz IS NULL OR p.active_from > $2) LIMIT 1`,
        [nodeId, syncedAsOf],
      );
      if (!full && toSeq <= syncedSeq && !newer) return null;
      const fromSeq = full ? 0 : syncedSeq;
      const periods = await tx.query<{ pseudonym: string; opted_out_at: string; reversed_at: string | null }>(
        'SELECT pseudonym, opted_out_at, reversed_at FROM opt_out_period WHERE seq > $1 AND seq <= $2 ORDER BY seq',
        [fromSeq, toSeq],
      );
      // The previous confirmed asOf is never moved back (tests may sweep with an earlier `now`).
      const asOf = new Date(Math.max(now.getTime(), syncedAsOf ? Date.parse(syncedAsOf) : 0)).toISOString();
      // Reserved inside the lock: later changes are stamped after it (registry.ts).
      await tx.query('UPDATE opt_out_node SET sync_to_seq = $2, sync_as_of = $3 WHERE node_id = $1', [
        nodeId,
        toSeq,
        asOf,
      ]);
      return {
        keyId,
        full,
        fromSeq,
        toSeq,
        asOf,
        periods: periods.map((p) => ({
          pseudonym: p.pseudonym,
          optedOutAt: iso(p.opted_out_at)!,
          reversedAt: iso(p.reversed_at),
        })),
      } satisfies OptOutSyncPayload;
    });
    if (!sync) continue;
    const task = await enqueueTask(db, { nodeId, type: OPT_OUT_SYNC_TASK, payload: sync, createdBy: null });
    await db.query('UPDATE opt_out_node SET sync_task_id = $2 WHERE node_id = $1', [nodeId, task.id]);
    pass.syncsQueued++;
  }
  await redactFinished(db);
  return pass;
}

/** The key and the registry are not kept in the task table once the node has answered. */
async function redactFinished(db: Db): Promise<void> {
  await db.query(
    `UPDATE task SET payload = jsonb_build_object('redacted', true, 'keyId', payload->'keyId')
     WHERE type = $1 AND status IN ('DONE', 'FAILED') AND NOT (payload ? 'redacted')`,
    [OPT_OUT_KEY_TASK],
  );
  await db.query(
    `UPDATE task SET payload = jsonb_build_object('redacted', true, 'keyId', payload->'keyId',
       'fromSeq', payload->'fromSeq', 'toSeq', payload->'toSeq', 'asOf', payload->'asOf',
       'periods', jsonb_array_length(payload->'periods'))
     WHERE type = $1 AND status IN ('DONE', 'FAILED') AND NOT (payload ? 'redacted')`,
    [OPT_OUT_SYNC_TASK],
  );
}
