import type { RankingCriterion } from './criteria';

/** One alternative to rank: its value on each criterion (here, the mean of stakeholders' scores). */
export interface RankingAlternative {
  id: string;
  values: Record<string, number>;
}

/** The ranking methods offered. */
export const RANKING_METHODS = ['weighted_sum', 'topsis'] as const;
export type RankingMethod = (typeof RANKING_METHODS)[number];

/** An alternative's place: its method score (higher is better) and its rank (1 is best; ties share). */
export interface RankedAlternative {
  id: string;
  score: number;
  rank: number;
}

/** Scores closer than this are a tie (floating-point sums of the same numbers in another order). */
export const TIE_TOLERANCE = 1e-9;

/**
 * Orders alternatives by score, best first, with standard competition ranks (1, 2, 2, 4): equal
 * scores share a rank. Ties are listed by id so the order is stable. Pure.
 */
export function rankScores(scores: readonly { id: string; score: number }[]): RankedAlternative[] {
  const sorted = [...scores].sort((a, b) =>
    Math.abs(a.score - b.score) <= TIE_TOLERANCE ? a.id.localeCompare(b.id) : b.score - a.score,
  );
  const ranked: RankedAlternative[] = [];
  sorted.forEach((s, i) => {
    const prev = ranked[i - 1];
    const rank = prev && Math.abs(prev.score - s.score) <= TIE_TOLERANCE ? prev.rank : i + 1;
    ranked.push({ id: s.id, score: s.score, rank });
  });
  return ranked;
}

/** The value of an alternative on a criterion; a missing value is a programming error upstream. */
export function valueOf(a: RankingAlternative, c: RankingCriterion): number {
  const v = a.values[c.id];
  if (v === undefined || !Number.isFinite(v)) {
    throw new Error(`alternative ${a.id} has no value for criterion ${c.id}`);
  }
  return v;
}
