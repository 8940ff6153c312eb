import type { RankingCriterion } from './criteria';
import { rankScores, valueOf, type RankedAlternative, type RankingAlternative } from './ranking';

/**
 * TOPSIS (Hwang & Yoon 1981): vector-normalise each criterion (r_ij = x_ij / √Σ_i x_ij²), weight it
 * (v_ij = w_j · r_ij, weights scaled to sum to 1), take the ideal (best value of each criterion: the
 * highest for a benefit, the lowest for a cost) and the anti-ideal (the worst), and score each
 * alternative by its relative closeness C_i = D⁻ / (D⁺ + D⁻), with D⁺ and D⁻ its Euclidean distances
 * to the ideal and anti-ideal. C lies in 0…1, 1 being the ideal itself. When every alternative is
 * the same point (D⁺ = D⁻ = 0) none is closer than another; all get 0.5. Pure.
 */
export function topsisRanking(
  alternatives: readonly RankingAlternative[],
  criteria: readonly RankingCriterion[],
  weights: Readonly<Record<string, number>>,
): RankedAlternative[] {
  if (!alternatives.length) return [];
  const total = criteria.reduce((s, c) => s + (weights[c.id] ?? 0), 0);
  const dPlus = alternatives.map(() => 0);
  const dMinus = alternatives.map(() => 0);
  for (const c of criteria) {
    const w = (weights[c.id] ?? 0) / total;
    const x = alternatives.map((a) => valueOf(a, c));
    const norm = Math.sqrt(x.reduce((s, v) => s + v * v, 0));
    // An all-zero column carries no information (and cannot be divided by its norm).
    const v = x.map((xi) => (norm === 0 ? 0 : (w * xi) / norm));
    const best = c.direction === 'benefit' ? Math.max(...v) : Math.min(...v);
    const worst = c.direction === 'benefit' ? Math.min(...v) : Math.max(...v);
    v.forEach((vi, i) => {
      dPlus[i]! += (vi - best) ** 2;
      dMinus[i]! += (vi - worst) ** 2;
    });
  }
  return rankScores(
    alternatives.map((a, i) => {
      const plus = Math.sqrt(dPlus[i]!);
      const minus = Math.sqrt(dMinus[i]!);
      return { id: a.id, score: plus + minus === 0 ? 0.5 : minus / (plus + minus) };
    }),
  );
}
