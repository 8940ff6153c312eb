import type { NodeStore } from '@openehds/analytics';

/** One opt-out period as the node keeps it (ISO instants; reversedAt null while in force). */
export interface RegistryPeriod {
  pseudonym: string;
  optedOutAt: string;
  reversedAt: string | null;
}

/** How far the node's copy of the registry goes. */
export interface RegistryState {
  /** The key the pseudonyms were made with (a digest naming it), null before the hub sent one. */
  keyId: string | null;
  /** The hub's registry version the copy reached. */
  version: number;
  /** The copy holds every change made before this instant; null before the first sync. */
  asOf: string | null;
}

const DDL = [
  // The key for national identifier pseudonyms, from the hub (`opt-out.key`). One row.
  `CREATE TABLE IF NOT EXISTS opt_out_key (
    key_id VARCHAR PRIMARY KEY, key VARCHAR NOT NULL, received_at VARCHAR NOT NULL)`,
  // The registry: one row per opt-out period, keyed pseudonyms only.
  `CREATE TABLE IF NOT EXISTS opt_out_registry (
    pseudonym VARCHAR NOT NULL, opted_out_at VARCHAR NOT NULL, reversed_at VARCHAR,
    PRIMARY KEY (pseudonym, opted_out_at))`,
  `CREATE TABLE IF NOT EXISTS opt_out_registry_state (
    id VARCHAR PRIMARY KEY, version BIGINT NOT NULL, as_of VARCHAR, synced_at VARCHAR NOT NULL)`,
];

const ready = new WeakMap<NodeStore, Promise<void>>();

/** Creates the opt-out tables in the node store if they are missing (once per store). */
export function ensureOptOutTables(store: NodeStore): Promise<void> {
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

/** The key the node holds, if any. */
export async function optOutKey(store: NodeStore): Promise<{ keyId: string; key: string } | null> {
  await ensureOptOutTables(store);
  const [row] = await store.all<{ key_id: string; key: string }>(
    'SELECT key_id, key FROM opt_out_key LIMIT 1',
  );
  return row ? { keyId: row.key_id, key: row.key } : null;
}

/** Replaces the key (a new key makes every stored pseudonym stale, so the registry is emptied too). */
export async function storeOptOutKey(
  store: NodeStore,
  keyId: string,
  key: string,
  now: Date,
): Promise<boolean> {
  const current = await optOutKey(store);
  if (current?.keyId === keyId) return false;
  await store.run('DELETE FROM opt_out_key');
  await store.run('DELETE FROM opt_out_registry');
  await store.run('DELETE FROM opt_out_registry_state');
  await store.run('INSERT INTO opt_out_key (key_id, key, received_at) VALUES ($1, $2, $3)', [
    keyId,
    key,
    now.toISOString(),
  ]);
  return true;
}

/** How far the node's registry goes. */
export async function registryState(store: NodeStore): Promise<RegistryState> {
  await ensureOptOutTables(store);
  const key = await optOutKey(store);
  const [row] = await store.all<{ version: number; as_of: string | null }>(
    `SELECT version, as_of FROM opt_out_registry_state WHERE id = 'current'`,
  );
  return { keyId: key?.keyId ?? null, version: Number(row?.version ?? 0), asOf: row?.as_of ?? null };
}

/** Upserts periods (by pseudonym and opt-out time) and moves the state on; `full` replaces the copy. */
export async function applyPeriods(
  store: NodeStore,
  input: { full: boolean; periods: RegistryPeriod[]; version: number; asOf: string; now: Date },
): Promise<void> {
  await ensureOptOutTables(store);
  if (input.full) await store.run('DELETE FROM opt_out_registry');
  for (let i = 0; i < input.periods.length; i += 300) {
    const chunk = input.periods.slice(i, i + 300);
    const values = chunk.map((_, j) => `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`).join(', ');
    await store.run(
      `INSERT INTO opt_out_registry (pseudonym, opted_out_at, reversed_at) VALUES ${values}
       ON CONFLICT (pseudonym, opted_out_at) DO UPDATE SET reversed_at = excluded.reversed_at`,
      chunk.flatMap((p) => [p.pseudonym, p.optedOutAt, p.reversedAt]),
    );
  }
  // State last: a crash before it leaves the old state, and the hub sends the same changes again.
  await store.run(
    `INSERT INTO opt_out_registry_state (id, version, as_of, synced_at) VALUES ('current', $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version,
       as_of = CASE WHEN opt_out_registry_state.as_of IS NULL OR excluded.as_of > opt_out_registry_state.as_of
                    THEN excluded.as_of ELSE opt_out_registry_state.as_of END,
       synced_at = excluded.synced_at`,
    [input.version, input.asOf, input.now.toISOString()],
  );
}

/**
 * The pseudonyms opted out at `instant` (Art. 71(3)): an opt-out registered at or before it and not
 * reversed by then. An opt-out at the very instant of an approval counts, in the person's favour.
 */
export async function optedOutAt(store: NodeStore, instant: string): Promise<Set<string>> {
  await ensureOptOutTables(store);
  const rows = await store.all<{ pseudonym: string }>(
    `SELECT DISTINCT pseudonym FROM opt_out_registry
     WHERE opted_out_at <= $1 AND (reversed_at IS NULL OR reversed_at > $1)`,
    [instant],
  );
  return new Set(rows.map((r) => r.pseudonym));
}
