/**
 * Serialisation of mapped rows to the CSV the store bulk-loads (RFC 4180: fields with quotes are quoted
 * and quotes doubled). Strings are always quoted and NULL is an empty unquoted field, so an empty string
 * and NULL stay distinct (DuckDB read_csv with allow_quoted_nulls=false).
 */

/** How a column's value is written. */
export type ColumnKind =
  'int' | 'float' | 'date' | 'timestamp' | 'text' | 'json' | 'file' | 'line' | 'batch' | 'key';

/** One column of a staged table. */
export interface StagedColumn {
  name: string;
  kind: ColumnKind;
  required: boolean;
}

/** Provenance the pipeline writes into every row (the `ehds_*` extension columns). */
export interface Provenance {
  file: string;
  line: number;
  batch: string;
  key: string;
}

/** Quotes a string for CSV. */
export function quote(s: string): string {
  return s.indexOf('"') === -1 ? `"${s}"` : `"${s.replaceAll('"', '""')}"`;
}

function isDateText(v: string): boolean {
  return v.length >= 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45;
}

/**
 * One CSV line for a row, or the reason it cannot be stored (a required column missing, a value of the
 * wrong type), so the record is rejected alone instead of failing the whole batch in the database.
 * `provQuoted` holds the pre-quoted file and batch, which are the same for many rows.
 */
export function csvLine(
  columns: readonly StagedColumn[],
  row: Record<string, unknown>,
  prov: Provenance,
  provQuoted: { file: string; batch: string },
): string | { reason: string } {
  let out = '';
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    if (i > 0) out += ',';
    switch (c.kind) {
      case 'file':
        out += provQuoted.file;
        continue;
      case 'line':
        out += prov.line;
        continue;
      case 'batch':
        out += provQuoted.batch;
        continue;
      case 'key':
        out += quote(prov.key);
        continue;
    }
    const v = row[c.name];
    if (v === undefined || v === null) {
      if (c.required) return { reason: `missing required ${c.name}` };
      continue;
    }
    switch (c.kind) {
      case 'int':
        if (typeof v === 'number' && Number.isInteger(v)) out += v;
        else if (typeof v === 'bigint') out += v.toString();
        else return { reason: `${c.name} must be an integer, got ${JSON.stringify(String(v))}` };
        break;
      case 'float':
        if (typeof v === 'number' && Number.isFinite(v)) out += v;
        else return { reason: `${c.name} must be a number, got ${JSON.stringify(String(v))}` };
        break;
      case 'date':
        if (typeof v === 'string' && v.length === 10 && isDateText(v)) out += v;
        else if (v instanceof Date && !Number.isNaN(v.getTime())) out += v.toISOString().slice(0, 10);
        else return { reason: `${c.name} must be a date YYYY-MM-DD, got ${JSON.stringify(String(v))}` };
        break;
      case 'timestamp':
        if (
          typeof v === 'string' &&
          isDateText(v) &&
          (v.length === 10 || v.charCodeAt(10) === 32 || v.charCodeAt(10) === 84)
        )
          out += v;
        else if (v instanceof Date && !Number.isNaN(v.getTime()))
          out += v.toISOString().slice(0, 23).replace('T', ' ');
        else return { reason: `${c.name} must be a timestamp, got ${JSON.stringify(String(v))}` };
        break;
      case 'json':
        out += quote(typeof v === 'string' ? v : JSON.stringify(v));
        break;
      default:
        out += quote(typeof v === 'string' ? v : String(v));
    }
  }
  return out;
}
