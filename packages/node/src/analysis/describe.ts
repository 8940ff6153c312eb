import { localNumericSummary, type NodeStore, type NumericSummary } from '@openehds/analytics';
import { invalid, type AnalysisTaskBase, type SdcRecord } from '@openehds/core';
import {
  cohortOf,
  releaseStatistic,
  releaseTable,
  type QueryHistory,
  type ReleasedTable,
} from '@openehds/privacy';
import { buildAnalysisFrame, type AnalysisFrame } from './frame';
import { requestHistory } from './history';
import { levelLabel, levelsOf } from './levels';
import { releaseContext } from './outcome';

/** One group's released statistics (group null when not split). */
export interface DescribedGroup {
  group: string | null;
  /** Per numeric variable: its mergeable summary, or null when disclosure control suppressed it. */
  numeric: Record<string, Pick<NumericSummary, 'n' | 'mean' | 'sumSquaredDeviations'> | null>;
  /** Per categorical variable: its released one-way count table. */
  counts: Record<string, Omit<ReleasedTable, 'record'>>;
}

/**
 * `analysis.describe`: count, mean and sum of squared deviations of every numeric variable, and
 * counts per level of every categorical one, per level of `by`. One cohort per group — the persons
 * with no missing value in any described variable (R's na.omit) — so every statistic of a group is
 * over the same people and the differencing guard sees one query, not one per variable: a mean of
 * age over A and over A minus one person would give that person's age (DataSHIELD dsBase #250).
 * Each mean passes `releaseStatistic` (threshold, dominance, guard, DP when on); the summary is
 * released only when the mean is. Counts pass `releaseTable` (threshold, zeros, rounding).
 */
export async function describe(
  store: NodeStore,
  task: AnalysisTaskBase,
  history: QueryHistory,
): Promise<{ groups: DescribedGroup[]; sdc: SdcRecord[] }> {
  const r = task.request;
  if (r.kind !== 'describe') throw invalid(`a ${r.kind} request sent as a describe task`);
  const frame = await buildAnalysisFrame(store, task.permitId, r.variables);
  const names = Object.keys(r.variables).filter((n) => n !== r.by && r.variables[n]!.kind !== 'survival');
  if (!names.length)
    throw invalid('nothing to describe besides the grouping variable', [
      { path: 'variables', message: 'add a variable' },
    ]);
  const numeric = names.filter((n) => r.variables[n]!.kind !== 'sex');
  const categorical = names.filter((n) => r.variables[n]!.kind === 'sex');
  const groups: (string | null)[] = r.by ? levelsOf(r.variables[r.by]!)! : [null];
  const hist = requestHistory(history);
  const ctx = releaseContext(task, hist, 'describe');
  const sdc: SdcRecord[] = [];
  const out: DescribedGroup[] = [];
  for (const g of groups) {
    const rows = completeRows(frame, names, r.by, g);
    const cohort = cohortOf(rows.map((i) => frame.personIds[i]!));
    const group: DescribedGroup = { group: g, numeric: {}, counts: {} };
    for (const name of numeric) {
      const values = rows.map((i) => Number(frame.columns[name]![i]));
      const label = `describe mean ${name}${g === null ? '' : ` (${r.by}=${g})`}`;
      const released = await releaseStatistic({ kind: 'mean', values, cohort }, { ...ctx, label });
      sdc.push(released.record);
      if (released.suppressed || released.value === null) {
        group.numeric[name] = null;
        continue;
      }
      const [s] = localNumericSummary({ x: values }, ['x']);
      // Under DP only the noised mean leaves; the spread would need its own noise.
      const noised = released.record.rules.some((x) => x.outcome === 'noised');
      group.numeric[name] = noised
        ? { n: s!.n, mean: released.value, sumSquaredDeviations: NaN }
        : { n: s!.n, mean: s!.mean, sumSquaredDeviations: s!.sumSquaredDeviations };
    }
    for (const name of categorical) {
      const levels = levelsOf(r.variables[name]!)!;
      const counts = levels.map((l) => rows.filter((i) => levelLabel(frame.columns[name]![i]) === l).length);
      const { record, ...table } = releaseTable(
        { rows: levels, columns: ['n'], cells: counts.map((count) => [{ count }]) },
        { ...ctx, label: `describe counts ${name}${g === null ? '' : ` (${r.by}=${g})`}` },
      );
      sdc.push(record);
      group.counts[name] = table;
    }
    out.push(group);
  }
  await hist.commit();
  return { groups: out, sdc };
}

function completeRows(
  frame: AnalysisFrame,
  names: string[],
  by: string | undefined,
  g: string | null,
): number[] {
  const rows: number[] = [];
  const n = frame.personIds.length;
  for (let i = 0; i < n; i++) {
    if (names.some((v) => levelLabel(frame.columns[v]![i]) === null)) continue;
    if (by !== undefined && levelLabel(frame.columns[by]![i]) !== g) continue;
    rows.push(i);
  }
  return rows;
}
