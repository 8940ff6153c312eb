import type { NodeStore } from '@openehds/analytics';
import { compileRowWriter, type ColumnKind, type RowWriter, type StagedColumn } from './csv-row';

/** A target table as the store has it, with how each column is staged. */
export interface TableSpec {
  name: string;
  columns: StagedColumn[];
  /**
   * The table stores no `ehds_key` (genotype, variant): each row names its record in a trailing `_r`
   * column instead, the record's ordinal in the batch (its line in the batch's keys), which is how a
   * record found loaded already is left out of the batch.
   */
  extraKey: boolean;
  /** DuckDB type per staged column, for read_csv. */
  csvTypes: string[];
  /** Writes a row of this table as one CSV line (compiled once the columns are known). */
  write: RowWriter;
}

/** One column of a target table as `information_schema.columns` lists it (plain data: sent to the staging thread). */
export interface TableColumnInfo {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: string;
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

/**
 * Tables whose rows do not store their record's key: a VCF record's key is kept once, in
 * `ingested_record`, and each variant keeps its source as `ehds_file` and `ehds_line`. Stored in the
 * variant row too, the key was a second copy of a long unique string per variant, the costliest
 * column to compress when a batch commits (issue 5 benchmarks).
 */
const KEY_NOT_STORED = new Set(['variant']);

/** Reads the target tables' columns from the store itself, so the loader follows the DDL. */
export async function loadTableColumns(
  store: NodeStore,
  tables: readonly string[],
): Promise<TableColumnInfo[]> {
  return store.all<TableColumnInfo>(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'main' AND table_name IN (${tables.map((t) => `'${t}'`).join(',')})
     ORDER BY table_name, ordinal_position`,
  );
}

/** Builds the staging specs of the tables from their columns (in ordinal order). */
export function buildTableSpecs(rows: readonly TableColumnInfo[]): Map<string, TableSpec> {
  const specs = new Map<string, TableSpec>();
  for (const r of rows) {
    if (r.column_name === 'ehds_key' && KEY_NOT_STORED.has(r.table_name)) continue;
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
      spec.columns.push({ name: '_r', kind: 'record', required: false });
      spec.csvTypes.push('INTEGER');
    }
    spec.write = compileRowWriter(spec.columns);
  }
  return specs;
}
