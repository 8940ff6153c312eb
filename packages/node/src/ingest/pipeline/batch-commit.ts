import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeStore } from '@openehds/analytics';
import { readSampleRoster } from '../adapters/vcf/roster';
import type { StagedBatch } from './batch-writer';
import type { TableSpec } from './table-specs';

/** Keys found already loaded when a batch committed, with their record types (for the report). */
export interface CommitResult {
  /** `record`: the record's ordinal in the batch (`_r`). */
  duplicates: { key: string; recordType: string; record: number }[];
}

/** What every batch of one run commits with. */
export interface CommitContext {
  store: NodeStore;
  specs: Map<string, TableSpec>;
  batchId: string;
  datasetId: string;
  /** The run's start, as the TIMESTAMP text `ingested_file.ingested_at` gets. */
  now: string;
  /** Identifier system whose new identifiers link unlinked genotypes by sample name. */
  linkSystem: string;
  /** Folder the staged CSV is written to for DuckDB to read. */
  tmpDir: string;
}

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

const CSV_OPTS = `header=false, delim=',', quote='"', escape='"', allow_quoted_nulls=false, auto_detect=false`;

/** Per run: the files whose sample roster is in the store already (written with their first rows). */
const rostered = new WeakMap<CommitContext, Set<string>>();

/**
 * The sample rosters this batch must record: every VCF/BCF file it holds variant rows of whose roster
 * this run has not recorded yet, as staged CSV (`idx`, `sample`). Read from the file's header here,
 * because genotype rows name carriers only (see `variant_sample` in analytics' ddl.ts).
 */
async function stageRosters(
  c: CommitContext,
  b: StagedBatch,
  write: (name: string, data: Uint8Array) => string,
): Promise<{ file: string; path: string | undefined }[]> {
  if (!b.tables.some((t) => t.table === 'variant')) return [];
  const done = rostered.get(c);
  const out: { file: string; path: string | undefined }[] = [];
  for (const file of b.paths) {
    if (done?.has(file)) continue;
    const samples = await readSampleRoster(file);
    if (samples === undefined) continue;
    const csv = samples.map((s, i) => `${i},"${s.replaceAll('"', '""')}"\n`).join('');
    out.push({
      file,
      path: samples.length ? write(`roster${out.length}`, Buffer.from(csv, 'utf8')) : undefined,
    });
  }
  return out;
}

/**
 * Commits a staged batch in ONE transaction: the rows, `ingested_record`, `person_identifier`, `quarantine`
 * and `ingested_file`. Either the whole batch is in the store or none of it, so an interrupted ingest
 * leaves the store as it was before that batch. Duplicates of records loaded earlier are filtered in SQL
 * against `ingested_record`, one set-based statement per table instead of a lookup per record.
 */
export async function commitBatch(c: CommitContext, b: StagedBatch): Promise<CommitResult> {
  // Written synchronously (into the page cache, milliseconds): asynchronous writes advance one chunk
  // per event-loop turn, and a main thread busy staging the next batch grants few turns.
  const write = (name: string, data: Uint8Array): string => {
    const path = join(c.tmpDir, `b${b.seq}-${name}.csv`);
    writeFileSync(path, data);
    return path;
  };
  const tables = b.tables.map((t) => ({ table: t.table, path: write(t.table, t.bytes) }));
  const keysPath = write('keys', b.keys);
  const refsPath = write('refs', b.refs);
  const quarantinePath = write('quarantine', b.quarantine);
  let rosters: { file: string; path: string | undefined }[] = [];
  try {
    rosters = await stageRosters(c, b, write);
    const result = await commitStaged(c, b, tables, keysPath, refsPath, quarantinePath, rosters);
    let done = rostered.get(c);
    if (!done) rostered.set(c, (done = new Set()));
    for (const r of rosters) done.add(r.file);
    return result;
  } finally {
    // Removed once loaded: deleted before the kernel writes them back, they never reach the disk.
    for (const p of [...tables.map((t) => t.path), keysPath, refsPath, quarantinePath])
      rmSync(p, { force: true });
    for (const r of rosters) if (r.path) rmSync(r.path, { force: true });
  }
}

async function commitStaged(
  c: CommitContext,
  b: StagedBatch,
  tables: { table: string; path: string }[],
  keysPath: string,
  refsPath: string,
  quarantinePath: string,
  rosters: { file: string; path: string | undefined }[],
): Promise<CommitResult> {
  const { store } = c;
  return store.transaction(async () => {
    const read = (path: string, cols: string) => `read_csv('${path}', ${CSV_OPTS}, columns={${cols}})`;
    const keysSrc = read(keysPath, `'k':'VARCHAR','t':'VARCHAR','r':'INTEGER'`);
    let duplicates: CommitResult['duplicates'] = [];
    if (b.nKeys) {
      // A join, not `k IN (SELECT ehds_key ...)`: that built a hash table of every key loaded so far for
      // each batch; the join hashes the batch's keys and probes them with the stored ones (10M stored
      // keys: 0.3 s instead of 0.5–0.8 s a batch). Keys are unique on both sides, so it is a semi-join.
      duplicates = (
        await store.all<{ k: string; t: string; r: number }>(
          `SELECT s.k, s.t, s.r FROM ${keysSrc} s JOIN ingested_record r ON r.ehds_key = s.k`,
        )
      ).map((r) => ({ key: r.k, recordType: r.t, record: r.r }));
    }
    // Usually no duplicates: then rows go in unfiltered; otherwise only the few known records are excluded.
    const sqlKeys = duplicates.length
      ? duplicates.map((d) => `'${d.key.replaceAll("'", "''")}'`).join(',')
      : '';
    const sqlRecords = duplicates.map((d) => d.record).join(',');
    const paths = `[${b.paths.map(sqlString).join(',')}]`;
    const batch = sqlString(c.batchId);
    for (const f of tables) {
      const spec = c.specs.get(f.table)!;
      const cols = spec.columns
        .map((col, i) => `'${col.name}':'${col.kind === 'file' ? 'INTEGER' : spec.csvTypes[i]}'`)
        .join(',');
      const stored = spec.columns.filter((col) => col.kind !== 'record');
      const names = stored.map((col) => col.name).join(',');
      // Provenance constants are not staged per row (see BatchWriter): the file by index, the batch empty.
      const exprs = stored
        .map((col) =>
          col.kind === 'file' ? `${paths}[${col.name} + 1]` : col.kind === 'batch' ? batch : col.name,
        )
        .join(',');
      const exclude = spec.extraKey ? `_r NOT IN (${sqlRecords})` : `ehds_key NOT IN (${sqlKeys})`;
      await store.run(
        `INSERT INTO ${spec.name} (${names}) SELECT ${exprs} FROM ${read(f.path, cols)}` +
          (duplicates.length ? ` WHERE ${exclude}` : ''),
      );
    }
    if (b.nKeys) {
      await store.run(
        `INSERT INTO ingested_record SELECT k, ${batch} FROM ${keysSrc}` +
          (sqlKeys ? ` WHERE k NOT IN (${sqlKeys})` : ''),
      );
    }
    if (b.nRefs) {
      const refsSrc = read(refsPath, `'s':'VARCHAR','v':'VARCHAR','p':'BIGINT'`);
      await store.run(`INSERT INTO person_identifier SELECT * FROM ${refsSrc} ON CONFLICT DO NOTHING`);
      // One set-based statement per batch links every genotype whose sample is one of its persons.
      if (b.linkGenotypes) {
        await store.run(
          `UPDATE genotype SET person_id = r.p FROM ${refsSrc} r
           WHERE genotype.person_id IS NULL AND genotype.sample = r.v AND r.s = $1`,
          [c.linkSystem],
        );
      }
      // Roster samples are linked the same way, whether or not any genotype waits: a sample homozygous
      // for the reference everywhere has no genotype row, yet counts in AN once it is a person.
      await store.run(
        `UPDATE variant_sample SET person_id = r.p FROM ${refsSrc} r
         WHERE variant_sample.person_id IS NULL AND variant_sample.sample = r.v AND r.s = $1`,
        [c.linkSystem],
      );
    }
    // A file's roster commits with its first rows, each sample linked to its person if known by now.
    for (const r of rosters) {
      if (!r.path) continue;
      await store.run(
        `INSERT INTO variant_sample SELECT $1, $2, s.idx, s.sample, p.person_id
         FROM ${read(r.path, `'idx':'INTEGER','sample':'VARCHAR'`)} s
         LEFT JOIN person_identifier p ON p.system = $3 AND p.value = s.sample`,
        [c.batchId, r.file, c.linkSystem],
      );
    }
    if (b.nQuarantined) {
      await store.run(
        `INSERT INTO quarantine SELECT * FROM ${read(
          quarantinePath,
          `'b':'VARCHAR','f':'VARCHAR','l':'BIGINT','t':'VARCHAR','r':'VARCHAR','raw':'VARCHAR','at':'TIMESTAMP'`,
        )}`,
      );
    }
    for (const f of b.files) {
      await store.run(
        `INSERT INTO ingested_file VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMP) ON CONFLICT DO NOTHING`,
        [f.sha256, f.path, f.format, c.datasetId, c.batchId, f.bytes, c.now],
      );
    }
    return { duplicates };
  });
}
