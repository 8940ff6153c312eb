import type { Db } from '@openehds/db';
import { generateFederationKeyPair, type FederationKeyPair } from '@openehds/core';

const cache = new WeakMap<Db, Promise<FederationKeyPair>>();

/**
 * The hub's task-signing key pair, created on first use. Kept in the store (migration 0002 says
 * why); `ON CONFLICT DO NOTHING` then a read makes two hub processes starting at once agree on one key.
 */
export function hubKeyPair(db: Db): Promise<FederationKeyPair> {
  let pending = cache.get(db);
  if (!pending) {
    pending = loadOrCreate(db);
    pending.catch(() => cache.delete(db));
    cache.set(db, pending);
  }
  return pending;
}

async function loadOrCreate(db: Db): Promise<FederationKeyPair> {
  const fresh = generateFederationKeyPair();
  await db.query(
    `INSERT INTO hub_key (id, public_key, private_key) VALUES ('current', $1, $2) ON CONFLICT (id) DO NOTHING`,
    [fresh.publicKey, fresh.privateKey],
  );
  const [row] = await db.query<{ public_key: string; private_key: string }>(
    `SELECT public_key, private_key FROM hub_key WHERE id = 'current'`,
  );
  if (!row) throw new Error('the hub key could not be stored');
  return { publicKey: row.public_key, privateKey: row.private_key };
}
