import type { Analysis, DescribeResultJson } from '@openehds/client';
import {
  cell,
  columns,
  runAnalysisCommand,
  sdcLines,
  SUPPRESSED_LEGEND,
  type AnalyseCommonOptions,
} from './run';

/** Options of `ehds analyse describe`. */
export interface AnalyseDescribeOptions extends AnalyseCommonOptions {
  by?: string;
}

const stat = (x: number | null) => (x === null ? '—' : Number(x.toPrecision(6)).toString());

/** Renders descriptive statistics: per group, n/mean/SD of each numeric variable and counts per level. */
export function describeTable(a: Analysis<DescribeResultJson>): string {
  const r = a.result!;
  const lines = [`Descriptive statistics${r.by ? ` by ${r.by}` : ''}: analysis ${a.id}`];
  let suppressed = false;
  for (const g of r.groups) {
    lines.push('', g.group === null ? 'all persons' : `${r.by} = ${g.group}`);
    const numeric = Object.entries(g.numeric);
    if (numeric.length)
      lines.push(
        ...columns([
          ['variable', 'n', 'mean', 'sd'],
          ...numeric.map(([name, s]) => {
            if (s.suppressed) {
              suppressed = true;
              return [name, 'x', 'x', `x (suppressed at ${s.suppressedAt.join(', ')})`];
            }
            return [name, String(s.n), stat(s.mean), stat(s.sd)];
          }),
        ]),
      );
    for (const [name, t] of Object.entries(g.counts)) {
      const counts = t.rows.map((level, i) => `${level} ${cell(t.cells[i]?.[0])}`);
      if (t.cells.some((row) => row.some((c) => c === null))) suppressed = true;
      lines.push(`${name}: ${counts.join(', ')}`);
    }
  }
  if (suppressed) lines.push('', SUPPRESSED_LEGEND);
  lines.push('', ...sdcLines(a.sdc));
  return lines.join('\n');
}

/**
 * `ehds analyse describe`: count, mean and SD of every numeric variable (counts per level for sex),
 * optionally per level of --by, pooled over the nodes holding the permit's data (issue 4 §4).
 */
export async function analyseDescribeCommand(opts: AnalyseDescribeOptions): Promise<number> {
  return runAnalysisCommand<DescribeResultJson>(
    opts,
    (variables) => ({ kind: 'describe', variables, ...(opts.by ? { by: opts.by } : {}) }),
    describeTable,
  );
}
