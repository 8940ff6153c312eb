/**
 * CSV for a checker's preview of an output table (RFC 4180: quoted fields may hold commas, quotes
 * doubled, and line breaks). The cells come back as plain strings for React to render as text in a
 * table: a cell is never interpreted as HTML or a formula. Pure.
 */

/** The parsed table: its rows (the first is the header), how many there are, and whether some were cut. */
export interface CsvPreview {
  rows: string[][];
  /** Rows in the file, header included (blank lines not counted). */
  total: number;
  /** Whether rows were left out beyond `maxRows`. */
  truncated: boolean;
  /** The widest row's number of cells, so short rows can be padded. */
  width: number;
}

/** Parses CSV text, keeping at most `maxRows` rows (header included); blank lines are skipped. */
export function parseCsv(text: string, maxRows = 200): CsvPreview {
  const rows: string[][] = [];
  let total = 0;
  let width = 0;
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let started = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = () => {
    row.push(cell);
    cell = '';
    // A line with nothing on it is not a row (as the hub's automatic check reads the file).
    if (!(row.length === 1 && row[0]!.trim() === '' && !started)) {
      total += 1;
      if (rows.length < maxRows) {
        rows.push(row);
        width = Math.max(width, row.length);
      }
    }
    row = [];
    started = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') {
      quoted = true;
      started = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      started = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0 || started) endRow();
  return { rows, total, truncated: total > rows.length, width };
}

/** Pads every row to the same number of cells, so the table's columns line up with its header. */
export function padRows(rows: readonly string[][], width: number): string[][] {
  return rows.map((r) => (r.length >= width ? [...r] : [...r, ...Array<string>(width - r.length).fill('')]));
}
