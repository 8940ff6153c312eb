import type { Db, Queryable } from '@openehds/db';
import { eventHash, GENESIS_HASH, verifyChain, type AuditContent } from './chain';

/** What a caller records; time is taken now unless given. */
export type AuditInput = Omit<AuditContent, 'at' | 'details'> & {
  at?: Date;
  details?: Record<string, unknown>;
};

/**
 * Appends one event to the hash-chained audit log. Appends are serialised with a transaction-scoped
 * advisory lock so two writers cannot both extend the same previous hash.
 */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.transaction(async (tx) => appendIn(tx, input));
}

/** Appends within an existing transaction, so the audit event commits or rolls back with the change. */
export async function appendIn(tx: Queryable, input: AuditInput): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7411)');
  const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    at: (input.at ?? new Date()).toISOString(),
    actor: input.actor,
    action: input.action,
    object: input.object,
    outcome: input.outcome,
    details: input.details ?? {},
  };
  await tx.query(
    `INSERT INTO audit_event (at, actor, action, object, outcome, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [
      content.at,
      content.actor,
      content.action,
      content.object,
      content.outcome,
      JSON.stringify(content.details),
      prevHash,
      eventHash(prevHash, content),
    ],
  );
}

/** A stored audit event. */
export interface AuditEvent extends AuditContent {
  seq: number;
  prevHash: string;
  hash: string;
}

/** Lists events, newest first, optionally filtered by actor or object. */
export async function listAudit(
  db: Queryable,
  filter: { actor?: string; object?: string; limit?: number } = {},
): Promise<AuditEvent[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT seq, at, actor, action, object, outcome, details, prev_hash, hash FROM audit_event
     WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR object = $2)
     ORDER BY seq DESC LIMIT $3`,
    [filter.actor ?? null, filter.object ?? null, filter.limit ?? 100],
  );
  return rows.map(toEvent);
}

/** Re-computes the whole chain; returns the first broken sequence number or null. */
export async function verifyAudit(db: Queryable): Promise<{ events: number; brokenAt: number | null }> {
  const rows = (
    await db.query<Record<string, unknown>>(
      'SELECT seq, at, actor, action, object, outcome, details, prev_hash, hash FROM audit_event ORDER BY seq',
    )
  ).map(toEvent);
  return { events: rows.length, brokenAt: verifyChain(rows) };
}

function toEvent(r: Record<string, unknown>): AuditEvent {
  return {
    seq: Number(r.seq),
    at: new Date(r.at as string).toISOString(),
    actor: r.actor as string,
    action: r.action as string,
    object: (r.object as string | null) ?? null,
    outcome: r.outcome as AuditContent['outcome'],
    details: (r.details as Record<string, unknown>) ?? {},
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}
