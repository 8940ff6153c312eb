import type { Analysis, TableResultJson } from '@openehds/client';
import {
  cell,
  columns,
  runAnalysisCommand,
  sdcLines,
  SUPPRESSED_LEGEND,
  type AnalyseCommonOptions,
} from './run';

/** Options of `ehds analyse table`. */
export interface AnalyseTableOptions extends AnalyseCommonOptions {
  rows: string;
  columns?: string;
}

/** Renders a contingency table with its totals; suppressed cells as `x`, with the legend. */
export function contingencyTable(a: Analysis<TableResultJson>): string {
  const r = a.result!;
  const corner = r.columnVariable ? `${r.rowVariable} \\ ${r.columnVariable}` : r.rowVariable;
  const withTotals = r.rowTotals !== undefined;
  const grid: string[][] = [
    [corner, ...r.columns, ...(withTotals ? ['total'] : [])],
    ...r.rows.map((level, i) => [
      level,
      ...r.cells[i]!.map(cell),
      ...(withTotals ? [cell(r.rowTotals![i])] : []),
    ]),
    ...(r.columnTotals
      ? [['total', ...r.columnTotals.map(cell), ...(withTotals ? [cell(r.grandTotal)] : [])]]
      : []),
  ];
  const anySuppressed = grid.slice(1).some((row) => row.slice(1).includes('x'));
  return [
    `Counts of ${r.rowVariable}${r.columnVariable ? ` by ${r.columnVariable}` : ''}: analysis ${a.id}`,
    ...columns(grid),
    `left out for a missing value: ${r.missing === null ? 'x' : r.missing}`,
    ...(anySuppressed || r.missing === null ? [SUPPRESSED_LEGEND] : []),
    '',
    ...sdcLines(a.sdc),
  ].join('\n');
}

/** `ehds analyse table`: a one- or two-way frequency table pooled over the nodes (issue 4 §4). */
export async function analyseTableCommand(opts: AnalyseTableOptions): Promise<number> {
  return runAnalysisCommand<TableResultJson>(
    opts,
    (variables) => ({
      kind: 'table',
      rows: opts.rows,
      ...(opts.columns ? { columns: opts.columns } : {}),
      variables,
    }),
    contingencyTable,
  );
}
