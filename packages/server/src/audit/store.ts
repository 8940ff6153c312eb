import type { Queryable } from '@openehds/db';
import type { AuditContent, AuditEvent } from './chain';

/** Reading the audit log from the store, page by page, so a long log never sits in memory twice. */

const COLUMNS = 'seq, at, actor, action, object, outcome, details, prev_hash, hash';

/** A stored row as an event. */
export function toEvent(r: Record<string, unknown>): AuditEvent {
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

/** The highest seq in the log (0 when empty). */
export async function headSeq(db: Queryable): Promise<number> {
  const [row] = await db.query<{ seq: number | string }>(
    'SELECT seq FROM audit_event ORDER BY seq DESC LIMIT 1',
  );
  return row ? Number(row.seq) : 0;
}

/**
 * Every event with `after` < seq ≤ `upTo`, in seq order, read in pages of `pageSize` (keyset
 * pagination).
 */
export async function* readEvents(
  db: Queryable,
  options: { after?: number; upTo?: number; pageSize?: number } = {},
): AsyncGenerator<AuditEvent[]> {
  const pageSize = options.pageSize ?? 10_000;
  const upTo = options.upTo ?? Number.MAX_SAFE_INTEGER;
  let after = options.after ?? -1;
  for (;;) {
    const rows = await db.query<Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM audit_event WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
      [after, upTo, pageSize],
    );
    if (!rows.length) return;
    const page = rows.map(toEvent);
    yield page;
    after = page[page.length - 1]!.seq;
    if (rows.length < pageSize) return;
  }
}

/** Lists events, newest first, optionally filtered by actor or object. */
export async function listAudit(
  db: Queryable,
  filter: { actor?: string; object?: string; limit?: number } = {},
): Promise<AuditEvent[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM audit_event
     WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR object = $2)
     ORDER BY seq DESC LIMIT $3`,
    [filter.actor ?? null, filter.object ?? null, filter.limit ?? 100],
  );
  return rows.map(toEvent);
}
