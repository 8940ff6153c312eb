import type { NodeStore } from '@openehds/analytics';
import { invalid, type AnalysisTaskBase, type SdcRecord } from '@openehds/core';
import { releaseTable, type ReleasedTable } from '@openehds/privacy';
import { buildAnalysisFrame } from './frame';
import { levelLabel, levelsOf } from './levels';
import { releaseContext } from './outcome';

/**
 * `analysis.table`: a one- or two-way frequency table of categorical variables over the extract,
 * through `releaseTable` (zeros, threshold, secondary suppression, rounding). The grid is fixed by
 * the variables' kinds (levels.ts), so every node answers the same cells and the hub adds them.
 */
export async function frequencyTable(
  store: NodeStore,
  task: AnalysisTaskBase,
): Promise<{ table: Omit<ReleasedTable, 'record'>; missing: number | null; sdc: SdcRecord[] }> {
  const r = task.request;
  if (r.kind !== 'table') throw invalid(`a ${r.kind} request sent as a table task`);
  const frame = await buildAnalysisFrame(store, task.permitId, r.variables);
  const rowLevels = levelsOf(r.variables[r.rows]!)!;
  const colLevels = r.columns ? levelsOf(r.variables[r.columns]!)! : ['n'];
  const counts = rowLevels.map(() => colLevels.map(() => 0));
  let missing = 0;
  for (let i = 0; i < frame.personIds.length; i++) {
    const a = levelLabel(frame.columns[r.rows]![i]);
    const b = r.columns ? levelLabel(frame.columns[r.columns]![i]) : 'n';
    const ri = a === null ? -1 : rowLevels.indexOf(a);
    const ci = b === null ? -1 : colLevels.indexOf(b);
    if (ri < 0 || ci < 0) missing++;
    else counts[ri]![ci]! += 1;
  }
  const { record, ...table } = releaseTable(
    { rows: rowLevels, columns: colLevels, cells: counts.map((row) => row.map((count) => ({ count }))) },
    releaseContext(task, undefined, `table ${r.rows}${r.columns ? ` × ${r.columns}` : ''}`),
  );
  // The number of rows left out for a missing value is a count like any other: released only if ≥ the threshold.
  return { table, missing: missing === 0 || missing >= thresholdOf(record) ? missing : null, sdc: [record] };
}

function thresholdOf(record: SdcRecord): number {
  const t = record.rules.find((x) => x.rule === 'threshold')?.params.threshold;
  return typeof t === 'number' ? t : Infinity;
}
