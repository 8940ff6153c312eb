import type { CodedTable, OmopTable } from '@openehds/analytics';
import type { CsvSink } from './pipeline/csv-sink';
import type { PersonIndex } from './pipeline/person-index';

/**
 * The contract between the ingest pipeline and the format adapters (FHIR, OMOP CSV, Phenopackets, VCF).
 * An adapter reads one file as a stream of source records and maps each record, purely, to rows of the
 * node's OMOP-shaped model. The pipeline owns everything else: batching, transactions, idempotence,
 * person resolution, quarantine and the report.
 */

/** Formats the node ingests. */
export type SourceFormat = 'fhir-ndjson' | 'fhir-bundle' | 'omop-csv' | 'phenopacket' | 'vcf' | 'bcf';

/** One record read from a file: a FHIR resource, a CSV row, a phenopacket, a VCF data line. */
export interface SourceRecord {
  /** File the record came from (as given on the command line). */
  file: string;
  /** 1-based line in the file, or the record's ordinal where lines mean nothing (a Bundle entry). */
  line: number;
  /** What kind of record this is, for the report's `byType` (`Patient`, `condition_occurrence`, `variant`). */
  recordType: string;
  /** The parsed record, or undefined when it could not be parsed (then `parseError` says why). */
  value?: unknown;
  parseError?: string;
  /** The record's source text, kept in quarantine when it is rejected (truncated by the pipeline). */
  raw?: string;
}

/** A person referred to by one of their identifiers; the pipeline resolves it to `person_id`. */
export interface PersonRef {
  /** Identifier system, e.g. `fhir:Patient` for a FHIR logical id, or the configured unifying system. */
  system: string;
  value: string;
}

/**
 * Target tables: the OMOP tables, the additional codings of their records (`condition_occurrence_coding`:
 * `row_id` = the row's `*_id`, committed in the record's batch) and the variant store.
 */
export type TargetTable = OmopTable | `${CodedTable}_coding` | 'variant' | 'genotype';

/** One row for one table. `person_id` is filled by the pipeline from `personRef` when given. */
export interface MappedRow {
  table: TargetTable;
  row: Record<string, unknown>;
  personRef?: PersonRef;
}

/** What a source record maps to. */
export type MapResult =
  | {
      ok: true;
      /** Stable key of the source record within its format, e.g. `Condition/abc`; dedups re-ingestion. */
      key: string;
      /** Set when the record is a person: the identifiers by which other records may refer to them. */
      person?: { refs: PersonRef[] };
      rows: MappedRow[];
      /**
       * Set when the record is deliberately not stored (a FHIR resource type without an OMOP mapping, a
       * record entered in error); `rows` is then empty and the report counts it as skipped, not rejected.
       */
      skipped?: string;
    }
  | { ok: false; reason: string };

/** Settings adapters need from the node's configuration. */
export interface MapContext {
  /** Identifier system that unifies persons across formats (configurable per node). */
  personIdentifierSystem: string;
  datasetId: string;
}

/** A format adapter. */
export interface FormatAdapter {
  format: SourceFormat;
  /** True if this adapter reads the file, judged from its name and first bytes (already gunzipped). */
  detect(path: string, head: string): boolean;
  /** Streams the file's records in order; never loads the whole file. Gzip is handled by the adapter. */
  read(path: string): AsyncIterable<SourceRecord>;
  /** Maps one record, purely (no I/O). Person records come first within a file where the format allows. */
  map(record: SourceRecord, ctx: MapContext): MapResult;
  /**
   * Optional pre-flight check, run on every file before anything is written: throw an AppError if the file
   * cannot be read at all (e.g. a Bundle that is not JSON), so a bad file changes nothing in the store.
   */
  check?(path: string): Promise<void>;
  /**
   * Records per batch this format prefers when the run sets none (default 50,000; a batch also ends at
   * ~128 MiB staged). VCF records are many and small: in batches of 500,000 each table gets several
   * DuckDB row groups (122,880 rows), which DuckDB writes straight to the database file instead of the
   * write-ahead log, and fewer batches means fewer duplicate checks against `ingested_record` (5M
   * records of 4 samples: 38 s instead of 48 s at 250,000; 1M: 13 s at 250,000 instead of 16 s at 50,000).
   */
  batchRecords?: number;
  /**
   * Optional fast lane: a stager that writes the rows of the records it can take straight into the
   * batch's CSV, without mapped row objects (`map` then `stage` cost a VCF ingest most of its time).
   * It must stage exactly what `map` and the pipeline would; undefined when it cannot be used (the
   * store's columns are not the ones it writes).
   */
  directStager?(ctx: MapContext, batch: DirectBatch): DirectStager | undefined;
}

/** What a direct stager writes into: the batch being staged (see `FormatAdapter.directStager`). */
export interface DirectBatch {
  /** A table's staged columns, in order, or undefined when the store has no such table. */
  columns(table: string): readonly string[] | undefined;
  /** The CSV sink of a table's rows (the same sink for the whole run). */
  sink(table: string): CsvSink;
  /** A row's `ehds_file` as staged (the file's index in the batch), encoded. */
  file(path: string): Uint8Array;
  /** True when a record with this key is staged in the batch already. */
  hasKey(key: string): boolean;
  /** The ordinal of the record being staged, which its rows carry where the table stores no key (`_r`). */
  record(): number;
  /** Stages the key of a record whose rows were just written (the record then counts as staged). */
  addKey(key: string, recordType: string): void;
  /** The person ids registered so far (the run's persons included). */
  persons: PersonIndex;
  /** A genotype was staged for a sample that is not (yet) a person: it is linked when they arrive. */
  unlinked(sample: string): void;
}

/**
 * Stages one record: `staged` (its rows and key are in the batch), `repeated` (a record with its key is
 * in the batch already: nothing staged), or undefined (nothing staged: `map` takes it).
 */
export type DirectStager = (record: SourceRecord, batch: DirectBatch) => 'staged' | 'repeated' | undefined;
