import type { CodedTable, OmopTable } from '@openehds/analytics';

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
}
