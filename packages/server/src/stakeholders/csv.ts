/**
 * RFC 4180 CSV, read and written, for the stakeholder import and export (issue 6 §1). Pure.
 *
 * Reading: comma separator, `"` quotes, a doubled quote inside a quoted field is one quote, quoted
 * fields may hold commas and line breaks; records end at CRLF, LF or a lone CR; a leading UTF-8 BOM
 * (spreadsheet exports) is dropped; blank lines are skipped. Each record carries the physical line it
 * starts on, so a bad row is reported where the user sees it in an editor. A malformed record (a
 * quote inside an unquoted field, text after a closing quote) is reported and the reader goes on at
 * the next line, so one bad row does not hide the others (issue 6 "Bad input").
 *
 * Writing: every record ends with CRLF (RFC 4180 §2.1); a field is quoted when it holds a comma, a
 * quote or a line break. A text cell starting with = + - @ or a tab is prefixed with `'` so a
 * spreadsheet does not run it as a formula (OWASP "CSV injection"); `readCell` takes that prefix
 * off again, so an export imports back unchanged.
 */

/** One record of the file, or why it could not be read. */
export type CsvRow = { line: number; fields: string[] } | { line: number; error: string };

/** True when the row was read (not a malformed record). */
export const isRecord = (row: CsvRow): row is { line: number; fields: string[] } => 'fields' in row;

/** Reads CSV text into records, each with the line it starts on (1-based). */
export function parseCsv(text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  // 'start': at a field's start; 'plain': in an unquoted field; 'quoted'; 'closed': after a closing
  // quote; 'skip': dropping the rest of a malformed record's line.
  let state = 'start' as 'start' | 'plain' | 'quoted' | 'closed' | 'skip';
  let line = 1;
  let startLine = 1;
  let touched = false;

  const endRecord = () => {
    if (state !== 'skip') {
      fields.push(field);
      // A line with nothing on it carries no record (a trailing newline, a hand-edited gap).
      if (touched || fields.length > 1 || fields[0] !== '') rows.push({ line: startLine, fields });
    }
    fields = [];
    field = '';
    state = 'start';
    touched = false;
  };
  const fail = (error: string) => {
    rows.push({ line: startLine, error });
    state = 'skip';
  };

  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const newline = c === '\n' || c === '\r';
    if (newline && c === '\r' && src[i + 1] === '\n') i++;
    if (state === 'quoted') {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else state = 'closed';
      } else if (newline) {
        // A line break inside quotes is part of the field; keep CRLF as written.
        field += c === '\r' && src[i] === '\n' ? '\r\n' : c;
        line++;
      } else field += c;
      continue;
    }
    if (newline) {
      endRecord();
      line++;
      startLine = line;
      continue;
    }
    if (state === 'skip') continue;
    if (c === ',') {
      fields.push(field);
      field = '';
      state = 'start';
      touched = true;
    } else if (state === 'closed') {
      fail(`text after the closing quote of field ${fields.length + 1}; quote the whole field`);
    } else if (c === '"') {
      if (state === 'start') {
        state = 'quoted';
        touched = true;
      } else
        fail(
          `a quote inside the unquoted field ${fields.length + 1}; put the field in quotes and double the quotes inside it`,
        );
    } else {
      field += c;
      state = 'plain';
    }
  }
  if (state === 'quoted')
    rows.push({ line: startLine, error: 'a quoted field is never closed; add the closing quote' });
  else endRecord();
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as written: quoted when needed, text that a spreadsheet would run as a formula defused. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: a header and rows, each record ended by CRLF. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return [header, ...rows].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}

/** A cell as imported: trimmed, and the `'` that `csvCell` put before formula-like text taken off. */
export function readCell(raw: string | undefined): string {
  const s = raw ?? '';
  return (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s).trim();
}
