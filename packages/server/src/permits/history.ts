import type { Queryable } from '@openehds/db';
import type { SignedDocument } from '@openehds/core';

/** One entry of a permit version's status history (append-only: DAAMS; reasons published, Art. 57(1)(j)(iv)). */
export interface PermitEvent {
  seq: number;
  permitId: string;
  event: 'amend' | 'renew' | 'revoke' | 'expire' | 'superseded' | 'renewal-request';
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  at: string;
  reason: string | null;
  details: Record<string, unknown>;
  /** The hub-signed notice of a revocation or expiry (end-notice.ts). */
  signed?: SignedDocument;
}

/** Appends one event (in the caller's transaction). */
export async function appendPermitEvent(
  tx: Queryable,
  e: Omit<PermitEvent, 'seq' | 'details'> & { details?: Record<string, unknown> },
): Promise<void> {
  await tx.query(
    `INSERT INTO permit_event (permit_id, event, from_status, to_status, actor, at, reason, details, signed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
    [
      e.permitId,
      e.event,
      e.fromStatus,
      e.toStatus,
      e.actor,
      e.at,
      e.reason,
      JSON.stringify(e.details ?? {}),
      e.signed ? JSON.stringify(e.signed) : null,
    ],
  );
}

/** Every event of every version of a chain, oldest first. */
export async function chainHistory(db: Queryable, rootId: string): Promise<PermitEvent[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT e.* FROM permit_event e JOIN permit p ON p.id = e.permit_id WHERE p.root_id = $1 ORDER BY e.seq`,
    [rootId],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    permitId: r.permit_id as string,
    event: r.event as PermitEvent['event'],
    fromStatus: (r.from_status as string | null) ?? null,
    toStatus: r.to_status as string,
    actor: r.actor as string,
    at: new Date(r.at as string).toISOString(),
    reason: (r.reason as string | null) ?? null,
    details: (r.details as Record<string, unknown>) ?? {},
    ...(r.signed ? { signed: r.signed as SignedDocument } : {}),
  }));
}
