import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OMOP_TABLES, type NodeStore, type OmopColumn, type OmopTable } from '@openehds/analytics';
import { canonicalJson, invalid } from '@openehds/core';
import { permitPseudonym } from './prepare';
import type { ExtractRecipe } from './store';

/**
 * The permit's data files for code-to-data jobs (issue 4 §3, §5): the permitted datasets' OMOP rows
 * of the extract's persons only, each person under the permit's pseudonym, in
 * `<node data dir>/extracts/<permitId>/` as CSV and Parquet with a manifest. A job's sandbox mounts
 * this folder read-only at /data (compute/). Written when the extract is prepared, removed with it on
 * revocation, expiry or supersession (Art. 68(12)), by the extract reconcile pass (reconcile.ts).
 *
 * What is left out, and why (Art. 66(1): minimised data; EHDS.md §11 pseudonymised per permit):
 * - `person_id` (replaced by `person`, the pseudonym) and `person_source_value` (a source identifier);
 * - row ids and links between rows (`*_occurrence_id`, visit and provider ids, …): node-wide integers
 *   that would link the same rows across two permits, which the per-permit pseudonym exists to prevent;
 * - provenance columns (`ehds_file`, `ehds_line`, `ehds_batch`, `ehds_key`): file names and source keys.
 */

/** The folder under the node data dir holding one sub-folder per permit. */
export const EXTRACT_FILES_DIR = 'extracts';
/** The manifest file of a permit's folder (its presence means the folder is complete). */
export const EXTRACT_MANIFEST = 'manifest.json';

const roots = new WeakMap<NodeStore, string>();

/** Turns on the data files for a node store: folders under `root` (`<dataDir>/extracts`). */
export function enableExtractFiles(store: NodeStore, root: string): void {
  roots.set(store, root);
}

/** The root folder of the data files, or undefined when the node does not write them. */
export function extractFilesRoot(store: NodeStore): string | undefined {
  return roots.get(store);
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;

/** The folder of one permit's data files. */
export function extractFolder(root: string, permitId: string): string {
  if (!SAFE_ID.test(permitId)) throw invalid(`permit id ${permitId} cannot name a folder`);
  return join(root, permitId);
}

/** One table of the manifest. */
export interface ManifestTable {
  table: OmopTable;
  csv: string;
  parquet: string;
  columns: string[];
  rows: number;
}

/** What a job finds in `/data/manifest.json`. */
export interface ExtractManifest {
  permitId: string;
  /** SHA-256 of the recipe's canonical JSON: the same recipe rebuilds the same selection (Art. 68(12)). */
  recipeHash: string;
  preparedAt: string;
  persons: number;
  datasets: string[];
  period: { from?: string; to?: string };
  variables: string[];
  /** Permitted variables that name no OMOP table or field here (recorded; they select nothing). */
  unmappedVariables: string[];
  tables: ManifestTable[];
}

const DROPPED = new Set([
  'person_id',
  'person_source_value',
  'provider_id',
  'care_site_id',
  'location_id',
  'visit_occurrence_id',
  'visit_detail_id',
  'preceding_visit_occurrence_id',
  'measurement_event_id',
  'observation_event_id',
]);

/** The date each table's rows are placed in time by, for the permit's period. */
const DATE_OF: Partial<Record<OmopTable, { start: string; end?: string }>> = {
  observation_period: { start: 'observation_period_start_date', end: 'observation_period_end_date' },
  visit_occurrence: { start: 'visit_start_date' },
  condition_occurrence: { start: 'condition_start_date' },
  drug_exposure: { start: 'drug_exposure_start_date' },
  procedure_occurrence: { start: 'procedure_date' },
  measurement: { start: 'measurement_date' },
  observation: { start: 'observation_date' },
  death: { start: 'death_date' },
};

/** The SHA-256 of what defines an extract (not when it was reported or deleted). */
export function recipeHash(r: ExtractRecipe): string {
  const defining = {
    permitId: r.permitId,
    rootId: r.rootId,
    datasets: r.datasets,
    variables: r.variables,
    period: r.period,
    optOutApplied: r.optOutApplied,
    exceptionBasis: r.exceptionBasis,
    snapshotAt: r.snapshotAt,
    snapshotBasis: r.snapshotBasis,
    registryVersion: r.registryVersion,
    registryAsOf: r.registryAsOf,
    identifierSystem: r.identifierSystem,
    persons: r.persons,
  };
  return createHash('sha256').update(canonicalJson(defining)).digest('hex');
}

/**
 * The tables and columns a permit's variables select. Variables naming OMOP tables (`measurement`) or
 * fields (`measurement.value_as_number`) restrict the files to those; a permit whose variables name
 * none (free text, or none at all) gets every table, and the names are recorded as unmapped.
 */
export function selectColumns(variables: readonly string[]): {
  tables: { table: OmopTable; columns: string[] }[];
  unmapped: string[];
} {
  const all = Object.entries(OMOP_TABLES) as [OmopTable, readonly OmopColumn[]][];
  const kept = (cols: readonly OmopColumn[]) =>
    cols.map(([name]) => name).filter((n) => !DROPPED.has(n) && !(n.endsWith('_id') && isRowId(n, cols)));
  const wanted = new Map<OmopTable, Set<string> | 'all'>();
  const unmapped: string[] = [];
  for (const v of variables) {
    const [table, field, ...rest] = v.trim().split('.');
    const cols = all.find(([t]) => t === table)?.[1];
    if (!cols || rest.length || (field && !kept(cols).includes(field))) {
      unmapped.push(v);
      continue;
    }
    const t = table as OmopTable;
    if (!field) wanted.set(t, 'all');
    else if (wanted.get(t) !== 'all')
      wanted.set(t, new Set([...((wanted.get(t) as Set<string>) ?? []), field]));
  }
  const tables = all
    .filter(([t]) => wanted.size === 0 || wanted.has(t))
    .map(([table, cols]) => {
      const w = wanted.get(table);
      const names = kept(cols).filter((c) => !w || w === 'all' || w.has(c));
      return { table, columns: names };
    });
  return { tables, unmapped };
}

/** The primary key of a table (its own row id). */
function isRowId(name: string, cols: readonly OmopColumn[]): boolean {
  return cols.some(([n, , , pk]) => n === name && pk === true);
}

const isoDate = (s: string | undefined) => {
  if (s === undefined) return undefined;
  const d = s.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)))
    throw invalid(`the permit's period bound ${s} is not a date`);
  return d;
};

/** SQL string literal of a path we built ourselves (no user text reaches it). */
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Writes the data files of a prepared extract into `<root>/<permitId>/` (replacing any earlier ones):
 * into a temporary sibling first, renamed into place when complete, so a job never sees half a folder.
 */
export async function writeExtractFiles(
  store: NodeStore,
  root: string,
  recipe: ExtractRecipe,
): Promise<ExtractManifest> {
  const target = extractFolder(root, recipe.permitId);
  const tmp = join(root, `.${recipe.permitId}.${randomBytes(6).toString('hex')}`);
  await mkdir(tmp, { recursive: true, mode: 0o755 });
  const suffix = randomBytes(6).toString('hex');
  const map = `ehds_extract_map_${suffix}`;
  const batches = `ehds_extract_batches_${suffix}`;
  try {
    const [secretRow] = await store.all<{ secret: string }>(
      'SELECT secret FROM permit_extract_secret WHERE root_id = $1',
      [recipe.rootId],
    );
    if (!secretRow) throw invalid(`permit ${recipe.permitId}'s chain has no secret; its extract is gone`);
    const members = new Set(
      (
        await store.all<{ pseudonym: string }>(
          'SELECT pseudonym FROM permit_extract_person WHERE permit_id = $1',
          [recipe.permitId],
        )
      ).map((r) => r.pseudonym),
    );
    const datasets = recipe.datasets;
    const placeholders = datasets.map((_, i) => `$${i + 1}`).join(', ') || 'NULL';
    await store.run(
      `CREATE TEMP TABLE ${batches} AS SELECT batch_id FROM ingest_batch WHERE dataset_id IN (${placeholders})`,
      datasets,
    );
    const persons = await store.all<{ person_id: number }>(
      `SELECT DISTINCT person_id FROM person WHERE ehds_batch IN (SELECT batch_id FROM ${batches})`,
    );
    const pairs: [number, string][] = [];
    for (const { person_id } of persons) {
      const pseudonym = permitPseudonym(secretRow.secret, Number(person_id));
      if (members.has(pseudonym)) pairs.push([Number(person_id), pseudonym]);
    }
    await store.run(`CREATE TEMP TABLE ${map} (person_id BIGINT, person VARCHAR)`);
    for (let i = 0; i < pairs.length; i += 500) {
      const chunk = pairs.slice(i, i + 500);
      await store.run(
        `INSERT INTO ${map} VALUES ${chunk.map((_, j) => `($${2 * j + 1}, $${2 * j + 2})`).join(', ')}`,
        chunk.flat(),
      );
    }
    const from = isoDate(recipe.period.from);
    const to = isoDate(recipe.period.to);
    const selection = selectColumns(recipe.variables);
    const tables: ManifestTable[] = [];
    for (const { table, columns } of selection.tables) {
      const where = [`t.ehds_batch IN (SELECT batch_id FROM ${batches})`];
      const dates = DATE_OF[table];
      if (dates && from) where.push(`t.${dates.end ?? dates.start} >= DATE '${from}'`);
      if (dates && to) where.push(`t.${dates.start} <= DATE '${to}'`);
      const select = `SELECT m.person AS person${columns.map((c) => `, t.${c}`).join('')}
        FROM ${table} t JOIN ${map} m ON m.person_id = t.person_id
        WHERE ${where.join(' AND ')}
        ORDER BY m.person${dates ? `, t.${dates.start}` : ''}`;
      const csv = `${table}.csv`;
      const parquet = `${table}.parquet`;
      await store.run(`COPY (${select}) TO ${literal(join(tmp, csv))} (HEADER, DELIMITER ',')`);
      await store.run(`COPY (${select}) TO ${literal(join(tmp, parquet))} (FORMAT PARQUET)`);
      const [{ n } = { n: 0 }] = await store.all<{ n: number }>(`SELECT count(*) AS n FROM (${select})`);
      tables.push({ table, csv, parquet, columns: ['person', ...columns], rows: Number(n) });
    }
    const manifest: ExtractManifest = {
      permitId: recipe.permitId,
      recipeHash: recipeHash(recipe),
      preparedAt: recipe.preparedAt,
      persons: pairs.length,
      datasets,
      period: recipe.period,
      variables: recipe.variables,
      unmappedVariables: selection.unmapped,
      tables,
    };
    await writeFile(join(tmp, 'README.txt'), readme(manifest));
    await writeFile(join(tmp, EXTRACT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const f of ['README.txt', EXTRACT_MANIFEST, ...tables.flatMap((t) => [t.csv, t.parquet])])
      await chmod(join(tmp, f), 0o444);
    await rm(target, { recursive: true, force: true });
    await rename(tmp, target);
    return manifest;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${map}`).catch(() => undefined);
    await store.run(`DROP TABLE IF EXISTS ${batches}`).catch(() => undefined);
  }
}

/** Whether a permit's folder is complete (its manifest was written last). */
export async function hasExtractFiles(root: string, permitId: string): Promise<boolean> {
  return (await stat(join(extractFolder(root, permitId), EXTRACT_MANIFEST)).catch(() => null)) !== null;
}

/** Deletes a permit's data files (Art. 68(12)); true if there was a folder. */
export async function removeExtractFiles(root: string, permitId: string): Promise<boolean> {
  const dir = extractFolder(root, permitId);
  const existed = (await stat(dir).catch(() => null)) !== null;
  await rm(dir, { recursive: true, force: true });
  return existed;
}

function readme(m: ExtractManifest): string {
  return [
    `Data of permit ${m.permitId} at this node (read-only).`,
    '',
    `Persons: ${m.persons}, each under a pseudonym of this permit only (column "person").`,
    `Datasets: ${m.datasets.join(', ')}. Period: ${m.period.from ?? 'open'} to ${m.period.to ?? 'open'}.`,
    `Recipe hash: ${m.recipeHash}`,
    '',
    'Tables (CSV with a header row, and the same rows as Parquet):',
    ...m.tables.map((t) => `  ${t.csv} / ${t.parquet}: ${t.rows} rows; ${t.columns.join(', ')}`),
    '',
    'Write results to /output: only that folder leaves, through the HDAB airlock (Art. 73).',
    '',
  ].join('\n');
}

/**
 * The reconcile pass's hook for a live extract: writes its files when the node writes them and they
 * are missing. A failure is logged and retried on the next pass (the folder is then still absent).
 */
export async function ensureExtractFiles(
  store: NodeStore,
  recipe: ExtractRecipe,
  log?: (message: string) => void,
): Promise<void> {
  const root = extractFilesRoot(store);
  if (!root || (await hasExtractFiles(root, recipe.permitId))) return;
  try {
    const m = await writeExtractFiles(store, root, recipe);
    log?.(`extract files of permit ${m.permitId} written: ${m.tables.length} tables, ${m.persons} persons`);
  } catch (err) {
    log?.(`extract files of permit ${recipe.permitId} not written (retried): ${(err as Error).message}`);
  }
}

/** The reconcile pass's hook for an ended permit: its files go with its persons (Art. 68(12)). */
export async function dropExtractFiles(
  store: NodeStore,
  permitId: string,
  log?: (message: string) => void,
): Promise<void> {
  const root = extractFilesRoot(store);
  if (root && (await removeExtractFiles(root, permitId)))
    log?.(`extract files of permit ${permitId} deleted (Art. 68(12))`);
}
