import type { RankingCriterion } from './criteria';
import type { RankedAlternative, RankingAlternative, RankingMethod } from './ranking';
import { topsisRanking } from './topsis';
import { weightedSumRanking } from './weighted-sum';

/** Ranks alternatives with the chosen method (weights need not sum to 1; at least one must be > 0). Pure. */
export function rankWith(
  method: RankingMethod,
  alternatives: readonly RankingAlternative[],
  criteria: readonly RankingCriterion[],
  weights: Readonly<Record<string, number>>,
): RankedAlternative[] {
  return method === 'topsis'
    ? topsisRanking(alternatives, criteria, weights)
    : weightedSumRanking(alternatives, criteria, weights);
}
