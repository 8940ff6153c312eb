/**
 * Shapes chart input from API statistics. Suppressed cells (disclosure control withheld a count
 * below the small-cell threshold) are never drawn as a number; they read "<threshold".
 */
import { formatNumber } from '../i18n/format';

/** A count that disclosure control may have suppressed. */
export interface CellLike {
  count: number | null;
  suppressed: boolean;
}

/** A value ready to chart: the number to draw (null = nothing drawn) and the text to show. */
export interface ChartDatum {
  label: string;
  value: number | null;
  display: string;
}

/** The text for a count: the number, "<10" when suppressed below a threshold of 10, or "–" when unknown. */
export function countText(cell: CellLike, threshold: number | null, suppressedWord = 'suppressed'): string {
  if (cell.suppressed) return threshold && threshold > 0 ? `<${threshold}` : suppressedWord;
  return cell.count === null ? '–' : formatNumber(cell.count);
}

/** Turns cells into chart data: suppressed or missing cells are not drawn, only labelled. */
export function toDatum(label: string, cell: CellLike, threshold: number | null): ChartDatum {
  return { label, value: cell.suppressed ? null : cell.count, display: countText(cell, threshold) };
}

/** Lower bound of an age band label (`40-44` → 40, `85+` → 85, `<1` → 0); unparseable → -1. */
export function bandStart(band: string): number {
  const m = /\d+/.exec(band);
  if (band.trim().startsWith('<')) return 0;
  return m ? Number(m[0]) : -1;
}

/** One age band of a pyramid with its female and male cells. */
export interface PyramidRow {
  band: string;
  female: CellLike;
  male: CellLike;
}

const MISSING: CellLike = { count: null, suppressed: false };

/** A pyramid cell as the API sends it; `other` (other or unknown sex) has no side of the pyramid. */
export interface PyramidCellLike extends CellLike {
  band: string;
  sex: string;
}

/**
 * Groups pyramid cells into rows, oldest band first (top of the chart), as population pyramids read.
 * Only female and male cells are drawn; other/unknown sex is left to the totals.
 */
export function pyramidRows(cells: readonly PyramidCellLike[]): PyramidRow[] {
  const rows = new Map<string, PyramidRow>();
  for (const c of cells) {
    if (c.sex !== 'female' && c.sex !== 'male') continue;
    const row = rows.get(c.band) ?? { band: c.band, female: MISSING, male: MISSING };
    row[c.sex] = { count: c.count, suppressed: c.suppressed };
    rows.set(c.band, row);
  }
  return [...rows.values()].sort((a, b) => bandStart(b.band) - bandStart(a.band));
}

/** Sorts yearly counts by year and fills missing years with empty cells, so gaps show as gaps. */
export function fillYears<T extends CellLike & { year: number }>(
  points: readonly T[],
): (CellLike & { year: number })[] {
  if (points.length === 0) return [];
  const byYear = new Map(points.map((p) => [p.year, p]));
  const years = points.map((p) => p.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const out: (CellLike & { year: number })[] = [];
  for (let y = first; y <= last; y++) out.push(byYear.get(y) ?? { year: y, count: null, suppressed: false });
  return out;
}
