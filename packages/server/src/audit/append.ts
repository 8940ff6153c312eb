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
  // On PGlite the transaction already runs alone (one statement less per append).
  if (!tx.exclusive) await tx.query(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.query<{ seq: number | string; hash: string }>(
    'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
  );
  let seq = last ? Number(last.seq) : 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const now = new Date().toISOString();
  const n = inputs.length;
  const events: AuditEvent[] = new Array(n);
  const columns = Array.from({ length: 9 }, () => new Array<unknown>(n));
  const [seqs, ats, actors, actions, objects, outcomes, details, prevs, hashes] = columns as [
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
  ];
  for (let i = 0; i < n; i++) {
    const input = inputs[i]!;
    const content: AuditContent = {
      at: input.at ? input.at.toISOString() : now,
      actor: input.actor,
      action: input.action,
      object: input.object ?? null,
      outcome: input.outcome,
      details: input.details ?? {},
    };
    const hash = sha256Hex(hashedText(prevHash, contentJson(content)));
    seq += 1;
    events[i] = { ...content, seq, prevHash, hash };
    seqs[i] = seq;
    ats[i] = content.at;
    actors[i] = content.actor;
    actions[i] = content.action;
    objects[i] = content.object;
    outcomes[i] = content.outcome;
    details[i] = JSON.stringify(content.details);
    prevs[i] = prevHash;
    hashes[i] = hash;
    prevHash = hash;
  }
  await tx.query(INSERT, columns);
  for (const listener of listeners) listener(events);
  return events;
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
