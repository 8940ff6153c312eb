import type { Db, Queryable } from '@openehds/db';
import { invalid, keyFingerprint } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import type { Peer } from './peer-config';

/**
 * The peers this hub exchanges applications with, kept in the store so that every hub process sees
 * the same list and an admin can change it without a restart. The hub configuration's `peers` are
 * written at start (the configuration wins for the countries it names); `PUT /api/cross-border/peers`
 * replaces the list. The hub's own country is never a peer, so its datasets are never forwarded.
 */

/** A stored peer, with the fingerprint of its key for people to compare. */
export interface StoredPeer extends Peer {
  fingerprint: string;
  updatedAt: string;
}

const toPeer = (r: Record<string, unknown>): StoredPeer => ({
  country: String(r.country),
  name: String(r.name),
  url: String(r.url),
  publicKey: String(r.public_key),
  fingerprint: keyFingerprint(String(r.public_key)),
  updatedAt: new Date(r.updated_at as string).toISOString(),
});

/** Every peer, by country. */
export async function listPeers(db: Queryable): Promise<StoredPeer[]> {
  const rows = await db.query<Record<string, unknown>>('SELECT * FROM cross_border_peer ORDER BY country');
  return rows.map(toPeer);
}

/** The peer of one country, or null. */
export async function findPeer(db: Queryable, country: string): Promise<StoredPeer | null> {
  const [row] = await db.query<Record<string, unknown>>(
    'SELECT * FROM cross_border_peer WHERE country = $1',
    [country],
  );
  return row ? toPeer(row) : null;
}

function refuseOwnCountry(peers: readonly Peer[], ownCountry: string, field: string): void {
  const own = peers.findIndex((p) => p.country === ownCountry);
  if (own >= 0) {
    throw invalid(`${ownCountry} is this hub's own country; a peer is another Member State's HDAB`, [
      { path: `${field}[${own}].country`, message: `not ${ownCountry}, the country of this hub` },
    ]);
  }
}

async function upsert(tx: Queryable, p: Peer, by: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO cross_border_peer (country, name, url, public_key, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (country) DO UPDATE SET name = $2, url = $3, public_key = $4, updated_by = $5, updated_at = now()`,
    [p.country, p.name, p.url.replace(/\/+$/, ''), p.publicKey, by],
  );
}

/** Writes the configured peers at start; a peer for the hub's own country fails the start. */
export async function loadConfiguredPeers(db: Db, peers: readonly Peer[], ownCountry: string): Promise<void> {
  if (peers.length === 0) return;
  refuseOwnCountry(peers, ownCountry, 'peers');
  await db.transaction(async (tx) => {
    for (const p of peers) await upsert(tx, p, null);
  });
}

/** An admin replaces the list of peers; peers not listed are removed (their pending messages wait). */
export async function replacePeers(
  db: Db,
  admin: Principal,
  peers: readonly Peer[],
  ownCountry: string,
): Promise<StoredPeer[]> {
  refuseOwnCountry(peers, ownCountry, 'peers');
  await db.transaction(async (tx) => {
    const countries = peers.map((p) => p.country);
    await tx.query('DELETE FROM cross_border_peer WHERE NOT (country = ANY($1::text[]))', [countries]);
    for (const p of peers) await upsert(tx, p, admin.accountId);
    await appendIn(tx, {
      actor: `account:${admin.username}`,
      action: 'cross-border.peers',
      object: 'cross-border:peers',
      outcome: 'success',
      details: {
        peers: peers.map((p) => ({ country: p.country, url: p.url, key: keyFingerprint(p.publicKey) })),
      },
    });
  });
  return listPeers(db);
}
