/**
 * How a node hands its (permit-bound, pseudonymised) extract to the federated maths: named columns
 * of cells. Missing cells are null, undefined, NaN or ''; rows with a missing value in any variable
 * a model uses are left out, as R's default `na.action = na.omit` does.
 */
import { invalid } from '@openehds/core';

/** One value in a data column. Strings and booleans are categorical; numbers are numeric. */
export type Cell = number | string | boolean | null | undefined;

/** Column-oriented data: each name maps to an equally long array of cells. */
export type DataColumns = Readonly<Record<string, ArrayLike<Cell>>>;

/** Turns row objects into columns (the shape the maths reads). */
export function rowsToColumns(rows: readonly Readonly<Record<string, Cell>>[]): Record<string, Cell[]> {
  const out: Record<string, Cell[]> = {};
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) names.add(k);
  for (const k of names) out[k] = rows.map((r) => r[k]);
  return out;
}

/** Whether a cell counts as missing. */
export function isMissing(v: Cell): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

/** The level label of a categorical cell (booleans as R prints them). */
export function levelOf(v: Cell): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Sorts levels as R sorts a factor's: numerically when every level is a number, else by code point. */
export function sortLevels(levels: Iterable<string>): string[] {
  const all = [...new Set(levels)];
  if (all.length > 0 && all.every((l) => l.trim() !== '' && Number.isFinite(Number(l))))
    return all.sort((a, b) => Number(a) - Number(b));
  return all.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The columns a computation needs, checked to exist and to share one length. */
export function requireColumns(data: DataColumns, names: readonly string[]): { n: number } {
  const missing = names.filter((v) => !(v in data));
  if (missing.length)
    throw invalid(`no column named ${missing.map((m) => `'${m}'`).join(', ')} in the data`, [
      ...missing.map((m) => ({ path: m, message: 'no such column in the permitted extract' })),
    ]);
  const lengths = new Set(names.map((v) => data[v]!.length));
  if (lengths.size > 1) throw invalid(`columns ${names.join(', ')} have different lengths`);
  return { n: names.length ? data[names[0]!]!.length : 0 };
}

/** Indices of rows with no missing value in any of the named columns. */
export function completeRows(data: DataColumns, names: readonly string[]): Int32Array {
  const { n } = requireColumns(data, names);
  const cols = names.map((v) => data[v]!);
  const keep = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (const c of cols)
      if (isMissing(c[i])) {
        ok = false;
        break;
      }
    if (ok) keep[k++] = i;
  }
  return keep.subarray(0, k);
}
