/**
 * How an analysis answer reads on the page: the GLM's coefficient table, fit statistics, the
 * disclosure-control records of the nodes summarised, and why a refused or failed analysis gave no
 * result (issue 4 §2, §4). The hub's answer is read defensively — a coefficient may come as
 * `{ se, z | t, p }` or as the analytics package's `{ stdError, statistic, pValue }`. Pure, no React.
 */
import type { AnalysisRun } from './types';

/** One row of the coefficient table. */
export interface CoefficientRow {
  name: string;
  estimate: number | null;
  se: number | null;
  statistic: number | null;
  p: number | null;
}

/** A fitted GLM as the page shows it. */
export interface GlmView {
  coefficients: CoefficientRow[];
  /** 'z' (binomial, Poisson) or 't' (Gaussian). */
  statisticName: 'z' | 't';
  n: number | null;
  iterations: number | null;
  deviance: number | null;
  aic: number | null;
  converged: boolean | null;
  warnings: string[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const first = (o: Json, keys: string[]): number | null => {
  for (const k of keys) if (num(o[k]) !== null) return num(o[k]);
  return null;
};

/** The GLM of an analysis result, or null when the result holds none. */
export function glmView(result: unknown): GlmView | null {
  const r = obj(result);
  const inner = Array.isArray(r.coefficients) ? r : obj(r.glm ?? r.model);
  if (!Array.isArray(inner.coefficients)) return null;
  const family = typeof inner.family === 'string' ? inner.family : '';
  const statisticName =
    inner.statistic === 't' || inner.statistic === 'z'
      ? inner.statistic
      : inner.coefficients.some((c) => num(obj(c).t) !== null) || family === 'gaussian'
        ? 't'
        : 'z';
  return {
    coefficients: inner.coefficients.map((c) => {
      const o = obj(c);
      return {
        name: typeof o.name === 'string' ? o.name : typeof o.term === 'string' ? o.term : '?',
        estimate: first(o, ['estimate', 'beta']),
        se: first(o, ['se', 'stdError', 'standardError']),
        statistic: first(o, ['z', 't', 'statistic']),
        p: first(o, ['p', 'pValue']),
      };
    }),
    statisticName,
    n: first(inner, ['n', 'nobs']),
    iterations: first(inner, ['iterations', 'iter']),
    deviance: first(inner, ['deviance']),
    aic: first(inner, ['aic', 'AIC']),
    converged: typeof inner.converged === 'boolean' ? inner.converged : null,
    warnings: Array.isArray(inner.warnings)
      ? inner.warnings.filter((w): w is string => typeof w === 'string')
      : [],
  };
}

/** An estimate, SE or statistic with four significant digits (R's `summary` shows about as many). */
export function formatStat(v: number | null): string {
  if (v === null) return '—';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-4) return v.toExponential(3).replace('e', '×10^').replace('^+', '^');
  return Number(v.toPrecision(4)).toString();
}

/** A p-value as journals print it: "< 0.001" below a thousandth, else three decimals. */
export function formatP(p: number | null): string {
  if (p === null) return '—';
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}

/** One node's disclosure-control records, summarised. */
export interface SdcSummary {
  /** Whose records: a node name or id, or the record's label. */
  who: string;
  /** released: passed; refused: disclosure control or the permit refused; error: the node could not run it. */
  outcome: 'released' | 'refused' | 'error' | 'unknown';
  /** Rule checks by outcome over the node's records: passed, suppressed, refused… */
  counts: Record<string, number>;
  /** Why something was refused or failed: the node's message, each refused rule with its note. */
  reasons: string[];
}

/** The entries an analysis carries: one per node (an array, or `{ nodes: [...] }`), or a single record. */
function entriesOf(sdc: unknown): Json[] {
  if (Array.isArray(sdc)) return sdc.map(obj);
  const o = obj(sdc);
  if (Array.isArray(o.nodes)) return o.nodes.map(obj);
  return Object.keys(o).length ? [o] : [];
}

const NODE_STATUS: Record<string, SdcSummary['outcome']> = {
  ok: 'released',
  refused: 'refused',
  error: 'error',
  unavailable: 'error',
};

/**
 * Each node's disclosure records, summarised as passed, refused or failed with the reasons. A node's
 * entry is `{ nodeId, nodeName, status, message, records: [...] }` (the hub's), `{ …, record }`, or a
 * bare SDC record.
 */
export function sdcSummaries(sdc: unknown): SdcSummary[] {
  return entriesOf(sdc).map((entry, i) => {
    const records = Array.isArray(entry.records)
      ? entry.records.map(obj)
      : [obj(entry.record ?? entry.sdc ?? entry)];
    const who =
      [entry.nodeName, entry.nodeId, entry.node, records[0]?.label].find(
        (v): v is string => typeof v === 'string',
      ) ?? `#${i + 1}`;
    const counts: Record<string, number> = {};
    const reasons: string[] = [];
    if (typeof entry.message === 'string' && entry.message && entry.status !== 'ok')
      reasons.push(entry.message);
    for (const record of records)
      for (const rule of Array.isArray(record.rules) ? record.rules.map(obj) : []) {
        const outcome = typeof rule.outcome === 'string' ? rule.outcome : 'unknown';
        counts[outcome] = (counts[outcome] ?? 0) + 1;
        const reason = `${String(rule.rule ?? '')}${rule.note ? `: ${String(rule.note)}` : ''}`.trim();
        if (outcome === 'refused' && !reasons.includes(reason)) reasons.push(reason);
      }
    const byRecords: SdcSummary['outcome'] = records.some((r) => r.outcome === 'refused')
      ? 'refused'
      : records.length > 0 && records.every((r) => r.outcome === 'released')
        ? 'released'
        : 'unknown';
    const outcome = typeof entry.status === 'string' ? (NODE_STATUS[entry.status] ?? byRecords) : byRecords;
    return { who, outcome, counts, reasons };
  });
}

/** Why an analysis gave no result: its error's message, else the refused rules' notes. */
export function refusalReason(run: {
  status: AnalysisRun['status'];
  error?: unknown;
  sdc?: unknown;
}): string | null {
  if (run.status === 'DONE' || run.status === 'RUNNING') return null;
  const e = run.error;
  const message =
    typeof e === 'string'
      ? e
      : typeof obj(e).message === 'string'
        ? (obj(e).message as string)
        : typeof obj(e).detail === 'string'
          ? (obj(e).detail as string)
          : '';
  if (message) return message;
  const reasons = sdcSummaries(run.sdc).flatMap((s) => s.reasons.map((r) => `${s.who}: ${r}`));
  return reasons.length ? reasons.join('; ') : null;
}

/** What an analysis asked, for the list of analyses: a GLM's formula and family, a table's variables… */
export function requestSummary(request: unknown): string {
  const r = obj(request);
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  if (r.kind === 'describe')
    return `${Object.keys(obj(r.variables)).join(', ')}${s(r.by) ? ` by ${s(r.by)}` : ''}`;
  if (r.kind === 'table') return `${s(r.rows)}${s(r.columns) ? ` × ${s(r.columns)}` : ''}`;
  if (r.kind === 'km')
    return `${s(r.survival)}${s(r.group) ? ` by ${s(r.group)}` : ''}${typeof r.intervalDays === 'number' ? ` · ${r.intervalDays} d` : ''}`;
  const parts = [r.formula, r.family].filter((v): v is string => typeof v === 'string');
  return parts.join(' · ');
}
