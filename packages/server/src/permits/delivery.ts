import type { Db } from '@openehds/db';
import type { JsonValue, SignedDocument } from '@openehds/core';
import { enqueueTask } from '../federation/tasks';
import { loadPermit, type PermitRecord } from './store';

/** The task type that carries a permit change to a node. */
export const PERMIT_UPDATE_TASK = 'permit.update';

/** A claim whose task was never queued (the hub stopped in between) is retried after this long. */
const STALE_CLAIM_MS = 5 * 60_000;

/**
 * The body of a `permit.update` task: one state of one permit version. The signed document is the
 * permit as the HDAB issued it (Art. 68(10)); status and active dates change after signing
 * (revocation, expiry, supersession) and are vouched for by the hub's signature on the task.
 */
export interface PermitUpdatePayload {
  permit: {
    permitId: string;
    rootPermitId: string;
    previousPermitId: string | null;
    version: number;
    revision: number;
    status: PermitRecord['status'];
    validFrom: string;
    validUntil: string;
    activeFrom: string;
    activeUntil: string | null;
    renewals: number;
  };
  signed: SignedDocument;
}

/** The `permit.update` payload of a stored permit version. */
export function permitUpdatePayload(p: PermitRecord): PermitUpdatePayload {
  return {
    permit: {
      permitId: p.id,
      rootPermitId: p.rootId,
      previousPermitId: p.previousId,
      version: p.version,
      revision: p.revision,
      status: p.status,
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      activeFrom: p.activeFrom,
      activeUntil: p.activeUntil,
      renewals: p.renewals,
    },
    signed: p.signed,
  };
}

/** What one delivery pass did. */
export interface DeliveryPass {
  /** Tasks queued (new states, failed or lost deliveries sent again). */
  queued: number;
  /** Deliveries the nodes confirmed since the last pass. */
  delivered: number;
}

/**
 * The permit outbox (EHDS.md §5: every version goes to the data holders; §15: idempotent outbox).
 * For every permit version's latest state and every approved node holding one of its datasets
 * (`dataset.node_id`, or the node named in the permit), a hub-signed `permit.update` task is queued
 * once; a failed or lost one is queued again. Safe to run from several hub processes at once: each
 * (version, node, revision) is claimed by one insert. Older states are never re-sent: a node keeps
 * the highest revision it has seen, so only the latest matters.
 */
export async function deliverPermitUpdates(db: Db, now = new Date()): Promise<DeliveryPass> {
  const delivered = await db.query(
    `UPDATE permit_delivery d SET delivered_at = t.completed_at FROM task t
     WHERE d.task_id = t.id AND d.delivered_at IS NULL AND t.status = 'DONE' RETURNING d.permit_id`,
  );
  let queued = 0;
  // Failed tasks and claims that never got their task, for the latest state only: queue again.
  const retry = await db.query<{
    permit_id: string;
    node_id: string;
    revision: number;
    task_id: string | null;
  }>(
    `SELECT d.permit_id, d.node_id, d.revision, d.task_id FROM permit_delivery d
     JOIN permit p ON p.id = d.permit_id AND p.revision = d.revision
     JOIN node n ON n.id = d.node_id AND n.status = 'APPROVED'
     LEFT JOIN task t ON t.id = d.task_id
     WHERE d.delivered_at IS NULL AND (t.status = 'FAILED' OR (d.task_id IS NULL AND d.queued_at < $1))`,
    [new Date(now.getTime() - STALE_CLAIM_MS).toISOString()],
  );
  for (const r of retry) {
    const [claimed] = await db.query(
      `UPDATE permit_delivery SET task_id = NULL, attempts = attempts + 1, queued_at = $5
       WHERE permit_id = $1 AND node_id = $2 AND revision = $3 AND task_id IS NOT DISTINCT FROM $4::uuid AND delivered_at IS NULL
       RETURNING permit_id`,
      [r.permit_id, r.node_id, r.revision, r.task_id, now.toISOString()],
    );
    if (claimed && (await send(db, r.permit_id, r.node_id, Number(r.revision)))) queued++;
  }
  const pending = await db.query<{ permit_id: string; node_id: string; revision: number }>(
    `SELECT DISTINCT p.id AS permit_id, n.id AS node_id, p.revision, p.created_at
     FROM permit p
     CROSS JOIN LATERAL jsonb_array_elements(COALESCE(p.content->'datasets', '[]'::jsonb)) ds
     LEFT JOIN dataset d ON d.id = ds->>'datasetId'
     JOIN node n ON n.status = 'APPROVED' AND (n.id = d.node_id OR n.id::text = ds->>'nodeId')
     WHERE NOT EXISTS (
       SELECT 1 FROM permit_delivery x WHERE x.permit_id = p.id AND x.node_id = n.id AND x.revision = p.revision)
     ORDER BY p.created_at, p.id, n.id`,
  );
  for (const r of pending) {
    const [claimed] = await db.query(
      `INSERT INTO permit_delivery (permit_id, node_id, revision, queued_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING permit_id`,
      [r.permit_id, r.node_id, r.revision, now.toISOString()],
    );
    if (claimed && (await send(db, r.permit_id, r.node_id, Number(r.revision)))) queued++;
  }
  return { queued, delivered: delivered.length };
}

/** Queues the task for a claimed delivery and links it; drops the claim if the node can no longer get tasks. */
async function send(db: Db, permitId: string, nodeId: string, revision: number): Promise<boolean> {
  const permit = await loadPermit(db, permitId);
  try {
    const task = await enqueueTask(db, {
      nodeId,
      type: PERMIT_UPDATE_TASK,
      payload: permitUpdatePayload(permit) as unknown as JsonValue,
      createdBy: null,
    });
    await db.query(
      'UPDATE permit_delivery SET task_id = $4 WHERE permit_id = $1 AND node_id = $2 AND revision = $3',
      [permitId, nodeId, revision, task.id],
    );
    return true;
  } catch (err) {
    // Revoked or rejected since the query: it gets no tasks. The claim goes, so a later approval delivers.
    await db.query('DELETE FROM permit_delivery WHERE permit_id = $1 AND node_id = $2 AND revision = $3', [
      permitId,
      nodeId,
      revision,
    ]);
    if ((err as { kind?: string }).kind === 'forbidden' || (err as { kind?: string }).kind === 'not-found')
      return false;
    throw err;
  }
}
