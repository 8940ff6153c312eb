import { randomBytes } from 'node:crypto';
import type { NodeStore } from '@openehds/analytics';

/**
 * The recipe of a permit's extract (Art. 68(12): the HDAB may keep a recipe to rebuild the dataset):
 * what was selected, as of when the opt-out registry was applied, and the counts. Kept after deletion.
 */
export interface ExtractRecipe {
  permitId: string;
  rootId: string;
  datasets: string[];
  variables: string[];
  period: { from?: string; to?: string };
  /** False when the permit grants the opt-out exception (Art. 71(4), recorded under 68(10)(c)). */
  optOutApplied: boolean;
  exceptionBasis: string | null;
  /** The registry was applied as of this instant: the approval (approval.ts). */
  snapshotAt: string;
  snapshotBasis: 'grant' | 'renewal';
  registryVersion: number;
  registryAsOf: string | null;
  identifierSystem: string;
  persons: number;
  excludedByOptOut: number;
  /** Persons without a national identifier: kept, as they cannot be matched (Art. 71(8)). */
  notMatchable: number;
  preparedAt: string;
  reportedAt: string | null;
  deletedAt: string | null;
  deletionReason: 'revoked' | 'expired' | 'superseded' | null;
  deletionReportedAt: string | null;
}

const DDL = [
  `CREATE TABLE IF NOT EXISTS permit_extract (
    permit_id VARCHAR PRIMARY KEY, root_id VARCHAR NOT NULL, datasets VARCHAR NOT NULL, variables VARCHAR NOT NULL,
    period VARCHAR NOT NULL, opt_out_applied BOOLEAN NOT NULL, exception_basis VARCHAR, snapshot_at VARCHAR NOT NULL,
    snapshot_basis VARCHAR NOT NULL, registry_version BIGINT NOT NULL, registry_as_of VARCHAR,
    identifier_system VARCHAR NOT NULL, persons BIGINT NOT NULL, excluded_by_opt_out BIGINT NOT NULL,
    not_matchable BIGINT NOT NULL, prepared_at VARCHAR NOT NULL, reported_at VARCHAR, deleted_at VARCHAR,
    deletion_reason VARCHAR, deletion_reported_at VARCHAR)`,
  // The persons of the extract, each under a pseudonym of this permit only (no linkage across permits).
  `CREATE TABLE IF NOT EXISTS permit_extract_person (permit_id VARCHAR NOT NULL, pseudonym VARCHAR NOT NULL)`,
  // The secret behind a permit's pseudonyms, per chain (an amendment keeps the researchers' pseudonyms);
  // deleted when the chain ends, after which nobody can link the pseudonyms back to persons.
  `CREATE TABLE IF NOT EXISTS permit_extract_secret (root_id VARCHAR PRIMARY KEY, secret VARCHAR NOT NULL)`,
];

const ready = new WeakMap<NodeStore, Promise<void>>();

/** Creates the extract tables if they are missing (once per store). */
export function ensureExtractTables(store: NodeStore): Promise<void> {
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

function toRecipe(r: Record<string, unknown>): ExtractRecipe {
  return {
    permitId: r.permit_id as string,
    rootId: r.root_id as string,
    datasets: JSON.parse(r.datasets as string) as string[],
    variables: JSON.parse(r.variables as string) as string[],
    period: JSON.parse(r.period as string) as ExtractRecipe['period'],
    optOutApplied: r.opt_out_applied === true,
    exceptionBasis: (r.exception_basis as string | null) ?? null,
    snapshotAt: r.snapshot_at as string,
    snapshotBasis: r.snapshot_basis as ExtractRecipe['snapshotBasis'],
    registryVersion: Number(r.registry_version),
    registryAsOf: (r.registry_as_of as string | null) ?? null,
    identifierSystem: r.identifier_system as string,
    persons: Number(r.persons),
    excludedByOptOut: Number(r.excluded_by_opt_out),
    notMatchable: Number(r.not_matchable),
    preparedAt: r.prepared_at as string,
    reportedAt: (r.reported_at as string | null) ?? null,
    deletedAt: (r.deleted_at as string | null) ?? null,
    deletionReason: (r.deletion_reason as ExtractRecipe['deletionReason']) ?? null,
    deletionReportedAt: (r.deletion_reported_at as string | null) ?? null,
  };
}

/** The recipe of a permit version's extract, or null if none was prepared. */
export async function findExtract(store: NodeStore, permitId: string): Promise<ExtractRecipe | null> {
  await ensureExtractTables(store);
  const [row] = await store.all('SELECT * FROM permit_extract WHERE permit_id = $1', [permitId]);
  return row ? toRecipe(row) : null;
}

/** Every recipe, oldest first. */
export async function listExtracts(store: NodeStore): Promise<ExtractRecipe[]> {
  await ensureExtractTables(store);
  return (await store.all('SELECT * FROM permit_extract ORDER BY prepared_at, permit_id')).map(toRecipe);
}

/** The pseudonyms of a permit version's extract (for the SPE provisioning and for tests). */
export async function extractPseudonyms(store: NodeStore, permitId: string): Promise<string[]> {
  await ensureExtractTables(store);
  const rows = await store.all<{ pseudonym: string }>(
    'SELECT pseudonym FROM permit_extract_person WHERE permit_id = $1 ORDER BY pseudonym',
    [permitId],
  );
  return rows.map((r) => r.pseudonym);
}

/** The secret of a permit chain, created on first use. */
export async function chainSecret(store: NodeStore, rootId: string): Promise<string> {
  await ensureExtractTables(store);
  await store.run(
    'INSERT INTO permit_extract_secret (root_id, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [rootId, randomBytes(32).toString('base64url')],
  );
  const [row] = await store.all<{ secret: string }>(
    'SELECT secret FROM permit_extract_secret WHERE root_id = $1',
    [rootId],
  );
  return row!.secret;
}

/** Forgets a chain's secret: its pseudonyms can no longer be linked to persons by anyone. */
export async function dropChainSecret(store: NodeStore, rootId: string): Promise<boolean> {
  await ensureExtractTables(store);
  const rows = await store.all('DELETE FROM permit_extract_secret WHERE root_id = $1 RETURNING root_id', [
    rootId,
  ]);
  return rows.length > 0;
}

/** Stores a prepared extract: its persons first, the recipe last (a recipe means a complete extract). */
export async function writeExtract(
  store: NodeStore,
  recipe: ExtractRecipe,
  pseudonyms: string[],
): Promise<void> {
  await ensureExtractTables(store);
  await store.run('DELETE FROM permit_extract_person WHERE permit_id = $1', [recipe.permitId]);
  for (let i = 0; i < pseudonyms.length; i += 500) {
    const chunk = pseudonyms.slice(i, i + 500);
    const values = chunk.map((_, j) => `($1, $${j + 2})`).join(', ');
    await store.run(`INSERT INTO permit_extract_person (permit_id, pseudonym) VALUES ${values}`, [
      recipe.permitId,
      ...chunk,
    ]);
  }
  const r = recipe;
  await store.run(
    `INSERT INTO permit_extract VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [
      r.permitId,
      r.rootId,
      JSON.stringify(r.datasets),
      JSON.stringify(r.variables),
      JSON.stringify(r.period),
      r.optOutApplied,
      r.exceptionBasis,
      r.snapshotAt,
      r.snapshotBasis,
      r.registryVersion,
      r.registryAsOf,
      r.identifierSystem,
      r.persons,
      r.excludedByOptOut,
      r.notMatchable,
      r.preparedAt,
      r.reportedAt,
      r.deletedAt,
      r.deletionReason,
      r.deletionReportedAt,
    ],
  );
}

/** Deletes a permit version's persons (Art. 68(12)); the recipe stays, marked deleted. */
export async function deleteExtractPersons(
  store: NodeStore,
  permitId: string,
  reason: NonNullable<ExtractRecipe['deletionReason']>,
  now: Date,
): Promise<void> {
  await ensureExtractTables(store);
  await store.run('DELETE FROM permit_extract_person WHERE permit_id = $1', [permitId]);
  await store.run('UPDATE permit_extract SET deleted_at = $2, deletion_reason = $3 WHERE permit_id = $1', [
    permitId,
    now.toISOString(),
    reason,
  ]);
}

/** Notes that the hub acknowledged a report. */
export async function markReported(
  store: NodeStore,
  permitId: string,
  what: 'prepared' | 'deleted',
  now: Date,
): Promise<void> {
  const column = what === 'prepared' ? 'reported_at' : 'deletion_reported_at';
  await store.run(`UPDATE permit_extract SET ${column} = $2 WHERE permit_id = $1`, [
    permitId,
    now.toISOString(),
  ]);
}
