import type { Queryable } from '@openehds/db';
import { conflict, signDocument, type FederationKeyPair, type PermitSuccession } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { appendPermitEvent } from './history';
import { insertPermit, type PermitContent, type PermitRecord } from './store';

/** The signed document type of every permit version, the grant's and its successors'. */
export const PERMIT_DOCUMENT_TYPE = 'openehds.permit/v1';

/** What an amendment or renewal stores: the plan from @openehds/core and the new version's content. */
export interface SuccessionWrite {
  current: PermitRecord;
  succession: PermitSuccession;
  /** Content changes besides the number, the end date and the lineage (persons, conditions). */
  changes: Partial<Pick<PermitContent, 'persons' | 'conditions'>>;
  event: 'amend' | 'renew';
  reason: string;
  principal: Principal;
  key: FederationKeyPair;
  now: Date;
  details?: Record<string, unknown>;
}

/**
 * Stores a succession in the caller's transaction (TEHDAS2 D6.4): closes the current version at `now`
 * (its status stays, it is superseded), inserts the new version with a new id and its own signed
 * Art. 68(10) document, and records both in the permit history and the audit log.
 */
export async function writeSuccession(tx: Queryable, w: SuccessionWrite): Promise<PermitRecord> {
  const { current, succession, now } = w;
  const next = succession.next;
  // A version that expired while a timely renewal request waited is closed already (renewal.ts in
  // @openehds/core); it only must not have a successor yet.
  const closed =
    current.status === 'EXPIRED'
      ? await tx.query(
          `SELECT id FROM permit p WHERE id = $1 AND status = 'EXPIRED'
             AND NOT EXISTS (SELECT 1 FROM permit n WHERE n.previous_id = p.id)`,
          [current.id],
        )
      : await tx.query(
          `UPDATE permit SET active_until = $2, revision = revision + 1
           WHERE id = $1 AND active_until IS NULL AND status IN ('GRANTED', 'AMENDED', 'RENEWED') RETURNING id`,
          [current.id, now.toISOString()],
        );
  if (!closed.length) throw conflict(`permit ${current.id} changed meanwhile; reload it and try again`);
  const content: PermitContent = {
    ...current.content,
    ...w.changes,
    permitNumber: next.permitId,
    validFrom: next.validFrom.toISOString(),
    validUntil: next.validUntil.toISOString(),
    lineage: {
      rootPermitId: next.rootPermitId,
      previousPermitId: current.id,
      version: next.version,
      status: next.status as 'AMENDED' | 'RENEWED',
      reason: w.reason,
    },
  };
  const actor = `account:${w.principal.username}`;
  const record = {
    id: next.permitId,
    rootId: next.rootPermitId,
    previousId: current.id,
    version: next.version,
    applicationId: current.applicationId,
    status: next.status,
    validFrom: next.validFrom.toISOString(),
    validUntil: next.validUntil.toISOString(),
    activeFrom: next.activeFrom.toISOString(),
    renewals: next.renewals,
    content,
    signed: signDocument(PERMIT_DOCUMENT_TYPE, content, w.key, now),
    reason: w.reason,
  };
  await insertPermit(tx, { ...record, createdBy: w.principal.accountId });
  await appendPermitEvent(tx, {
    permitId: current.id,
    event: 'superseded',
    fromStatus: current.status,
    toStatus: current.status,
    actor,
    at: now.toISOString(),
    reason: w.reason,
    details: { by: next.permitId },
  });
  await appendPermitEvent(tx, {
    permitId: next.permitId,
    event: w.event,
    fromStatus: current.status,
    toStatus: next.status,
    actor,
    at: now.toISOString(),
    reason: w.reason,
    details: { previous: current.id, ...w.details },
  });
  await appendIn(tx, {
    actor,
    action: `permit.${w.event}`,
    object: `permit:${current.id}`,
    outcome: 'success',
    details: { newPermitId: next.permitId, rootPermitId: next.rootPermitId, ...w.details },
  });
  return {
    ...record,
    activeUntil: null,
    revision: 1,
    createdAt: now.toISOString(),
  };
}
