import { randomBytes } from 'node:crypto';
import type { NodeStore } from '@openehds/analytics';
import { decodeCohort, encodeCohort, type HistoryEntry, type QueryHistory } from '@openehds/privacy';

/**
 * What the node's disclosure control keeps in its store: the cell-key secret and, per permit, the
 * cohorts already answered (the differencing guard and the repeat lockout, Art. 73(2); EHDS.md §11).
 * Both stay at the node: the secret keys the noise (whoever knew it could subtract the noise), and the
 * history holds person ids.
 */

const DDL = [
  // A small integer per person for the engine's 32-bit cohorts (person-index.ts).
  `CREATE TABLE IF NOT EXISTS sdc_person_index (person_id BIGINT PRIMARY KEY, idx UINTEGER NOT NULL UNIQUE)`,
  `CREATE TABLE IF NOT EXISTS sdc_secret (name VARCHAR PRIMARY KEY, secret VARCHAR NOT NULL)`,
  // One row per count answered under a permit; `cohort` is `encodeCohort` (delta varints of person ids).
  `CREATE TABLE IF NOT EXISTS sdc_query_history (
    permit_id VARCHAR NOT NULL, seq BIGINT NOT NULL, answered_at VARCHAR NOT NULL, query_key VARCHAR,
    digest VARCHAR NOT NULL, cohort BLOB NOT NULL, PRIMARY KEY (permit_id, seq))`,
];

const ready = new WeakMap<NodeStore, Promise<void>>();

/** Creates the tables if they are missing (once per store). */
export function ensureSdcTables(store: NodeStore): Promise<void> {
  let pending = ready.get(store);
  if (!pending) {
    pending = (async () => {
      for (const ddl of DDL) await store.run(ddl);
    })();
    pending.catch(() => ready.delete(store));
    ready.set(store, pending);
  }
  return pending;
}

/**
 * The node's cell-key secret, generated on first use (32 random bytes) and kept in the store. It never
 * leaves the node: with it, anyone could recompute and remove the noise of a released count.
 */
export async function cellKeySecret(store: NodeStore): Promise<string> {
  await ensureSdcTables(store);
  await store.run(`INSERT INTO sdc_secret (name, secret) VALUES ('cell-key', $1) ON CONFLICT DO NOTHING`, [
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await store.all<{ secret: string }>(`SELECT secret FROM sdc_secret WHERE name = 'cell-key'`);
  return row!.secret;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * A QueryHistory persisted in the node's DuckDB store, so the differencing guard and the repeat lockout
 * survive restarts (a restart must not wipe what a permit holder has already been told).
 */
export class StoreQueryHistory implements QueryHistory {
  constructor(private readonly store: NodeStore) {}

  async list(permitId: string): Promise<readonly HistoryEntry[]> {
    await ensureSdcTables(this.store);
    const rows = await this.store.all<{
      at: string;
      query_key: string | null;
      digest: string;
      cohort: string;
    }>(
      `SELECT answered_at AS at, query_key, digest, to_base64(cohort) AS cohort FROM sdc_query_history
       WHERE permit_id = $1 ORDER BY seq`,
      [permitId],
    );
    return rows.map((r) => ({
      at: r.at,
      digest: r.digest,
      cohort: decodeCohort(Buffer.from(r.cohort, 'base64')),
      ...(r.query_key ? { queryKey: r.query_key } : {}),
    }));
  }

  async append(permitId: string, entry: HistoryEntry): Promise<void> {
    await ensureSdcTables(this.store);
    // DuckDB's node driver binds no raw bytes without a type; base64 through from_base64 stores a BLOB.
    await this.store.run(
      `INSERT INTO sdc_query_history (permit_id, seq, answered_at, query_key, digest, cohort)
       SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, from_base64($5) FROM sdc_query_history WHERE permit_id = $1`,
      [permitId, entry.at, entry.queryKey ?? null, entry.digest, b64(encodeCohort(entry.cohort))],
    );
  }
}
