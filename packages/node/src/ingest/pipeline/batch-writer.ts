import { BatchKeys } from './batch-keys';
import type { Provenance } from './csv-row';
import { CsvSink, quotedBytes } from './csv-sink';
import type { TableSpec } from './table-specs';

/** A file marked fully ingested by the batch holding its last record. */
export interface StagedFile {
  sha256: string;
  path: string;
  format: string;
  bytes: number;
}

/**
 * One batch staged as CSV bytes, ready to commit: plain data whose buffers a staging thread transfers
 * (not copies) to the thread that owns the store.
 */
export interface StagedBatch {
  seq: number;
  /** The files rows came from: a row's `ehds_file` is staged as its index here. */
  paths: string[];
  tables: { table: string; bytes: Uint8Array }[];
  keys: Uint8Array;
  refs: Uint8Array;
  quarantine: Uint8Array;
  nKeys: number;
  nRefs: number;
  nQuarantined: number;
  files: StagedFile[];
  /** The store may hold genotypes without a person: link them to this batch's persons when it commits. */
  linkGenotypes: boolean;
}

/** What one batch has staged, besides the CSV bytes. */
interface BatchCounts {
  nKeys: number;
  nRefs: number;
  nQuarantined: number;
  files: StagedFile[];
  records: number;
}

function emptyCounts(): BatchCounts {
  return { nKeys: 0, nRefs: 0, nQuarantined: 0, files: [], records: 0 };
}

/**
 * The staging buffers, reused by every batch: a batch's bytes are written out synchronously when it is
 * staged, so allocating fresh megabyte buffers per batch (and the GC pressure of that) is not needed.
 */
interface Sinks {
  tables: Map<string, CsvSink>;
  keys: CsvSink;
  refs: CsvSink;
  quarantine: CsvSink;
}

/**
 * Collects one batch of rows and bookkeeping (`ingested_record` keys, `person_identifier`, `quarantine`,
 * `ingested_file`) as CSV in memory, and stages it as files that `commitBatch` loads in ONE transaction.
 * Needs no store, so it runs on a staging thread as well as on the main one.
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
  private readonly keys = new BatchKeys();
  private readonly markSinks: CsvSink[] = [];
  private readonly markAt: number[] = [];
  private readonly batchQuoted: Uint8Array;
  private readonly keyPrefix: Uint8Array;
  // Rows name their file by its index in the batch's `paths` (the commit puts the path in), and leave
  // the batch id empty (the commit puts it in too): a third of the staged bytes were these two constants.
  private paths: string[] = [];
  private readonly pathIndex = new Map<string, Uint8Array>();
  private filePath: string | undefined;
  private readonly prov: Provenance;
  /**
   * Set when the store may hold genotypes without a person: each batch registering identifiers of
   * `linkSystem` then links the genotypes whose `sample` is one of them, in the batch's transaction.
   */
  linkGenotypes = false;

  constructor(
    private readonly specs: Map<string, TableSpec>,
    private readonly batchId: string,
    datasetId: string,
  ) {
    this.batchQuoted = quotedBytes(batchId);
    // Every record key is `<dataset>|<key>`: its opening quote and prefix are encoded once.
    this.keyPrefix = quotedBytes(`${datasetId}|`).subarray(0, -1);
    this.prov = {
      file: new Uint8Array(0),
      line: 0,
      batch: new Uint8Array(0),
      keyPrefix: this.keyPrefix,
      key: '',
      record: 0,
    };
  }

  /** True when a record with this key is staged in the batch already. */
  hasKey(key: string): boolean {
    return this.keys.has(key, (offset) => stagedKeyIs(this.sinks.keys.bytes(), offset, key));
  }

  /** Bytes of CSV staged since the last commit (rows and keys). */
  get bytes(): number {
    let n = this.sinks.keys.byteLength;
    for (const sink of this.sinks.tables.values()) n += sink.byteLength;
    return n;
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
    const prov = this.prov;
    prov.file = this.fileIndex(file);
    prov.line = line;
    prov.key = key;
    prov.record = this.buf.nKeys;
    // Where each row started, to undo a record rejected half-way (reused: no allocation per record).
    const markSinks = this.markSinks;
    const markAt = this.markAt;
    let nMarks = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const spec = this.specs.get(r.table);
      let reason: string | undefined;
      if (!spec) reason = `maps to unknown table ${r.table}`;
      else {
        const sink = this.sinkOf(r.table);
        markSinks[nMarks] = sink;
        markAt[nMarks++] = sink.byteLength;
        const why = spec.write(sink, r.row, prov);
        if (why !== undefined) reason = `${r.table}: ${why}`;
      }
      if (reason !== undefined) {
        // Newest first, so a sink written twice ends at the record's first mark.
        for (let j = nMarks - 1; j >= 0; j--) markSinks[j]!.truncate(markAt[j]!);
        return reason;
      }
    }
    this.addKey(key, recordType);
    return undefined;
  }

  /** A row's `ehds_file` as staged: the file's index in the batch's `paths`, encoded. */
  fileIndex(file: string): Uint8Array {
    if (this.filePath !== file) {
      let index = this.pathIndex.get(file);
      if (!index) {
        this.pathIndex.set(file, (index = Buffer.from(String(this.paths.length))));
        this.paths.push(file);
      }
      this.prov.file = index;
      this.filePath = file;
    }
    return this.prov.file;
  }

  /** A table's staged columns, in order (undefined: no such table). */
  columnsOf(table: string): readonly string[] | undefined {
    return this.specs.get(table)?.columns.map((c) => c.name);
  }

  /** The sink a table's rows are staged in (one per table for the whole run). */
  sinkOf(table: string): CsvSink {
    let sink = this.sinks.tables.get(table);
    if (!sink) this.sinks.tables.set(table, (sink = new CsvSink(4 << 20)));
    return sink;
  }

  /** The ordinal the record staged next gets in the batch (its rows' `_r`, see TableSpec.extraKey). */
  get nextRecord(): number {
    return this.buf.nKeys;
  }

  /**
   * Stages the key of a record whose rows are staged, with its type and ordinal: the record is then
   * part of the batch.
   */
  addKey(key: string, recordType: string): void {
    const k = this.sinks.keys;
    k.raw(this.keyPrefix);
    this.keys.add(key, k.byteLength);
    k.body(key, true);
    k.byte(34);
    k.byte(44);
    k.quoted(recordType);
    k.byte(44);
    k.num(this.buf.nKeys);
    k.byte(10);
    this.buf.nKeys++;
    this.buf.records++;
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
  addFile(f: StagedFile): void {
    this.buf.files.push(f);
  }

  /** True when nothing is staged. */
  get empty(): boolean {
    return this.buf.records === 0 && this.buf.files.length === 0 && this.buf.nRefs === 0;
  }

  /**
   * Takes the staged batch (its CSV bytes and counts) and empties the buffers, so the next batch can be
   * staged while this one is committed by `commitBatch` (DuckDB working off the JS thread).
   */
  stage(): StagedBatch {
    const b = this.buf;
    this.buf = emptyCounts();
    const paths = this.paths;
    this.paths = [];
    this.pathIndex.clear();
    this.filePath = undefined;
    this.keys.clear();
    const take = (sink: CsvSink) => (sink.byteLength > 0 ? sink.take() : new Uint8Array(0));
    const tables: StagedBatch['tables'] = [];
    for (const [table, sink] of this.sinks.tables) {
      if (sink.byteLength > 0) tables.push({ table, bytes: sink.take() });
    }
    return {
      seq: ++this.seq,
      paths,
      tables,
      keys: take(this.sinks.keys),
      refs: take(this.sinks.refs),
      quarantine: take(this.sinks.quarantine),
      nKeys: b.nKeys,
      nRefs: b.nRefs,
      nQuarantined: b.nQuarantined,
      files: b.files,
      linkGenotypes: this.linkGenotypes,
    };
  }
}

/** The buffers of a staged batch, to transfer it to another thread without copying. */
export function transferablesOf(b: StagedBatch): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const bytes of [b.keys, b.refs, b.quarantine, ...b.tables.map((t) => t.bytes)]) {
    if (bytes.byteLength > 0) out.add(bytes.buffer as ArrayBuffer);
  }
  return [...out];
}

/** True if the key staged at `offset` of the keys CSV (its quoted body: quotes doubled) is `key`. */
function stagedKeyIs(bytes: Uint8Array, offset: number, key: string): boolean {
  let p = offset;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 128) {
      const rest = Buffer.from(key.slice(i).replaceAll('"', '""'), 'utf8');
      for (let j = 0; j < rest.length; j++) if (bytes[p++] !== rest[j]) return false;
      break;
    }
    if (bytes[p++] !== c) return false;
    if (c === 34 && bytes[p++] !== 34) return false;
  }
  // The closing quote and the separator: the staged key ends here too.
  return bytes[p] === 34 && bytes[p + 1] === 44;
}
