import type { Issue } from '../errors/app-error';
import type { RankingCriterion } from './criteria';

/** Valid weights: the raw ones as given (missing criteria as 0) and the same scaled to sum to 1. */
export interface ValidWeights {
  raw: Record<string, number>;
  normalised: Record<string, number>;
}

/** The outcome of checking weights: valid, or every reason they are not, each at its field. */
export type WeightCheck = { ok: true; weights: ValidWeights } | { ok: false; issues: Issue[] };

/**
 * Checks weights for a multi-criteria ranking (issue 6 "Bad input": weights that do not make sense
 * are refused with a message saying why). Each weight must be a finite number ≥ 0 for a known
 * criterion, and at least one must be above 0. A criterion left out weighs 0. Every fault is listed
 * at `weights.<criterion>` (or `weights` for the whole set). Pure.
 */
export function checkWeights(input: unknown, criteria: readonly RankingCriterion[]): WeightCheck {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ path: 'weights', message: 'give the weights as an object of criterion → number' }],
    };
  }
  const known = new Set(criteria.map((c) => c.id));
  const issues: Issue[] = [];
  const raw: Record<string, number> = Object.fromEntries(criteria.map((c) => [c.id, 0]));
  for (const [id, value] of Object.entries(input as Record<string, unknown>)) {
    const path = `weights.${id}`;
    if (!known.has(id)) {
      issues.push({
        path,
        message: `"${id}" is not a criterion; use one of ${[...known].join(', ')}`,
      });
      continue;
    }
    if (typeof value !== 'number' || Number.isNaN(value)) {
      issues.push({ path, message: 'the weight must be a number' });
    } else if (!Number.isFinite(value)) {
      issues.push({ path, message: 'the weight must be a finite number, not infinity' });
    } else if (value < 0) {
      issues.push({
        path,
        message: `the weight ${value} is negative; a weight says how much a criterion counts, from 0 (not at all) up`,
      });
    } else raw[id] = value;
  }
  if (issues.length) return { ok: false, issues };
  const total = Object.values(raw).reduce((s, w) => s + w, 0);
  if (total <= 0) {
    return {
      ok: false,
      issues: [
        {
          path: 'weights',
          message: 'every weight is 0, so nothing would count; give at least one criterion a weight above 0',
        },
      ],
    };
  }
  if (!Number.isFinite(total)) {
    return { ok: false, issues: [{ path: 'weights', message: 'the weights are too large to add up' }] };
  }
  const normalised = Object.fromEntries(Object.entries(raw).map(([id, w]) => [id, w / total]));
  return { ok: true, weights: { raw, normalised } };
}
