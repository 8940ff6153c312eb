import { invalid, type SdcRecord } from '@openehds/core';
import { thresholdFor, type ReleaseContext } from './context';
import { checkAudience } from './audience';
import { failsNk, failsPRatio } from './dominance';
import { RecordBuilder } from './record';
import { roundCount } from './rounding';
import { secondarySuppress } from './secondary';

/** One cell of a frequency or magnitude table. */
export interface TableCell {
  /** Number of people (records) in the cell. */
  count: number;
  /** Each person's contribution, for `sum` and `mean` tables (dominance rules need them). */
  values?: readonly number[];
}

/** A one- or two-way table: rows × columns of cells, with its totals computed here. */
export interface TableInput {
  rows: readonly string[];
  columns: readonly string[];
  cells: readonly (readonly TableCell[])[];
  statistic?: 'count' | 'sum' | 'mean';
  /** Publish row, column and grand totals (default true). Suppression assumes them known either way. */
  margins?: boolean;
}

export interface ReleasedTable {
  rows: string[];
  columns: string[];
  statistic: 'count' | 'sum' | 'mean';
  /** Released values; null where suppressed. */
  cells: (number | null)[][];
  rowTotals?: (number | null)[];
  columnTotals?: (number | null)[];
  grandTotal?: number | null;
  record: SdcRecord;
}

interface Agg {
  count: number;
  values: number[];
}

/**
 * Releases a table (ACRO chain: primary checks per cell — zeros, threshold, (n,k) dominance, p-ratio —
 * then secondary suppression so no suppressed cell is recoverable from totals, then rounding of
 * counts). Tables are not noised and not compared with the query history: code-to-data outputs pass
 * the airlock's human review as well (Art. 73(2)).
 */
export function releaseTable(table: TableInput, ctx: ReleaseContext): ReleasedTable {
  const statistic = table.statistic ?? 'count';
  const rec = new RecordBuilder(
    'table',
    ctx.policy,
    ctx.audience,
    ctx.now ?? new Date(),
    ctx.permitId,
    ctx.label,
  );
  validate(table, statistic);
  checkAudience(ctx, rec);
  const r = table.rows.length;
  const c = table.columns.length;
  const totalRow = r > 1;
  const totalCol = c > 1;
  const R = r + (totalRow ? 1 : 0);
  const C = c + (totalCol ? 1 : 0);
  const grid: Agg[][] = Array.from({ length: R }, () =>
    Array.from({ length: C }, () => ({ count: 0, values: [] })),
  );
  const add = (g: Agg, from: Agg) => {
    g.count += from.count;
    g.values.push(...from.values);
  };
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      const cell = table.cells[i]![j]!;
      grid[i]![j] = { count: cell.count, values: [...(cell.values ?? [])] };
      if (totalCol) add(grid[i]![C - 1]!, grid[i]![j]!);
    }
  if (totalRow) for (let i = 0; i < r; i++) for (let j = 0; j < C; j++) add(grid[R - 1]![j]!, grid[i]![j]!);
  const name = (i: number, j: number) =>
    `${totalRow && i === R - 1 ? 'total' : `r${i}`}:${totalCol && j === C - 1 ? 'total' : `c${j}`}`;

  // Primary suppression.
  const k = thresholdFor(ctx);
  const { zeros, dominance } = ctx.policy;
  const hidden = grid.map((row, i) =>
    row.map((g, j) => {
      const t = name(i, j);
      if (g.count === 0) {
        rec.add('zeros', t, zeros === 'suppress' ? 'suppressed' : zeros === 'flag' ? 'flagged' : 'passed', {
          zeros,
        });
        return zeros === 'suppress';
      }
      if (g.count < k) {
        rec.add('threshold', t, 'suppressed', { threshold: k });
        return true;
      }
      rec.add('threshold', t, 'passed', { threshold: k });
      if (statistic === 'count') return false;
      const nk = failsNk(g.values, dominance.nk);
      const nkParams = { rules: dominance.nk.map((x) => `(${x.n},${x.k})`).join(' ') };
      if (nk) {
        rec.add('dominance-nk', t, 'suppressed', { ...nkParams, n: nk.n, k: nk.k });
        return true;
      }
      rec.add('dominance-nk', t, 'passed', nkParams);
      if (failsPRatio(g.values, dominance.pRatio)) {
        rec.add('p-ratio', t, 'suppressed', { p: dominance.pRatio });
        return true;
      }
      rec.add('p-ratio', t, 'passed', { p: dominance.pRatio });
      return false;
    }),
  );

  // Secondary suppression.
  if (ctx.policy.secondary.enabled) {
    const counts = grid.map((row) => row.map((g) => g.count));
    const added = secondarySuppress(counts, hidden);
    for (const [i, j] of added)
      rec.add('secondary', name(i, j), 'suppressed', { method: 'lines-and-bridges' });
    rec.add('secondary', '$', 'passed', { method: 'lines-and-bridges', added: added.length });
  } else rec.add('secondary', '$', 'skipped', { enabled: false });
  rec.add('cell-key', '$', 'skipped', {}, 'tables are deterministic and not noised');

  // Released values.
  const base = ctx.policy.audiences[ctx.audience].roundTo;
  const value = (i: number, j: number): number | null => {
    const g = grid[i]![j]!;
    if (hidden[i]![j]) return null;
    if (statistic === 'count') {
      if (g.count > 0) rec.add('rounding', name(i, j), base > 1 ? 'rounded' : 'passed', { base });
      return roundCount(g.count, base, k);
    }
    const sum = g.values.reduce((s, v) => s + v, 0);
    return statistic === 'sum' ? sum : g.count ? sum / g.count : 0;
  };
  const released = grid.map((row, i) => row.map((_, j) => value(i, j)));
  const cells = released.slice(0, r).map((row) => row.slice(0, c));
  const out: Omit<ReleasedTable, 'record'> = {
    rows: [...table.rows],
    columns: [...table.columns],
    statistic,
    cells,
  };
  if (table.margins !== false) {
    if (totalCol) out.rowTotals = released.slice(0, r).map((row) => row[C - 1]!);
    if (totalRow) out.columnTotals = released[R - 1]!.slice(0, c);
    if (totalRow && totalCol) out.grandTotal = released[R - 1]![C - 1]!;
    else if (totalRow) out.grandTotal = released[R - 1]![0]!;
    else if (totalCol) out.grandTotal = released[0]![C - 1]!;
  }
  return { ...out, record: rec.released(out) };
}

function validate(table: TableInput, statistic: string): void {
  const { rows, columns, cells } = table;
  if (rows.length === 0 || columns.length === 0)
    throw invalid('a table needs at least one row and one column');
  if (cells.length !== rows.length || cells.some((row) => row.length !== columns.length)) {
    throw invalid(`the table's cells must be ${rows.length} rows × ${columns.length} columns`);
  }
  cells.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (!Number.isInteger(cell.count) || cell.count < 0) {
        throw invalid(`cell r${i}:c${j}: count must be a non-negative integer`);
      }
      if (statistic !== 'count' && (cell.values?.length ?? -1) !== cell.count) {
        throw invalid(`cell r${i}:c${j}: a ${statistic} table needs one value per person counted`);
      }
      if (cell.values?.some((v) => !Number.isFinite(v)))
        throw invalid(`cell r${i}:c${j}: values must be finite`);
    }),
  );
}
