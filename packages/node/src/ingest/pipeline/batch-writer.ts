import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NodeStore } from '@openehds/analytics';
import { ByteSink } from './byte-sink';
import { csvLine, quote, type ColumnKind, type Provenance, type StagedColumn } from './csv-row';

/** A target table as the store has it, with how each column is staged. */
export interface TableSpec {
  name: string;
  columns: StagedColumn[];
  /** The table has no `ehds_key` column (genotype): the key is staged in a trailing `_k` column. */
  extraKey: boolean;
  /** DuckDB type per staged column, for read_csv. */
  csvTypes: string[];
}

const PROVENANCE: Record<string, ColumnKind> = {
  ehds_file: 'file',
  ehds_line: 'line',
  ehds_batch: 'batch',
  ehds_key: 'key',
};

function kindOf(name: string, type: string): ColumnKind {
  const p = PROVENANCE[name];
  if (p) return p;
  if (type === 'BIGINT' || type === 'INTEGER') return 'int';
  if (type === 'DOUBLE' || type === 'FLOAT') return 'float';
  if (type === 'DATE') return 'date';
  if (type === 'TIMESTAMP') return 'timestamp';
  if (type === 'JSON') return 'json';
  return 'text';
}

/** Reads the target tables' columns from the store itself, so the loader follows the DDL. */
export async function loadTableSpecs(
  store: NodeStore,
  tables: readonly string[],
): Promise<Map<string, TableSpec>> {
  const rows = await store.all<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
  }>(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'main' AND table_name IN (${tables.map((t) => `'${t}'`).join(',')})
     ORDER BY table_name, ordinal_position`,
  );
  const specs = new Map<string, TableSpec>();
  for (const r of rows) {
    let spec = specs.get(r.table_name);
    if (!spec)
      specs.set(r.table_name, (spec = { name: r.table_name, columns: [], extraKey: true, csvTypes: [] }));
    const kind = kindOf(r.column_name, r.data_type);
    // ehds_batch is filled by the pipeline, so it is never "missing".
    spec.columns.push({
      name: r.column_name,
      kind,
      required: r.is_nullable === 'NO' && !(r.column_name in PROVENANCE),
    });
    spec.csvTypes.push(r.data_type === 'JSON' ? 'VARCHAR' : r.data_type);
    if (r.column_name === 'ehds_key') spec.extraKey = false;
  }
  for (const spec of specs.values()) {
    if (spec.extraKey) {
      spec.columns.push({ name: '_k', kind: 'key', required: false });
      spec.csvTypes.push('VARCHAR');
    }
  }
  return specs;
}

/** A record's rows staged as CSV lines, ready to be added once all of them are valid. */
export type StagedRows = { table: string; line: string }[];

/** Keys found already loaded when a batch committed, with their record types (for the report). */
export interface CommitResult {
  duplicates: { key: string; recordType: string }[];
}

interface Buffers {
  tables: Map<string, ByteSink>;
  keys: ByteSink;
  nKeys: number;
  refs: string[];
  quarantine: string[];
  files: { sha256: string; path: string; format: string; bytes: number }[];
  records: number;
}

function emptyBuffers(): Buffers {
  return {
    tables: new Map(),
    keys: new ByteSink(),
    nKeys: 0,
    refs: [],
    quarantine: [],
    files: [],
    records: 0,
  };
}

const CSV_OPTS = `header=false, delim=',', quote='"', escape='"', allow_quoted_nulls=false, auto_detect=false`;

/**
 * Collects one batch of rows and bookkeeping as CSV in memory and commits it in ONE transaction: the
 * rows, `ingested_record`, `person_identifier`, `quarantine` and `ingested_file`. Either the whole batch
 * is in the store or none of it, so an interrupted ingest leaves the store as it was before that batch.
 * Duplicates of records loaded earlier are filtered in SQL against `ingested_record`, one set-based
 * statement per table instead of a lookup per record.
 */
export class BatchWriter {
  private buf = emptyBuffers();
  private seq = 0;
  private readonly batchQuoted: string;
  private fileQuoted = { path: '', quoted: '""' };

  constructor(
    private readonly store: NodeStore,
    private readonly specs: Map<string, TableSpec>,
    private readonly batchId: string,
    private readonly tmpDir: string,
  ) {
    this.batchQuoted = quote(batchId);
  }

  /** Records staged since the last commit. */
  get size(): number {
    return this.buf.records;
  }

  /** Serialises a record's rows; returns the reason instead when one of them cannot be stored. */
  stage(
    rows: { table: string; row: Record<string, unknown> }[],
    prov: Provenance,
  ): StagedRows | { reason: string } {
    if (this.fileQuoted.path !== prov.file) this.fileQuoted = { path: prov.file, quoted: quote(prov.file) };
    const pq = { file: this.fileQuoted.quoted, batch: this.batchQuoted };
    const out: StagedRows = [];
    for (const r of rows) {
      const spec = this.specs.get(r.table);
      if (!spec) return { reason: `maps to unknown table ${r.table}` };
      const line = csvLine(spec.columns, r.row, prov, pq);
      if (typeof line !== 'string') return { reason: `${r.table}: ${line.reason}` };
      out.push({ table: r.table, line });
    }
    return out;
  }

  /** Adds a record whose rows were staged. */
  add(staged: StagedRows, key: string, recordType: string): void {
    for (const s of staged) {
      let sink = this.buf.tables.get(s.table);
      if (!sink) this.buf.tables.set(s.table, (sink = new ByteSink(4 << 20)));
      sink.line(s.line);
    }
    this.buf.keys.line(`${quote(key)},${quote(recordType)}`);
    this.buf.nKeys++;
    this.buf.records++;
  }

  /** Registers a person identifier (committed with the batch). */
  addPersonRef(system: string, value: string, personId: number): void {
    this.buf.refs.push(`${quote(system)},${quote(value)},${personId}`);
  }

  /** Quarantines a rejected record (committed with the batch). */
  addQuarantine(
    file: string,
    line: number,
    recordType: string,
    reason: string,
    raw: string | undefined,
    at: string,
  ): void {
    const r = raw === undefined ? '' : quote(raw.length > 10_000 ? raw.slice(0, 10_000) : raw);
    this.buf.quarantine.push(
      `${this.batchQuoted},${quote(file)},${line},${quote(recordType)},${quote(reason)},${r},${at}`,
    );
    this.buf.records++;
  }

  /** Marks a file as fully ingested (committed with the batch holding its last record). */
  addFile(f: { sha256: string; path: string; format: string; bytes: number }): void {
    this.buf.files.push(f);
  }

  /** True when nothing is staged. */
  get empty(): boolean {
    return this.buf.records === 0 && this.buf.files.length === 0 && this.buf.refs.length === 0;
  }

  /**
   * Takes the staged batch and writes it in one transaction. The buffers are swapped synchronously, so
   * the caller can stage the next batch while this one is written (DuckDB works off the JS thread).
   */
  async commit(datasetId: string, now: string): Promise<CommitResult> {
    const b = this.buf;
    this.buf = emptyBuffers();
    const n = ++this.seq;
    const files: { table: string; path: string }[] = [];
    const write = async (name: string, data: string[] | ByteSink): Promise<string> => {
      const path = join(this.tmpDir, `b${n}-${name}.csv`);
      await writeFile(path, Array.isArray(data) ? (data.length ? `${data.join('\n')}\n` : '') : data.bytes());
      return path;
    };
    for (const [table, sink] of b.tables) files.push({ table, path: await write(table, sink) });
    const keysPath = await write('keys', b.keys);
    const refsPath = await write('refs', b.refs);
    const qPath = await write('quarantine', b.quarantine);

    const T = process.env.TRACE
      ? (l: string, t0: number) => console.error(`[b${n}] ${l} ${(performance.now() - t0).toFixed(0)}ms`)
      : () => {};
    const store0 = this.store;
    const store = {
      all: async <X>(q: string) => {
        const t0 = performance.now();
        const r = await store0.all<X>(q);
        T(q.slice(0, 40), t0);
        return r;
      },
      run: async (q: string, p?: unknown[]) => {
        const t0 = performance.now();
        await store0.run(q, p);
        T(q.slice(0, 40), t0);
      },
    };
    const tc = performance.now();
    const r = await this.store.transaction(async () => {
      const read = (path: string, cols: string) => `read_csv('${path}', ${CSV_OPTS}, columns={${cols}})`;
      const keysSrc = read(keysPath, `'k':'VARCHAR','t':'VARCHAR'`);
      let duplicates: CommitResult['duplicates'] = [];
      if (b.nKeys) {
        duplicates = (
          await store.all<{ k: string; t: string }>(
            `SELECT k, t FROM ${keysSrc} WHERE k IN (SELECT ehds_key FROM ingested_record)`,
          )
        ).map((r) => ({ key: r.k, recordType: r.t }));
      }
      // Usually no duplicates: then rows go in unfiltered; otherwise only the few known keys are excluded.
      const sqlKeys = duplicates.length
        ? duplicates.map((d) => `'${d.key.replaceAll("'", "''")}'`).join(',')
        : '';
      for (const f of files) {
        const spec = this.specs.get(f.table)!;
        const cols = spec.columns.map((c, i) => `'${c.name}':'${spec.csvTypes[i]}'`).join(',');
        const names = spec.columns.filter((c) => c.name !== '_k').map((c) => c.name);
        const keyCol = spec.extraKey ? '_k' : 'ehds_key';
        await store.run(
          `INSERT INTO ${spec.name} (${names.join(',')}) SELECT ${names.join(',')} FROM ${read(f.path, cols)}` +
            (sqlKeys ? ` WHERE ${keyCol} NOT IN (${sqlKeys})` : ''),
        );
      }
      if (b.nKeys) {
        await store.run(
          `INSERT INTO ingested_record SELECT k, '${this.batchId}' FROM ${keysSrc}` +
            (sqlKeys ? ` WHERE k NOT IN (${sqlKeys})` : ''),
        );
      }
      if (b.refs.length) {
        await store.run(
          `INSERT INTO person_identifier SELECT * FROM ${read(refsPath, `'s':'VARCHAR','v':'VARCHAR','p':'BIGINT'`)}
           ON CONFLICT DO NOTHING`,
        );
      }
      if (b.quarantine.length) {
        await store.run(
          `INSERT INTO quarantine SELECT * FROM ${read(
            qPath,
            `'b':'VARCHAR','f':'VARCHAR','l':'BIGINT','t':'VARCHAR','r':'VARCHAR','raw':'VARCHAR','at':'TIMESTAMP'`,
          )}`,
        );
      }
      for (const f of b.files) {
        await store.run(
          `INSERT INTO ingested_file VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMP) ON CONFLICT DO NOTHING`,
          [f.sha256, f.path, f.format, datasetId, this.batchId, f.bytes, now],
        );
      }
      return { duplicates };
    });
    T('TOTAL incl commit', tc);
    return r;
  }
}
