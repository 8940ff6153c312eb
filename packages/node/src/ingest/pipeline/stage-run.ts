import { stableId } from '@openehds/analytics';
import type {
  DirectBatch,
  DirectStager,
  FormatAdapter,
  MapContext,
  MapResult,
  PersonRef,
  SourceRecord,
} from '../types';
import { BatchWriter, type StagedBatch, type StagedFile } from './batch-writer';
import type { PersonIndex } from './person-index';
import { ReportBuilder } from './report';
import { buildTableSpecs, type TableColumnInfo } from './table-specs';

/** Everything staging needs, as plain data (sent as is to a staging thread). */
export interface StageSettings {
  ctx: MapContext;
  batchId: string;
  /** Records per batch; undefined: the format's `batchRecords`, else DEFAULT_BATCH_RECORDS. */
  batchSize?: number;
  /** Staged bytes past which a batch is emitted early (default MAX_BATCH_BYTES). */
  batchBytes?: number;
  maxErrors: number;
  columns: TableColumnInfo[];
  /** The store holds genotypes without a person already. */
  linkGenotypes: boolean;
  /** The run's start, as TIMESTAMP text (quarantine's `at`). */
  now: string;
}

/**
 * An adapter that can also read a file a chunk of records at a time (FHIR NDJSON): an asynchronous step
 * per record (a promise and a microtask each) cost more than a tenth of a microsecond per record.
 */
type BatchReadingAdapter = FormatAdapter & { readBatches?(path: string): AsyncIterable<SourceRecord[]> };

/** Records per batch when neither the run nor the format says. */
const DEFAULT_BATCH_RECORDS = 50_000;

/**
 * Records in a run's first batch, at most: the store has nothing to commit until it is staged, so a
 * small one lets the committing core start early (10M-record VCF: the first commit began 6 s into the
 * run with 500,000, the format's batch size).
 */
const FIRST_BATCH_RECORDS = 50_000;

/**
 * A batch is also emitted once its staged CSV passes this size, checked every 1,024 records: a VCF of
 * thousands of samples stages kilobytes of genotypes per record.
 */
const MAX_BATCH_BYTES = 128 << 20;

/**
 * Where a staged batch goes in the run: batches commit by `order`, and a batch staged in parts (past
 * MAX_BATCH_BYTES, when stagers share the run) commits its parts in the order emitted, up to `last`.
 */
export interface BatchPlace {
  order: number;
  last: boolean;
}

/** Which of `of` stagers sharing a run this one is (see `RunStager.run`). */
export interface Share {
  index: number;
  of: number;
}

/** Hands a staged batch on to be committed; resolves when the next batch may be staged. */
export type EmitBatch = (batch: StagedBatch, file: string, place: BatchPlace) => Promise<void>;

/**
 * Reads, maps and stages the files of one run, in order: resolves persons (through the index, which it
 * extends with the persons it loads), drops records repeated within a batch, quarantines bad records and
 * counts everything in the report. The store is touched only by whoever commits the emitted batches, so
 * this runs on a staging thread or on the main one alike, with the same results.
 */
export class RunStager {
  readonly report: ReportBuilder;
  private readonly writer: BatchWriter;
  /** The batch as adapters' direct stagers see it. */
  private readonly direct: DirectBatch;

  constructor(
    private readonly s: StageSettings,
    private readonly persons: PersonIndex,
  ) {
    const report = (this.report = new ReportBuilder(s.maxErrors));
    const writer = (this.writer = new BatchWriter(buildTableSpecs(s.columns), s.batchId, s.ctx.datasetId));
    writer.linkGenotypes = s.linkGenotypes;
    this.direct = {
      columns: (table) => writer.columnsOf(table),
      sink: (table) => writer.sinkOf(table),
      file: (path) => writer.fileIndex(path),
      hasKey: (key) => writer.hasKey(key),
      record: () => writer.nextRecord,
      addKey: (key, recordType) => writer.addKey(key, recordType),
      persons,
      unlinked(sample) {
        report.unlinked.add(sample);
        writer.linkGenotypes = true;
      },
    };
  }

  /**
   * Stages every file, emitting a batch each `batchSize` records (or MAX_BATCH_BYTES) and the last one at
   * the end. `busy` (main thread only) says a commit is running: the loop then gives the event loop a
   * turn now and then, as each step of the commit (its next statement) waits for one.
   *
   * With a `share` of several stagers (threads each running this over the same files), batches are
   * cut every `batchSize` records read, so every stager cuts them alike, and each stages only the
   * batches that fall to it (`order % of === index`), reading past the others' records. It emits each of
   * its batches, empty ones too (the committer takes them in order), in parts when one passes
   * MAX_BATCH_BYTES. Only for files whose records never register persons (VCF, BCF): a record staged in
   * one batch then depends on nothing staged in another.
   */
  async run(
    files: readonly StagedFile[],
    adapterOf: (file: StagedFile) => FormatAdapter,
    emit: EmitBatch,
    busy?: () => boolean,
    share: Share = { index: 0, of: 1 },
  ): Promise<void> {
    const writer = this.writer;
    const maxBytes = this.s.batchBytes ?? MAX_BATCH_BYTES;
    const shared = share.of > 1;
    let file = '';
    // The batch being staged (or read past), and records read in it (shared only).
    let order = 0;
    let mine = share.index === 0;
    let read = 0;
    const flush = async (last: boolean): Promise<void> => {
      if (!shared) {
        if (!writer.empty) await emit(writer.stage(), file, { order: order++, last: true });
        return;
      }
      if (mine) await emit(writer.stage(), file, { order, last });
      if (!last) return;
      order++;
      mine = order % share.of === share.index;
      read = 0;
    };
    for (const f of files) {
      file = f.path;
      const adapter = adapterOf(f);
      const direct = adapter.directStager?.(this.s.ctx, this.direct);
      const size = this.s.batchSize ?? adapter.batchRecords ?? DEFAULT_BATCH_RECORDS;
      let sinceYield = 0;
      // After each record: the batch is full, or a running commit needs the event loop now and then.
      const after = (): Promise<void> | undefined => {
        const n = shared ? ++read : writer.size;
        if (n >= (order === 0 ? Math.min(size, FIRST_BATCH_RECORDS) : size)) return flush(true);
        if ((n & 1023) === 0 && n > 0 && mine && writer.bytes >= maxBytes) return flush(!shared);
        if (busy?.() && ++sinceYield >= 256) {
          sinceYield = 0;
          return new Promise<void>((r) => setImmediate(r));
        }
        return undefined;
      };
      const chunks = (adapter as BatchReadingAdapter).readBatches?.(f.path);
      if (chunks) {
        for await (const records of chunks) {
          for (let i = 0; i < records.length; i++) {
            if (mine) this.handle(records[i]!, adapter, direct);
            const wait = after();
            if (wait) await wait;
          }
        }
      } else {
        for await (const rec of adapter.read(f.path)) {
          if (mine) this.handle(rec, adapter, direct);
          const wait = after();
          if (wait) await wait;
        }
      }
      // The file is done when the batch holding its last record commits.
      if (mine) writer.addFile(f);
    }
    await flush(true);
  }

  private reject(rec: SourceRecord, reason: string): void {
    this.report.reject(rec.recordType, rec.file, rec.line, reason);
    this.writer.addQuarantine(rec.file, rec.line, rec.recordType, reason, rec.raw, this.s.now);
  }

  private handle(rec: SourceRecord, adapter: FormatAdapter, direct: DirectStager | undefined): void {
    const { report, writer, persons } = this;
    const ctx = this.s.ctx;
    const counts = report.type(rec.recordType);
    counts.read++;
    if (rec.parseError !== undefined) return this.reject(rec, rec.parseError);
    if (direct) {
      const staged = direct(rec, this.direct);
      if (staged === 'staged') {
        counts.loaded++;
        return;
      }
      if (staged === 'repeated') return report.skip(rec.recordType, 'already loaded');
    }
    let res: MapResult;
    try {
      res = adapter.map(rec, ctx);
    } catch (e) {
      return this.reject(rec, `could not be mapped: ${(e as Error).message}`);
    }
    if (!res.ok) return this.reject(rec, res.reason);
    if (res.skipped !== undefined) return report.skip(rec.recordType, res.skipped);
    // Repeated within the batch (the dataset is the run's); repeats of earlier batches are found in SQL.
    if (writer.hasKey(res.key)) return report.skip(rec.recordType, 'already loaded');

    const rows = res.rows;
    const person = res.person;
    // A person record: its id comes from its person row, else from its first identifier.
    let ownId: number | undefined;
    if (person) {
      const pr = rows.find((r) => r.table === 'person');
      const first = person.refs[0];
      ownId =
        typeof pr?.row.person_id === 'number'
          ? pr.row.person_id
          : first
            ? stableId('person', first.system, first.value)
            : undefined;
    }
    // Resolve every person reference before staging anything, so a record is accepted or rejected whole.
    let unlinkedHere: string[] | undefined;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const ref = r.personRef;
      if (ref) {
        let pid = persons.get(ref.system, ref.value);
        // A person record may refer to itself before its identifiers are registered.
        if (pid === undefined && ownId !== undefined && hasRef(person?.refs, ref)) pid = ownId;
        // The sample's name is the genotype's provenance, and what links it to a person later.
        if (r.table === 'genotype' && r.row.sample === undefined) r.row.sample = ref.value;
        if (pid === undefined) {
          // A VCF sample need not be a known person (a reference panel, a person not yet ingested): the
          // genotype is kept unlinked and linked when a person with that identifier arrives.
          if (r.table === 'genotype') {
            r.row.person_id = null;
            (unlinkedHere ??= []).push(ref.value);
            continue;
          }
          return this.reject(
            rec,
            `refers to unknown person ${ref.system}|${ref.value}; ingest the person's record first (same run or earlier)`,
          );
        }
        r.row.person_id = pid;
      } else if (ownId !== undefined && r.row.person_id === undefined && r.table !== 'variant') {
        r.row.person_id = ownId;
      }
    }
    const why = writer.addRecord(rows, rec.file, rec.line, res.key, rec.recordType);
    if (why !== undefined) return this.reject(rec, why);
    if (unlinkedHere) {
      for (const sample of unlinkedHere) report.unlinked.add(sample);
      writer.linkGenotypes = true;
    }
    if (person && ownId !== undefined) {
      for (const ref of person.refs) {
        if (persons.get(ref.system, ref.value) === undefined) {
          persons.set(ref.system, ref.value, ownId);
          writer.addPersonRef(ref.system, ref.value, ownId);
          // Committed with this batch, which links the sample's genotypes (see commitBatch).
          if (ref.system === ctx.personIdentifierSystem) report.unlinked.delete(ref.value);
        }
      }
    }
    counts.loaded++;
  }
}

function hasRef(refs: readonly PersonRef[] | undefined, ref: PersonRef): boolean {
  return refs !== undefined && refs.some((x) => x.system === ref.system && x.value === ref.value);
}
