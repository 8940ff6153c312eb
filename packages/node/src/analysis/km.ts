import { localRiskTable, type NodeStore, type RiskTable } from '@openehds/analytics';
import { invalid, type AnalysisTaskBase, type SdcRecord } from '@openehds/core';
import { RecordBuilder, thresholdFor } from '@openehds/privacy';
import { buildAnalysisFrame, survivalColumns } from './frame';
import { releaseContext } from './outcome';

/** A group's risk table as released: rows up to `truncatedAt` (null when none were cut). */
export interface ReleasedRiskTable extends RiskTable {
  truncatedAt: number | null;
}

/**
 * `analysis.km`: this node's risk tables for a Kaplan–Meier curve, under disclosure control. A risk
 * table gives the time of every event, so before it leaves:
 * - times are coarsened to multiples of `intervalDays` (default a week): exact days are quasi-identifiers;
 * - a group with fewer persons than the threshold REFUSES the whole answer: its curve would describe
 *   a handful of people, and leaving the group out would silently bias the merged curve;
 * - the tail where fewer than the threshold remain at risk is CUT (rows from the first time with
 *   fewer at risk are not sent; `truncatedAt` says where): a step there is one or two persons' event.
 *   The hub ends the merged curve at the earliest cut of any node, so every released point stays
 *   exactly the pooled data's (at-risk counts come from the group's n, which is ≥ the threshold).
 */
export async function kmRiskTables(
  store: NodeStore,
  task: AnalysisTaskBase,
): Promise<{ tables: ReleasedRiskTable[]; sdc: SdcRecord[] }> {
  const r = task.request;
  if (r.kind !== 'km') throw invalid(`a ${r.kind} request sent as a Kaplan–Meier task`);
  const frame = await buildAnalysisFrame(store, task.permitId, r.variables);
  const cols = survivalColumns(r.survival);
  const interval = r.intervalDays;
  const time = frame.columns[cols.time]!.map((t) =>
    typeof t === 'number' ? Math.ceil(t / interval) * interval : t,
  );
  const data = { ...frame.columns, [cols.time]: time };
  const tables = localRiskTable(data, { time: cols.time, status: cols.status, group: r.group });

  const ctx = releaseContext(task, undefined, `km ${r.survival}${r.group ? ` by ${r.group}` : ''}`);
  const k = thresholdFor(ctx);
  const rec = new RecordBuilder('table', ctx.policy, ctx.audience, new Date(), ctx.permitId, ctx.label);
  if (!ctx.policy.audiences.permit_holder.allowed) {
    rec.add('audience', '$', 'refused', { audience: ctx.audience });
    throw rec.refuse('forbidden', 'this HDAB policy releases nothing to permit holders; ask the HDAB');
  }
  rec.add('audience', '$', 'passed', { audience: ctx.audience });
  rec.add(
    'clipping',
    '$',
    'passed',
    { intervalDays: interval },
    'times coarsened to multiples of the interval',
  );
  const small = tables.filter((t) => t.n < k);
  for (const t of tables)
    rec.add('threshold', `group=${t.group ?? 'all'}`, t.n < k ? 'refused' : 'passed', { threshold: k });
  if (small.length || tables.length === 0)
    throw rec.refuse(
      'forbidden',
      tables.length === 0
        ? 'no person of the extract has a survival time here'
        : `${small.length === 1 ? 'a group has' : `${small.length} groups have`} fewer than ${k} persons at this node ` +
            `(${small.map((t) => t.group ?? 'all').join(', ')}); use a coarser grouping or none`,
      small.map((t) => ({ path: `group=${t.group ?? 'all'}`, message: `fewer than ${k} persons` })),
    );
  const released: ReleasedRiskTable[] = tables.map((t) => {
    let atRisk = t.n;
    const rows = [];
    let truncatedAt: number | null = null;
    for (const row of t.rows) {
      if (atRisk < k) {
        truncatedAt = rows.length ? rows[rows.length - 1]!.time : 0;
        break;
      }
      rows.push(row);
      atRisk -= row.events + row.censored;
    }
    rec.add(
      'suppression',
      `group=${t.group ?? 'all'}`,
      truncatedAt === null ? 'passed' : 'suppressed',
      { threshold: k, ...(truncatedAt === null ? {} : { truncatedAt }) },
      truncatedAt === null ? undefined : `times after ${truncatedAt} days not sent: fewer than ${k} at risk`,
    );
    return { group: t.group, n: t.n, rows, truncatedAt };
  });
  return { tables: released, sdc: [rec.released(released)] };
}
