import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeStore } from '@openehds/analytics';
import {
  compileRowWriter,
  type ColumnKind,
  type Provenance,
  type RowWriter,
  type StagedColumn,
} from './csv-row';
import { CsvSink, quotedBytes } from './csv-sink';

/** A target table as the store has it, with how each column is staged. */
export interface TableSpec {
  name: string;
  columns: StagedColumn[];
  /** The table has no `ehds_key` column (genotype): the key is staged in a trailing `_k` column. */
  extraKey: boolean;
  /** DuckDB type per staged column, for read_csv. */
  csvTypes: string[];
  /** Writes a row of this table as one CSV line (compiled once the columns are known). */
  write: RowWriter;
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
      specs.set(
        r.table_name,
        (spec = { name: r.table_name, columns: [], extraKey: true, csvTypes: [], write: () => undefined }),
      );
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
    spec.write = compileRowWriter(spec.columns);
  }
  return specs;
}

/** Keys found already loaded when a batch committed, with their record types (for the report). */
export interface CommitResult {
  duplicates: { key: string; recordType: string }[];
}

/** What one batch has staged, besides the CSV bytes. */
interface BatchCounts {
  nKeys: number;
  nRefs: number;
  nQuarantined: number;
  files: { sha256: string; path: string; format: string; bytes: number }[];
  records: number;
}

function emptyCounts(): BatchCounts {
  return { nKeys: 0, nRefs: 0, nQuarantined: 0, files: [], records: 0 };
}

/**
 * The staging buffers, reused by every batch: a batch's bytes are written out synchronously when it is
 * committed, so allocating fresh megabyte buffers per batch (and the GC pressure of that) is not needed.
 */
interface Sinks {
  tables: Map<string, CsvSink>;
  keys: CsvSink;
  refs: CsvSink;
  quarantine: CsvSink;
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
  private buf = emptyCounts();
  private readonly sinks: Sinks = {
    tables: new Map(),
    keys: new CsvSink(),
    refs: new CsvSink(1 << 16),
    quarantine: new CsvSink(1 << 16),
  };
  private seq = 0;
  private readonly batchQuoted: Uint8Array;
  private readonly keyPrefix: Uint8Array;
  private fileQuoted = { path: '', bytes: quotedBytes('') };
  private readonly prov: Provenance;
  /**
   * Set when the store may hold genotypes without a person: each batch registering identifiers of
   * `linkSystem` then links the genotypes whose `sample` is one of them, in the batch's transaction.
   */
  linkGenotypes = false;

  constructor(
    private readonly store: NodeStore,
    private readonly specs: Map<string, TableSpec>,
    private readonly batchId: string,
    datasetId: string,
    private readonly tmpDir: string,
    private readonly linkSystem: string,
  ) {
    this.batchQuoted = quotedBytes(batchId);
    // Every record key is `<dataset>|<key>`: its opening quote and prefix are encoded once.
    this.keyPrefix = quotedBytes(`${datasetId}|`).subarray(0, -1);
    this.prov = {
      file: this.fileQuoted.bytes,
      line: 0,
      batch: this.batchQuoted,
      keyPrefix: this.keyPrefix,
      key: '',
    };
  }

  /** Records staged since the last commit. */
  get size(): number {
    return this.buf.records;
  }

  /**
   * Stages a record's rows and its key, or returns the reason instead (and stages nothing) when one of
   * its rows cannot be stored: a record is accepted or rejected whole.
   */
  addRecord(
    rows: readonly { table: string; row: Record<string, unknown> }[],
    file: string,
    line: number,
    key: string,
    recordType: string,
  ): string | undefined {
    if (this.fileQuoted.path !== file) this.fileQuoted = { path: file, bytes: quotedBytes(file) };
    const prov = this.prov;
    prov.file = this.fileQuoted.bytes;
    prov.line = line;
    prov.key = key;
    const marks: [CsvSink, number][] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const spec = this.specs.get(r.table);
      let reason: string | undefined;
      if (!spec) reason = `maps to unknown table ${r.table}`;
      else {
        let sink = this.sinks.tables.get(r.table);
        if (!sink) this.sinks.tables.set(r.table, (sink = new CsvSink(4 << 20)));
        marks.push([sink, sink.byteLength]);
        const why = spec.write(sink, r.row, prov);
        if (why !== undefined) reason = `${r.table}: ${why}`;
      }
      if (reason !== undefined) {
        // Newest first, so a sink written twice ends at the record's first mark.
        for (let j = marks.length - 1; j >= 0; j--) marks[j]![0].truncate(marks[j]![1]);
        return reason;
      }
    }
    const k = this.sinks.keys;
    k.raw(this.keyPrefix);
    k.body(key, true);
    k.byte(34);
    k.byte(44);
    k.quoted(recordType);
    k.byte(10);
    this.buf.nKeys++;
    this.buf.records++;
    return undefined;
  }

  /** Registers a person identifier (committed with the batch). */
  addPersonRef(system: string, value: string, personId: number): void {
    const r = this.sinks.refs;
    r.quoted(system);
    r.byte(44);
    r.quoted(value);
    r.byte(44);
    r.num(personId);
    r.byte(10);
    this.buf.nRefs++;
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
    const q = this.sinks.quarantine;
    q.raw(this.batchQuoted);
    q.byte(44);
    q.quoted(file);
    q.byte(44);
    q.num(line);
    q.byte(44);
    q.quoted(recordType);
    q.byte(44);
    q.quoted(reason);
    q.byte(44);
    if (raw !== undefined) q.quoted(raw.length > 10_000 ? raw.slice(0, 10_000) : raw);
    q.byte(44);
    q.text(at);
    q.byte(10);
    this.buf.nQuarantined++;
    this.buf.records++;
  }

  /** Marks a file as fully ingested (committed with the batch holding its last record). */
  addFile(f: { sha256: string; path: string; format: string; bytes: number }): void {
    this.buf.files.push(f);
  }

  /** True when nothing is staged. */
  get empty(): boolean {
    return this.buf.records === 0 && this.buf.files.length === 0 && this.buf.nRefs === 0;
  }

  /**
   * Takes the staged batch and writes it in one transaction. The staged CSV is written to files and the
   * buffers emptied synchronously, so the caller can stage the next batch while this one is loaded
   * (DuckDB works off the JS thread).
   */
  async commit(datasetId: string, now: string): Promise<CommitResult> {
    const b = this.buf;
    this.buf = emptyCounts();
    const n = ++this.seq;
    const files: { table: string; path: string }[] = [];
    // Written synchronously (into the page cache, milliseconds): asynchronous writes advance one chunk
    // per event-loop turn, and the ingest loop, busy mapping the next batch, grants few turns.
    const write = (name: string, data: CsvSink): string => {
      const path = join(this.tmpDir, `b${n}-${name}.csv`);
      writeFileSync(path, data.bytes());
      data.truncate(0);
      return path;
    };
    for (const [table, sink] of this.sinks.tables) {
      if (sink.byteLength > 0) files.push({ table, path: write(table, sink) });
    }
    const keysPath = write('keys', this.sinks.keys);
    const refsPath = write('refs', this.sinks.refs);
    const qPath = write('quarantine', this.sinks.quarantine);

    return this.store.transaction(async () => {
      const read = (path: string, cols: string) => `read_csv('${path}', ${CSV_OPTS}, columns={${cols}})`;
      const keysSrc = read(keysPath, `'k':'VARCHAR','t':'VARCHAR'`);
      let duplicates: CommitResult['duplicates'] = [];
      if (b.nKeys) {
        duplicates = (
          await this.store.all<{ k: string; t: string }>(
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
        await this.store.run(
          `INSERT INTO ${spec.name} (${names.join(',')}) SELECT ${names.join(',')} FROM ${read(f.path, cols)}` +
            (sqlKeys ? ` WHERE ${keyCol} NOT IN (${sqlKeys})` : ''),
        );
      }
      if (b.nKeys) {
        await this.store.run(
          `INSERT INTO ingested_record SELECT k, '${this.batchId}' FROM ${keysSrc}` +
            (sqlKeys ? ` WHERE k NOT IN (${sqlKeys})` : ''),
        );
      }
      if (b.nRefs) {
        const refsSrc = read(refsPath, `'s':'VARCHAR','v':'VARCHAR','p':'BIGINT'`);
        await this.store.run(`INSERT INTO person_identifier SELECT * FROM ${refsSrc} ON CONFLICT DO NOTHING`);
        // One set-based statement per batch links every genotype whose sample is one of its persons.
        if (this.linkGenotypes) {
          await this.store.run(
            `UPDATE genotype SET person_id = r.p FROM ${refsSrc} r
             WHERE genotype.person_id IS NULL AND genotype.sample = r.v AND r.s = $1`,
            [this.linkSystem],
          );
        }
      }
      if (b.nQuarantined) {
        await this.store.run(
          `INSERT INTO quarantine SELECT * FROM ${read(
            qPath,
            `'b':'VARCHAR','f':'VARCHAR','l':'BIGINT','t':'VARCHAR','r':'VARCHAR','raw':'VARCHAR','at':'TIMESTAMP'`,
          )}`,
        );
      }
      for (const f of b.files) {
        await this.store.run(
          `INSERT INTO ingested_file VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMP) ON CONFLICT DO NOTHING`,
          [f.sha256, f.path, f.format, datasetId, this.batchId, f.bytes, now],
        );
      }
      return { duplicates };
    });
  }
}
