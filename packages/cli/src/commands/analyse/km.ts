import { invalid } from '@openehds/core';
import type { Analysis, KmResultJson } from '@openehds/client';
import { columns, runAnalysisCommand, sdcLines, type AnalyseCommonOptions } from './run';

/** Options of `ehds analyse km`. */
export interface AnalyseKmOptions extends AnalyseCommonOptions {
  survival: string;
  group?: string;
  intervalDays?: string;
}

const p4 = (x: number | null) => (x === null ? 'NA' : x.toFixed(4));

/** Renders each curve as survfit's summary: time, at risk, events, censored, survival and 95 % limits. */
export function kmTable(a: Analysis<KmResultJson>): string {
  const r = a.result!;
  const lines = [
    `Kaplan–Meier of ${r.survival}${r.group ? ` by ${r.group}` : ''} (times in days, multiples of ${r.intervalDays}): analysis ${a.id}`,
  ];
  for (const c of r.curves) {
    lines.push(
      '',
      `${c.group === null ? 'all persons' : `${r.group} = ${c.group}`}: n = ${c.n}, events = ${c.events}` +
        (c.truncatedAt === null
          ? ''
          : `; cut after day ${c.truncatedAt} (fewer than the threshold at risk at a node)`),
      ...columns([
        ['time', 'n.risk', 'n.event', 'n.censor', 'survival', 'lower 95%', 'upper 95%'],
        ...c.points.map((p) => [
          String(p.time),
          String(p.nRisk),
          String(p.nEvent),
          String(p.nCensor),
          p4(p.survival),
          p4(p.lower),
          p4(p.upper),
        ]),
      ]),
    );
  }
  lines.push('', ...sdcLines(a.sdc));
  return lines.join('\n');
}

/** `ehds analyse km`: Kaplan–Meier curves of a survival variable pooled over the nodes (issue 4 §4). */
export async function analyseKmCommand(opts: AnalyseKmOptions): Promise<number> {
  let interval: number | undefined;
  if (opts.intervalDays !== undefined) {
    interval = Number(opts.intervalDays);
    if (!Number.isInteger(interval) || interval < 1 || interval > 365)
      throw invalid(`--interval-days must be a whole number of days from 1 to 365; got ${opts.intervalDays}`);
  }
  return runAnalysisCommand<KmResultJson>(
    opts,
    (variables) => ({
      kind: 'km',
      survival: opts.survival,
      ...(opts.group ? { group: opts.group } : {}),
      ...(interval !== undefined ? { intervalDays: interval } : {}),
      variables,
    }),
    kmTable,
  );
}
