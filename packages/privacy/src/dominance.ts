import type { NkRule } from '@openehds/core';

/**
 * Dominance rules for magnitude statistics (sums, means), on absolute contributions:
 * - (n, k): fails when the n largest contributions make up ≥ k of the total (ACRO `safe_nk_n` 2,
 *   `safe_nk_k` 0.9): a dominant contributor could estimate the others, or be estimated;
 * - p-ratio: fails when the total less the two largest contributions is < p × the largest (ACRO
 *   `safe_pratio_p` 0.1): the second largest contributor could estimate the largest within p %.
 */

/** The first (n,k) rule that fails, or undefined. */
export function failsNk(values: readonly number[], rules: readonly NkRule[]): NkRule | undefined {
  const sorted = values.map(Math.abs).sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  if (total === 0) return undefined;
  return rules.find((r) => sorted.slice(0, r.n).reduce((s, v) => s + v, 0) >= r.k * total);
}

/** Whether the p-ratio rule fails (p = 0 disables it). */
export function failsPRatio(values: readonly number[], p: number): boolean {
  if (p <= 0 || values.length === 0) return false;
  const sorted = values.map(Math.abs).sort((a, b) => b - a);
  const largest = sorted[0]!;
  if (largest === 0) return false;
  const rest = sorted.slice(2).reduce((s, v) => s + v, 0);
  return rest < p * largest;
}
