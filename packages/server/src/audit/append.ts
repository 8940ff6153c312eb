import type { Db, Queryable } from '@openehds/db';
import {
  contentJson,
  GENESIS_HASH,
  hashedText,
  sha256Hex,
  type AuditContent,
  type AuditEvent,
} from './chain';

/** What a caller records; time is taken now unless given. */
export type AuditInput = Omit<AuditContent, 'at' | 'details'> & {
  at?: Date;
  details?: Record<string, unknown>;
};

/** Advisory lock that serialises appends (and checkpoints) across connections and processes. */
export const AUDIT_LOCK = 7411;

// One statement a batch whatever its size: each column travels as one array parameter and unnest()
// turns them into rows. On PGlite this took about two thirds of the time of a multi-row VALUES list
// of the same rows (nine parameters to bind instead of nine a row), and has no parameter limit.
const INSERT = `INSERT INTO audit_event (seq, at, actor, action, object, outcome, details, prev_hash, hash)
  SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
    $7::jsonb[], $8::text[], $9::text[])`;

// The same, written only while ($10, $11) is still the chain's head (seq 0: the chain is empty).
const GUARDED_INSERT = `${INSERT}
  WHERE coalesce((SELECT max(seq) FROM audit_event), 0) = $10
    AND ($10 = 0 OR EXISTS (SELECT 1 FROM audit_event WHERE seq = $10 AND hash = $11))
  RETURNING seq`;

type AppendListener = (events: readonly AuditEvent[]) => void;
const listeners = new Set<AppendListener>();

/**
 * Calls `listener` with the events of each append (before its transaction commits, so they may yet
 * roll back), so the checkpointer can count events and sign their segment without a query. Returns
 * the unsubscribe function.
 */
export function onAuditAppended(listener: AppendListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Appends events within the caller's transaction, so they commit or roll back with the change they
 * record. The chain is computed in memory and written with one INSERT per batch (rows from unnest). A
 * transaction-scoped advisory lock serialises appenders, so two cannot extend the same previous
 * hash; seq numbers are assigned here, under that lock, so a rolled-back append leaves no gap (a
 * gap is what a deletion looks like).
 */
export async function appendBatch(tx: Queryable, inputs: readonly AuditInput[]): Promise<AuditEvent[]> {
  if (!inputs.length) return [];
  // On PGlite the transaction already runs alone (one statement less per append), and the chain's
  // head is known from the last append (one more): the INSERT checks it is still the head, since the
  // transaction of that append may have rolled back.
  const known = tx.exclusive && tx.store ? heads.get(tx.store) : undefined;
  if (known) {
    const events = chained(inputs, known);
    const written = await tx.query(GUARDED_INSERT, [...columnsOf(events), known.seq, known.hash]);
    if (written.length === events.length) return appended(tx, events);
  }
  if (!tx.exclusive) await tx.query(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.query<{ seq: number | string; hash: string }>(
    'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
  );
  const events = chained(inputs, { seq: last ? Number(last.seq) : 0, hash: last?.hash ?? GENESIS_HASH });
  await tx.query(INSERT, columnsOf(events));
  return appended(tx, events);
}

/** The chain's head after the last append, per exclusive store (see appendBatch). */
const heads = new WeakMap<object, { seq: number; hash: string }>();

function appended(tx: Queryable, events: AuditEvent[]): AuditEvent[] {
  const last = events[events.length - 1]!;
  if (tx.exclusive && tx.store) heads.set(tx.store, { seq: last.seq, hash: last.hash });
  for (const listener of listeners) listener(events);
  return events;
}

/** The events of `inputs` chained after `head`, with their seq numbers and hashes. */
function chained(inputs: readonly AuditInput[], head: { seq: number; hash: string }): AuditEvent[] {
  let seq = head.seq;
  let prevHash = head.hash;
  const now = new Date().toISOString();
  return inputs.map((input) => {
    const content: AuditContent = {
      at: input.at ? input.at.toISOString() : now,
      actor: input.actor,
      action: input.action,
      object: input.object ?? null,
      outcome: input.outcome,
      details: input.details ?? {},
    };
    const hash = sha256Hex(hashedText(prevHash, contentJson(content)));
    const event = { ...content, seq: ++seq, prevHash, hash };
    prevHash = hash;
    return event;
  });
}

/** The INSERT's nine parameters: one array per column. */
function columnsOf(events: readonly AuditEvent[]): unknown[][] {
  return [
    events.map((e) => e.seq),
    events.map((e) => e.at),
    events.map((e) => e.actor),
    events.map((e) => e.action),
    events.map((e) => e.object),
    events.map((e) => e.outcome),
    events.map((e) => JSON.stringify(e.details)),
    events.map((e) => e.prevHash),
    events.map((e) => e.hash),
  ];
}

/** Appends one event within an existing transaction (commits or rolls back with the change). */
export async function appendIn(tx: Queryable, input: AuditInput): Promise<void> {
  await appendBatch(tx, [input]);
}

/** Appends one event in its own transaction. */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.transaction((tx) => appendBatch(tx, [input]));
}

/** Appends a batch of events in one transaction; returns them as stored. */
export function recordAuditBatch(db: Db, inputs: readonly AuditInput[]): Promise<AuditEvent[]> {
  return db.transaction((tx) => appendBatch(tx, inputs));
}
