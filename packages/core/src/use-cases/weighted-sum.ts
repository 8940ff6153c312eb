import type { RankingCriterion } from './criteria';
import { rankScores, valueOf, type RankedAlternative, type RankingAlternative } from './ranking';

/**
 * Min–max normalisation of one criterion across the alternatives, onto 0…1 with 1 the best:
 * (x − min)/(max − min) for a benefit criterion, (max − x)/(max − min) for a cost criterion. When
 * every alternative has the same value the criterion separates nothing; all get 1. Pure.
 */
export function minMaxNormalise(
  values: readonly number[],
  direction: RankingCriterion['direction'],
): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const range = max - min;
  if (range === 0) return values.map(() => 1);
  return values.map((x) => (direction === 'benefit' ? (x - min) / range : (max - x) / range));
}

/**
 * Simple additive weighting: each alternative's score is Σ w_j · n_ij over the criteria, with
 * n min–max normalised (benefit up, cost down) and w the weights scaled to sum to 1, so a score lies
 * in 0…1. Pure.
 */
export function weightedSumRanking(
  alternatives: readonly RankingAlternative[],
  criteria: readonly RankingCriterion[],
  weights: Readonly<Record<string, number>>,
): RankedAlternative[] {
  if (!alternatives.length) return [];
  const total = criteria.reduce((s, c) => s + (weights[c.id] ?? 0), 0);
  const scores = alternatives.map(() => 0);
  for (const c of criteria) {
    const w = (weights[c.id] ?? 0) / total;
    if (w === 0) continue;
    const n = minMaxNormalise(
      alternatives.map((a) => valueOf(a, c)),
      c.direction,
    );
    n.forEach((v, i) => (scores[i]! += w * v));
  }
  return rankScores(alternatives.map((a, i) => ({ id: a.id, score: scores[i]! })));
}
