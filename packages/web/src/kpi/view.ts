import { ApiError, type KpiFigure } from '@openehds/client';
import type { ChartDatum } from '../charts/chart-data';
import { fmt, formatNumber } from '../i18n/format';
import { kpiText as t } from './strings';

/** A KPI value with its unit (`12`, `30.5 days`, `3.8 %`, `4.1 score`), or "not measured". */
export function valueText(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return t.noValue;
  const n = formatNumber(Math.round(v * 10) / 10);
  const suffix = t.unitSuffix[unit];
  return suffix === undefined ? `${n} ${unit}` : `${n}${suffix}`;
}

/** Where a KPI stands against its target. */
export type Verdict = 'met' | 'not-met' | 'no-target' | 'no-value';

/** The verdict of a KPI: only manual KPIs carry targets. */
export function verdictOf(k: KpiFigure): Verdict {
  if (k.target === undefined || k.target === null) return 'no-target';
  if (k.met === null || k.met === undefined) return 'no-value';
  return k.met ? 'met' : 'not-met';
}

/** The words of a verdict. */
export function verdictText(v: Verdict): string {
  return { met: t.met, 'not-met': t.notMet, 'no-target': t.noTarget, 'no-value': t.noValueYet }[v];
}

/** The target as read beside the value: `≥ 4 score`. */
export function targetText(k: KpiFigure): string | null {
  if (k.target === undefined || k.target === null) return null;
  return fmt(t.targetValue, { op: k.direction === 'lower' ? '≤' : '≥', value: valueText(k.target, k.unit) });
}

/** A KPI's monthly series as chart data; a month with nothing measured is labelled, never drawn as 0. */
export function chartData(k: KpiFigure): ChartDatum[] {
  return k.series.map((s) => ({
    label: s.month,
    value: s.value,
    display: s.value === null ? '–' : valueText(s.value, k.unit),
  }));
}

/** Bars for counts per month; a line for durations, rates, stocks and recorded values. */
export function chartKind(k: KpiFigure): 'bar' | 'line' {
  return k.source === 'live' && k.unit === 'count' && k.currentBasis === 'window' ? 'bar' : 'line';
}

/** The hub's messages for one field of a form (problem+json `issues`). */
export function issuesOf(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.filter((i) => i.path === field).map((i) => i.message);
}

/** A number typed in a form (`3,5` read as 3.5), or null when it is not one. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
