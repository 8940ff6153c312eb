/**
 * Federated contingency tables: each node counts its rows per combination of levels; the
 * coordinator adds the counts, which is exactly the pooled table, and adds the margins and a
 * Pearson χ² test of independence (without continuity correction, R's `chisq.test(correct = FALSE)`).
 * Small cells are what disclosure control suppresses; that engine lives in packages/privacy.
 */
import { invalid } from '@openehds/core';
import { isMissing, levelOf, requireColumns, sortLevels, type DataColumns } from './data';
import { chiSquareUpper } from './distributions';

/** A node's counts per (row level, column level); column level null for a one-way table. */
export interface LocalContingency {
  rowVariable: string;
  columnVariable: string | null;
  cells: { row: string; column: string | null; count: number }[];
  /** Rows with a missing value in either variable. */
  missing: number;
}

/** Node side: counts per level combination of one or two categorical variables. */
export function localContingency(
  data: DataColumns,
  rowVariable: string,
  columnVariable?: string,
): LocalContingency {
  requireColumns(data, columnVariable ? [rowVariable, columnVariable] : [rowVariable]);
  const rowsCol = data[rowVariable]!;
  const colsCol = columnVariable ? data[columnVariable]! : null;
  const counts = new Map<string, { row: string; column: string | null; count: number }>();
  let missing = 0;
  for (let i = 0; i < rowsCol.length; i++) {
    if (isMissing(rowsCol[i]) || (colsCol && isMissing(colsCol[i]))) {
      missing++;
      continue;
    }
    const row = levelOf(rowsCol[i]);
    const column = colsCol ? levelOf(colsCol[i]) : null;
    const key = JSON.stringify([row, column]);
    const cell = counts.get(key) ?? { row, column, count: 0 };
    cell.count++;
    counts.set(key, cell);
  }
  return { rowVariable, columnVariable: columnVariable ?? null, cells: [...counts.values()], missing };
}

/** A merged table: counts[i][j] for rowLevels[i] × columnLevels[j], with margins. */
export interface ContingencyTable {
  rowVariable: string;
  columnVariable: string | null;
  rowLevels: string[];
  columnLevels: (string | null)[];
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
  missing: number;
  /** Pearson χ² of independence for two-way tables with ≥ 2 rows and columns, else null. */
  chiSquare: { statistic: number; df: number; pValue: number } | null;
}

/** Coordinator: adds the nodes' counts into one table with margins. */
export function mergeContingency(perNode: readonly LocalContingency[]): ContingencyTable {
  const first = perNode[0];
  if (!first) throw invalid('a contingency table needs the counts of at least one node');
  const rowLevels = sortLevels(perNode.flatMap((t) => t.cells.map((c) => c.row)));
  const columnLevels: (string | null)[] =
    first.columnVariable === null
      ? [null]
      : sortLevels(perNode.flatMap((t) => t.cells.map((c) => c.column!)));
  const counts = rowLevels.map(() => columnLevels.map(() => 0));
  for (const t of perNode)
    for (const c of t.cells) counts[rowLevels.indexOf(c.row)]![columnLevels.indexOf(c.column)]! += c.count;
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = columnLevels.map((_, j) => counts.reduce((a, r) => a + r[j]!, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  let chiSquare: ContingencyTable['chiSquare'] = null;
  if (first.columnVariable !== null && rowLevels.length > 1 && columnLevels.length > 1) {
    let statistic = 0;
    counts.forEach((r, i) =>
      r.forEach((o, j) => {
        const e = (rowTotals[i]! * columnTotals[j]!) / total;
        statistic += ((o - e) * (o - e)) / e;
      }),
    );
    const df = (rowLevels.length - 1) * (columnLevels.length - 1);
    chiSquare = { statistic, df, pValue: chiSquareUpper(statistic, df) };
  }
  return {
    rowVariable: first.rowVariable,
    columnVariable: first.columnVariable,
    rowLevels,
    columnLevels,
    counts,
    rowTotals,
    columnTotals,
    total,
    missing: perNode.reduce((a, t) => a + t.missing, 0),
    chiSquare,
  };
}
