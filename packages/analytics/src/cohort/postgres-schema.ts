import { codingDdl } from '../omop/ddl';
import { EHDS_COLUMNS, OMOP_TABLES, type OmopColumn, type OmopType } from '../omop/schema';

/**
 * PostgreSQL DDL for the tables a cohort query reads, derived from the node store's schema so the
 * two cannot drift. Used for the PostgreSQL parity test and the benchmark's native-PostgreSQL anchor;
 * the node store itself stays on DuckDB.
 */

/** The OMOP tables a cohort query can read. */
export const COHORT_OMOP_TABLES = [
  'person',
  'observation_period',
  'condition_occurrence',
  'drug_exposure',
  'procedure_occurrence',
  'measurement',
  'observation',
] as const;

function pgType(type: OmopType): string {
  if (type === 'integer') return 'BIGINT';
  if (type === 'float') return 'DOUBLE PRECISION';
  if (type === 'date') return 'DATE';
  if (type === 'datetime') return 'TIMESTAMP';
  return 'TEXT';
}

/** CREATE TABLE statements (PostgreSQL) for the cohort tables, the additional codings and the variant store. */
export function cohortPostgresDdl(): string[] {
  const omop = COHORT_OMOP_TABLES.map((table) => {
    const cols = (OMOP_TABLES[table] as readonly OmopColumn[]).map(
      ([n, t, required]) => `${n} ${pgType(t)}${required ? ' NOT NULL' : ''}`,
    );
    const ext = EHDS_COLUMNS.map(([n, t]) => `${n} ${t === 'VARCHAR' ? 'TEXT' : t}`);
    return `CREATE TABLE IF NOT EXISTS ${table} (\n  ${[...cols, ...ext].join(',\n  ')}\n)`;
  });
  return [
    ...omop,
    ...codingDdl('TEXT'),
    `CREATE TABLE IF NOT EXISTS variant (
      variant_id BIGINT NOT NULL, assembly TEXT NOT NULL, chrom TEXT NOT NULL, start0 BIGINT NOT NULL,
      ref TEXT NOT NULL, alt TEXT NOT NULL, variant_type TEXT, gene TEXT, info JSON,
      ehds_file TEXT, ehds_line BIGINT, ehds_batch TEXT, ehds_key TEXT,
      end0 BIGINT, ac INTEGER, an INTEGER, carriers INTEGER, an_exceptions TEXT)`,
    `CREATE TABLE IF NOT EXISTS genotype (
      variant_id BIGINT NOT NULL, person_id BIGINT, sample TEXT, gt TEXT NOT NULL, zygosity TEXT, ehds_batch TEXT)`,
  ];
}
