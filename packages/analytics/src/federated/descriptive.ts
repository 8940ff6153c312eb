/**
 * Federated descriptive statistics as mergeable node summaries. A node returns, per numeric
 * variable, its count, mean and sum of squared deviations from that mean (Chan et al.'s parallel
 * form of "sums and sums of squares": the same information, without the cancellation that
 * Σx² − (Σx)²/n suffers on large n); the coordinator merges them exactly. Minimum and maximum are
 * single persons' values, so they are returned apart and flagged, and only when asked for; the
 * disclosure policy (packages/privacy) decides whether they may leave.
 */
import { invalid } from '@openehds/core';
import { isMissing, requireColumns, type DataColumns } from './data';

/** A node's (or a merged) summary of one numeric variable. */
export interface NumericSummary {
  variable: string;
  n: number;
  missing: number;
  mean: number;
  /** Σ(x − mean)² */
  sumSquaredDeviations: number;
  /** Present only when requested; single-person values, disclosive by nature. */
  extremes?: { min: number; max: number; disclosive: true };
}

/** Merged statistics of one numeric variable. */
export interface NumericStatistics extends NumericSummary {
  variance: number | null;
  sd: number | null;
}

/** Node side: a mergeable summary per numeric variable. */
export function localNumericSummary(
  data: DataColumns,
  variables: readonly string[],
  options: { includeExtremes?: boolean } = {},
): NumericSummary[] {
  requireColumns(data, variables);
  return variables.map((variable) => {
    const col = data[variable]!;
    let n = 0;
    let missing = 0;
    let mean = 0;
    let m2 = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (isMissing(v)) {
        missing++;
        continue;
      }
      if (typeof v !== 'number')
        throw invalid(`column '${variable}' holds '${String(v)}'; descriptive statistics need numbers`, [
          { path: variable, message: 'not numeric' },
        ]);
      // Welford's update.
      n++;
      const delta = v - mean;
      mean += delta / n;
      m2 += delta * (v - mean);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return {
      variable,
      n,
      missing,
      mean: n ? mean : 0,
      sumSquaredDeviations: m2,
      ...(options.includeExtremes && n ? { extremes: { min, max, disclosive: true as const } } : {}),
    };
  });
}

/** Merges two summaries of the same variable (Chan et al., 1979). */
function combine(a: NumericSummary, b: NumericSummary): NumericSummary {
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  const mean = n ? a.mean + (delta * b.n) / n : 0;
  const m2 = a.sumSquaredDeviations + b.sumSquaredDeviations + (n ? (delta * delta * a.n * b.n) / n : 0);
  const extremes =
    a.extremes && b.extremes
      ? {
          min: Math.min(a.extremes.min, b.extremes.min),
          max: Math.max(a.extremes.max, b.extremes.max),
          disclosive: true as const,
        }
      : a.n === 0
        ? b.extremes
        : b.n === 0
          ? a.extremes
          : undefined;
  return {
    variable: a.variable,
    n,
    missing: a.missing + b.missing,
    mean,
    sumSquaredDeviations: m2,
    ...(extremes ? { extremes } : {}),
  };
}

/** Coordinator: merges the nodes' summaries into count, mean, variance and SD per variable. */
export function mergeNumericSummaries(perNode: readonly (readonly NumericSummary[])[]): NumericStatistics[] {
  const byVar = new Map<string, NumericSummary>();
  for (const node of perNode)
    for (const s of node) {
      const prev = byVar.get(s.variable);
      byVar.set(s.variable, prev ? combine(prev, s) : s);
    }
  return [...byVar.values()].map((s) => {
    const variance = s.n > 1 ? s.sumSquaredDeviations / (s.n - 1) : null;
    return { ...s, variance, sd: variance === null ? null : Math.sqrt(variance) };
  });
}
