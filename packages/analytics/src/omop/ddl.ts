import { duckType, EHDS_COLUMNS, OMOP_TABLES, type OmopColumn } from './schema';

/**
 * DDL for the node's DuckDB store, derived from the schema in `schema.ts` so the two cannot drift.
 * Primary keys are not declared: DuckDB's ART indexes slow bulk appends and idempotence is enforced
 * through `ehds_key` at load time instead (see `ingested_record`).
 */

function columnDdl([name, type, required]: OmopColumn): string {
  return `${name} ${duckType(type)}${required ? ' NOT NULL' : ''}`;
}

/** CREATE TABLE statements for the OMOP tables with our extension columns. */
export function omopDdl(): string[] {
  return Object.entries(OMOP_TABLES).map(([table, cols]) => {
    const all = [
      ...(cols as readonly OmopColumn[]).map(columnDdl),
      ...EHDS_COLUMNS.map(([n, t]) => `${n} ${t}`),
    ];
    return `CREATE TABLE IF NOT EXISTS ${table} (\n  ${all.join(',\n  ')}\n)`;
  });
}

/** The clinical tables whose rows may carry codings besides their own `*_source_value`. */
export const CODED_TABLES = [
  'condition_occurrence',
  'drug_exposure',
  'procedure_occurrence',
  'measurement',
  'observation',
] as const;
export type CodedTable = (typeof CODED_TABLES)[number];

/** The table of a coded table's additional codings: `condition_occurrence` → `condition_occurrence_coding`. */
export function codingTable<T extends CodedTable>(table: T): `${T}_coding` {
  return `${table}_coding`;
}

/**
 * Tables of the codings a clinical record carries besides the one kept in its row's
 * `*_source_value`/`ehds_vocabulary`: a FHIR Condition coded in SNOMED CT and ICD-10 keeps SNOMED in its
 * row and ICD-10 here, so a cohort criterion in either vocabulary finds it (issue 4 §1). `row_id` is the
 * row's `*_id`; rows are committed in their record's batch and skipped with it as a duplicate (`ehds_key`).
 * One table per clinical table, not one with a `table_name` column: a criterion reads only its own
 * table's codings, and a planner sees an empty one (most nodes have no drug or measurement codings) as
 * empty instead of estimating from a shared table's statistics. Shared by the DuckDB store (`VARCHAR`)
 * and its PostgreSQL twin (`TEXT`).
 */
export function codingDdl(text: 'VARCHAR' | 'TEXT'): string[] {
  return CODED_TABLES.map(
    (t) => `CREATE TABLE IF NOT EXISTS ${codingTable(t)} (
      row_id BIGINT NOT NULL, person_id BIGINT NOT NULL, vocabulary ${text} NOT NULL, code ${text} NOT NULL,
      ehds_batch ${text}, ehds_key ${text})`,
  );
}

/** Bookkeeping tables of ingestion, quality and variants, and the additional codings of records. */
export function bookkeepingDdl(): string[] {
  return [
    // One row per ingest run of a set of files; a batch either commits whole or not at all.
    `CREATE TABLE IF NOT EXISTS ingest_batch (
      batch_id VARCHAR PRIMARY KEY, dataset_id VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL,
      finished_at TIMESTAMP, status VARCHAR NOT NULL, read BIGINT, loaded BIGINT, rejected BIGINT, report JSON)`,
    // Files already ingested, by content hash: the same file twice adds nothing.
    `CREATE TABLE IF NOT EXISTS ingested_file (
      sha256 VARCHAR PRIMARY KEY, path VARCHAR NOT NULL, format VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL,
      batch_id VARCHAR NOT NULL, bytes BIGINT NOT NULL, ingested_at TIMESTAMP NOT NULL)`,
    // Keys of source records already loaded, so a record seen again in another file is not duplicated.
    // No PRIMARY KEY: its ART index made every bulk append and checkpoint pay for all keys loaded so far;
    // the ingest pipeline keeps keys unique itself (a set-based check against this table per batch).
    `CREATE TABLE IF NOT EXISTS ingested_record (ehds_key VARCHAR NOT NULL, batch_id VARCHAR NOT NULL)`,
    // Rejected records, with where they came from and why; kept at the node, never sent anywhere.
    `CREATE TABLE IF NOT EXISTS quarantine (
      batch_id VARCHAR NOT NULL, file VARCHAR NOT NULL, line BIGINT, record_type VARCHAR, reason VARCHAR NOT NULL,
      raw VARCHAR, quarantined_at TIMESTAMP NOT NULL)`,
    // Persons unified across formats through a configurable identifier (system + value).
    `CREATE TABLE IF NOT EXISTS person_identifier (
      system VARCHAR NOT NULL, value VARCHAR NOT NULL, person_id BIGINT NOT NULL, PRIMARY KEY (system, value))`,
    ...codingDdl('VARCHAR'),
    // Genomic variants: positions in Beacon's 0-based convention (start = VCF POS - 1).
    `CREATE TABLE IF NOT EXISTS variant (
      variant_id BIGINT NOT NULL, assembly VARCHAR NOT NULL, chrom VARCHAR NOT NULL, start0 BIGINT NOT NULL,
      ref VARCHAR NOT NULL, alt VARCHAR NOT NULL, variant_type VARCHAR, gene VARCHAR, info JSON,
      ehds_file VARCHAR, ehds_line BIGINT, ehds_batch VARCHAR, ehds_key VARCHAR,
      end0 BIGINT, ac INTEGER, an INTEGER, carriers INTEGER)`,
    // Added after the first release (stores created before get them here; NULL for rows loaded before):
    // end0 = Beacon's half-open end (start0 + length of REF; END, or POS + |SVLEN|, for symbolic
    // alleles); ac = copies of this ALT among the called alleles, an = called alleles at the site,
    // carriers = samples with at least one copy, all counted at ingest from GT (sites-only VCF: INFO
    // AC/AN, carriers NULL), so allele frequency queries need no scan of genotype.
    ...['end0 BIGINT', 'ac INTEGER', 'an INTEGER', 'carriers INTEGER'].map(
      (c) => `ALTER TABLE variant ADD COLUMN IF NOT EXISTS ${c}`,
    ),
    // an_exceptions: the samples whose called alleles at the site are not two, as `index:called` pairs
    // (index = the sample's column in its file's #CHROM line, 0-based): `./.` → `i:0`, `0/.` → `i:1`,
    // a haploid call → `i:1`; NULL when every sample has two called alleles. With variant_sample it gives
    // AN over any subset of persons (the Beacon's counted ones) as bcftools +fill-tags counts it.
    `ALTER TABLE variant ADD COLUMN IF NOT EXISTS an_exceptions VARCHAR`,
    // A VCF sample not (yet) known as a person keeps person_id NULL and its sample name, so a later
    // person record links it with one UPDATE; counts of persons never include unlinked samples.
    `CREATE TABLE IF NOT EXISTS genotype (
      variant_id BIGINT NOT NULL, person_id BIGINT, sample VARCHAR, gt VARCHAR NOT NULL, zygosity VARCHAR,
      ehds_batch VARCHAR)`,
    // Each VCF/BCF file's samples (the roster: its #CHROM sample columns, `idx` 0-based), by the ingest run
    // and file its variant rows carry (`ehds_batch`, `ehds_file`), with the person each sample is — NULL
    // until that person arrives, then linked like genotypes. Genotype rows exist only for carriers, so a
    // person with no alternate allele at a site is known to have been genotyped there only from here.
    `CREATE TABLE IF NOT EXISTS variant_sample (
      ehds_batch VARCHAR NOT NULL, ehds_file VARCHAR NOT NULL, idx INTEGER NOT NULL, sample VARCHAR NOT NULL,
      person_id BIGINT)`,
    // Data quality runs and their check results (rows never leave the node; counts do).
    `CREATE TABLE IF NOT EXISTS quality_run (
      run_id VARCHAR PRIMARY KEY, dataset_id VARCHAR NOT NULL, ran_at TIMESTAMP NOT NULL, label JSON NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS quality_result (
      run_id VARCHAR NOT NULL, check_id VARCHAR NOT NULL, category VARCHAR NOT NULL, table_name VARCHAR,
      field_name VARCHAR, rows_checked BIGINT, rows_failed BIGINT, pct_failed DOUBLE, threshold DOUBLE,
      passed BOOLEAN NOT NULL, description VARCHAR)`,
    `CREATE SEQUENCE IF NOT EXISTS person_id_seq START 1`,
    `CREATE SEQUENCE IF NOT EXISTS row_id_seq START 1`,
  ];
}
