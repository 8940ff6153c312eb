import type { Db } from '@openehds/db';
import { nonceHorizon } from '@openehds/core';

/**
 * The replay check of signed node messages: each nonce is taken once (freshness.ts says for how long it
 * must be remembered).
 *
 * A store other processes may share (PostgreSQL: several hub processes) remembers nonces in
 * `message_nonce`. A store only this process can have open (embedded PGlite) remembers them in this
 * process's memory instead: a statement less for every node message, six per federated GLM round
 * (issue 4 benchmarks). Memory forgets across a restart, so there a message issued before the store was
 * opened is refused outright — its nonce may have been taken by the process before — and its node,
 * which signs every message afresh, simply sends a new one.
 */
export type NonceCheck = { ok: true } | { ok: false; reason: 'replayed' | 'stale'; message: string };

/** Nonces taken per memory-kept store, with when each was taken (ms), and when last pruned. */
const taken = new WeakMap<Db, { nonces: Map<string, number>; prunedAt: number }>();
const lastPrune = new WeakMap<Db, number>();

/** Takes a message's nonce, or says why it cannot be taken. */
export async function takeNonce(
  db: Db,
  message: { nodeId: string; nonce: string; issuedAt: string },
  now = new Date(),
): Promise<NonceCheck> {
  const used: NonceCheck = {
    ok: false,
    reason: 'replayed',
    message: `nonce ${message.nonce} was already used; each message must carry a fresh nonce`,
  };
  if (db.exclusiveSince === undefined) return (await rememberInTable(db, message, now)) ? { ok: true } : used;

  if (Date.parse(message.issuedAt) < db.exclusiveSince) {
    return {
      ok: false,
      reason: 'stale',
      message: `the message was issued at ${message.issuedAt}, before this hub opened its store at ${new Date(db.exclusiveSince).toISOString()}; send it again (signed now), and check the node's clock if this repeats`,
    };
  }
  let memory = taken.get(db);
  if (!memory) taken.set(db, (memory = { nonces: new Map(), prunedAt: now.getTime() }));
  const key = `${message.nodeId} ${message.nonce}`;
  if (memory.nonces.has(key)) return used;
  memory.nonces.set(key, now.getTime());
  if (now.getTime() - memory.prunedAt >= 60_000) {
    memory.prunedAt = now.getTime();
    const horizon = nonceHorizon(now).getTime();
    // Insertion order is time order: the old ones are at the front.
    for (const [k, at] of memory.nonces) {
      if (at >= horizon) break;
      memory.nonces.delete(k);
    }
  }
  return { ok: true };
}

/** Records a nonce in `message_nonce`; false when it was there. Old nonces are pruned now and then. */
async function rememberInTable(
  db: Db,
  message: { nodeId: string; nonce: string },
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    'INSERT INTO message_nonce (node_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING nonce',
    [message.nodeId, message.nonce],
  );
  if (now.getTime() - (lastPrune.get(db) ?? 0) >= 60_000) {
    lastPrune.set(db, now.getTime());
    await db.query('DELETE FROM message_nonce WHERE seen_at < $1', [nonceHorizon(now).toISOString()]);
  }
  return rows.length === 1;
}
