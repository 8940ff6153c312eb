/**
 * Federated Kaplan–Meier. Each node returns its risk table (distinct times with the number of
 * events and of censorings at each); the coordinator adds the tables time by time, which gives the
 * pooled data's risk table exactly, and computes the product-limit curve with Greenwood's variance
 * from it — so the curve is identical to a KM of the pooled rows. Censorings at a time are counted
 * after the events at that time, as `survival::survfit` does.
 */
import { invalid } from '@openehds/core';
import { completeRows, levelOf, sortLevels, type DataColumns } from './data';
import { normalQuantile } from './distributions';

/** Events and censorings at one distinct time. */
export interface RiskTableRow {
  time: number;
  events: number;
  censored: number;
}

/** One group's risk table (group null when not stratified). Times ascending. */
export interface RiskTable {
  group: string | null;
  n: number;
  rows: RiskTableRow[];
}

/** Which columns hold time, status (1/true = event) and, optionally, the group. */
export interface SurvivalColumns {
  time: string;
  status: string;
  group?: string;
}

/** Node side: its risk table(s), one per group level when a group column is given. */
export function localRiskTable(data: DataColumns, cols: SurvivalColumns): RiskTable[] {
  const names = [cols.time, cols.status, ...(cols.group ? [cols.group] : [])];
  const rows = completeRows(data, names);
  const time = data[cols.time]!;
  const status = data[cols.status]!;
  const group = cols.group ? data[cols.group]! : null;
  const byGroup = new Map<string | null, Map<number, RiskTableRow>>();
  for (const i of rows) {
    const t = time[i];
    if (typeof t !== 'number' || !(t >= 0))
      throw invalid(`survival time '${cols.time}' must be a non-negative number; found ${String(t)}`, [
        { path: cols.time, message: 'not a non-negative number' },
      ]);
    const s = status[i];
    const event = s === 1 || s === true ? true : s === 0 || s === false ? false : null;
    if (event === null)
      throw invalid(`status '${cols.status}' must be 1/0 or true/false (1 = event); found ${String(s)}`, [
        { path: cols.status, message: 'not an event indicator' },
      ]);
    const g = group ? levelOf(group[i]) : null;
    let table = byGroup.get(g);
    if (!table) byGroup.set(g, (table = new Map()));
    let row = table.get(t);
    if (!row) table.set(t, (row = { time: t, events: 0, censored: 0 }));
    if (event) row.events++;
    else row.censored++;
  }
  return [...byGroup.entries()].map(([g, table]) => {
    const r = [...table.values()].sort((a, b) => a.time - b.time);
    return { group: g, n: r.reduce((a, x) => a + x.events + x.censored, 0), rows: r };
  });
}

/** Coordinator: adds the nodes' risk tables group by group (groups in sorted order). */
export function mergeRiskTables(perNode: readonly (readonly RiskTable[])[]): RiskTable[] {
  const merged = new Map<string | null, Map<number, RiskTableRow>>();
  for (const tables of perNode)
    for (const t of tables) {
      let m = merged.get(t.group);
      if (!m) merged.set(t.group, (m = new Map()));
      for (const r of t.rows) {
        const row = m.get(r.time) ?? { time: r.time, events: 0, censored: 0 };
        row.events += r.events;
        row.censored += r.censored;
        m.set(r.time, row);
      }
    }
  const groups = [...merged.keys()];
  const ordered = groups.includes(null) ? [null] : sortLevels(groups as string[]);
  return ordered.map((g) => {
    const rows = [...merged.get(g)!.values()].sort((a, b) => a.time - b.time);
    return { group: g, n: rows.reduce((a, x) => a + x.events + x.censored, 0), rows };
  });
}

/** One step of the curve, at one distinct time. */
export interface KmPoint {
  time: number;
  nRisk: number;
  nEvent: number;
  nCensor: number;
  survival: number;
  /** Greenwood standard error of S(t). */
  stdErr: number | null;
  /** Standard error of log S(t) (what survfit prints as `std.err`); null once S reaches 0. */
  stdErrLog: number | null;
  lower: number | null;
  upper: number | null;
}

/** A Kaplan–Meier curve of one group. */
export interface KmCurve {
  group: string | null;
  n: number;
  events: number;
  points: KmPoint[];
}

/** Confidence interval options, as survfit's `conf.int` and `conf.type`. */
export interface KmOptions {
  confLevel?: number;
  confType?: 'log' | 'log-log' | 'plain';
}

/** Product-limit estimate with Greenwood variance and pointwise confidence limits from a risk table. */
export function kaplanMeier(table: RiskTable, options: KmOptions = {}): KmCurve {
  const confLevel = options.confLevel ?? 0.95;
  const type = options.confType ?? 'log';
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  let atRisk = table.n;
  let s = 1;
  let greenwood = 0;
  let events = 0;
  const points: KmPoint[] = [];
  for (const r of table.rows) {
    const d = r.events;
    if (d > 0) {
      s *= 1 - d / atRisk;
      greenwood += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity;
    }
    events += d;
    const seLog = s > 0 && Number.isFinite(greenwood) ? Math.sqrt(greenwood) : null;
    let lower: number | null = null;
    let upper: number | null = null;
    if (seLog !== null) {
      if (type === 'log') {
        lower = Math.exp(Math.log(s) - z * seLog);
        upper = Math.min(1, Math.exp(Math.log(s) + z * seLog));
      } else if (type === 'plain') {
        lower = Math.max(0, s - z * seLog * s);
        upper = Math.min(1, s + z * seLog * s);
      } else if (s < 1) {
        const w = (z * seLog) / Math.log(s);
        lower = Math.exp(-Math.exp(Math.log(-Math.log(s)) - w));
        upper = Math.exp(-Math.exp(Math.log(-Math.log(s)) + w));
      }
    }
    points.push({
      time: r.time,
      nRisk: atRisk,
      nEvent: d,
      nCensor: r.censored,
      survival: s,
      stdErr: seLog === null ? null : s * seLog,
      stdErrLog: seLog,
      lower,
      upper,
    });
    atRisk -= d + r.censored;
  }
  return { group: table.group, n: table.n, events, points };
}

/** Coordinator convenience: merge the nodes' risk tables and compute one curve per group. */
export function federatedKaplanMeier(
  perNode: readonly (readonly RiskTable[])[],
  options: KmOptions = {},
): KmCurve[] {
  return mergeRiskTables(perNode).map((t) => kaplanMeier(t, options));
}
