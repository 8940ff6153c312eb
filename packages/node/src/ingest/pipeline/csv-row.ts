/**
 * Serialisation of mapped rows to the CSV the store bulk-loads (RFC 4180: fields with quotes are quoted
 * and quotes doubled). Strings are always quoted and NULL is an empty unquoted field, so an empty string
 * and NULL stay distinct (DuckDB read_csv with allow_quoted_nulls=false).
 */
import type { CsvSink } from './csv-sink';

/** How a column's value is written. */
export type ColumnKind =
  'int' | 'float' | 'date' | 'timestamp' | 'text' | 'json' | 'file' | 'line' | 'batch' | 'key' | 'record';

/** One column of a staged table. */
export interface StagedColumn {
  name: string;
  kind: ColumnKind;
  required: boolean;
}

/** Provenance the pipeline writes into every row (the `ehds_*` extension columns), pre-encoded. */
export interface Provenance {
  /** The file, as a quoted CSV field. */
  file: Uint8Array;
  line: number;
  /** The batch id, as a quoted CSV field. */
  batch: Uint8Array;
  /** The opening quote and `<dataset>|` prefix of the record key, encoded. */
  keyPrefix: Uint8Array;
  /** The record key within its format (`Condition/abc`); written after `keyPrefix`, then a quote. */
  key: string;
  /** The record's ordinal in the batch (see `TableSpec.extraKey`). */
  record: number;
}

function isDateText(v: string): boolean {
  return v.length >= 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45;
}

/** Writes one row's CSV line into a sink; returns why the row cannot be stored instead. */
export type RowWriter = (sink: CsvSink, row: Record<string, unknown>, prov: Provenance) => string | undefined;

/**
 * Writes one value of a column (present: not undefined nor null); returns the reason it cannot be stored.
 * Exported for the compiled row writers only.
 */
export const VALUE_WRITERS: Record<
  Exclude<ColumnKind, 'file' | 'line' | 'batch' | 'key' | 'record'>,
  (sink: CsvSink, v: unknown, name: string) => string | undefined
> = {
  int(sink, v, name) {
    if (typeof v === 'number' && Number.isInteger(v)) sink.num(v);
    else if (typeof v === 'bigint') sink.text(v.toString());
    else return `${name} must be an integer, got ${JSON.stringify(String(v))}`;
    return undefined;
  },
  float(sink, v, name) {
    if (typeof v === 'number' && Number.isFinite(v)) sink.num(v);
    else return `${name} must be a number, got ${JSON.stringify(String(v))}`;
    return undefined;
  },
  date(sink, v, name) {
    if (typeof v === 'string' && v.length === 10 && isDateText(v)) sink.text(v);
    else if (v instanceof Date && !Number.isNaN(v.getTime())) sink.text(v.toISOString().slice(0, 10));
    else return `${name} must be a date YYYY-MM-DD, got ${JSON.stringify(String(v))}`;
    return undefined;
  },
  timestamp(sink, v, name) {
    if (
      typeof v === 'string' &&
      isDateText(v) &&
      (v.length === 10 || v.charCodeAt(10) === 32 || v.charCodeAt(10) === 84)
    )
      sink.text(v);
    else if (v instanceof Date && !Number.isNaN(v.getTime()))
      sink.text(v.toISOString().slice(0, 23).replace('T', ' '));
    else return `${name} must be a timestamp, got ${JSON.stringify(String(v))}`;
    return undefined;
  },
  json(sink, v) {
    sink.quoted(typeof v === 'string' ? v : JSON.stringify(v));
    return undefined;
  },
  text(sink, v) {
    sink.quoted(typeof v === 'string' ? v : String(v));
    return undefined;
  },
};

/**
 * Compiles a row writer for one table. Each table gets its own function reading its columns by name, so
 * property reads stay monomorphic per table; one loop over the columns for every table reads rows of all
 * shapes at one site and was the costliest step of staging. Only `JSON.stringify`-ed column names are
 * spliced into the generated code (string literals), so no identifier from the store can inject code.
 * A required column missing, or a value of the wrong type, returns the reason so the record is rejected
 * alone instead of failing the whole batch in the database; the sink may then hold part of the line and
 * the caller truncates it.
 */
export function compileRowWriter(columns: readonly StagedColumn[]): RowWriter {
  const body: string[] = ['let v, why;'];
  columns.forEach((c, i) => {
    if (i > 0) body.push('sink.byte(44);');
    switch (c.kind) {
      case 'file':
        body.push('sink.raw(prov.file);');
        return;
      case 'line':
        body.push('sink.num(prov.line);');
        return;
      case 'batch':
        body.push('sink.raw(prov.batch);');
        return;
      case 'key':
        body.push('sink.raw(prov.keyPrefix); sink.body(prov.key, true); sink.byte(34);');
        return;
      case 'record':
        body.push('sink.num(prov.record);');
        return;
    }
    const name = JSON.stringify(c.name);
    const missing = c.required ? `return ${JSON.stringify(`missing required ${c.name}`)};` : '';
    body.push(
      `v = row[${name}];`,
      `if (v === undefined || v === null) { ${missing} }`,
      `else if ((why = W.${c.kind}(sink, v, ${name})) !== undefined) return why;`,
    );
  });
  body.push('sink.byte(10);', 'return undefined;');
  // Generated code: only JSON string literals are spliced in (see above).
  const make = new Function('W', `return function writeRow(sink, row, prov) {\n${body.join('\n')}\n};`);
  return make(VALUE_WRITERS) as RowWriter;
}
