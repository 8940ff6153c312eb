import { describe, expect, it } from 'vitest';
import type { RankingCriterion } from './criteria';
import { rankScores } from './ranking';
import { minMaxNormalise, weightedSumRanking } from './weighted-sum';
import { topsisRanking } from './topsis';

const B: RankingCriterion = { id: 'b', direction: 'benefit' };
const C: RankingCriterion = { id: 'c', direction: 'cost' };

describe('weighted sum with min–max normalisation', () => {
  it('normalises benefit upward, cost downward, and a flat criterion to 1', () => {
    expect(minMaxNormalise([1, 3, 5], 'benefit')).toEqual([0, 0.5, 1]);
    expect(minMaxNormalise([2, 4, 3], 'cost')).toEqual([1, 0, 0.5]);
    expect(minMaxNormalise([4, 4], 'cost')).toEqual([1, 1]);
  });

  it('matches a hand computation', () => {
    // By hand: weights b=1, c=3 → 0.25, 0.75.
    //   b (benefit) 1,3,5 → n = 0, 0.5, 1;  c (cost) 2,4,3 → n = (4−x)/2 = 1, 0, 0.5
    //   A = 0.25·0 + 0.75·1 = 0.75;  B = 0.25·0.5 + 0 = 0.125;  C = 0.25·1 + 0.75·0.5 = 0.625
    const ranked = weightedSumRanking(
      [
        { id: 'A', values: { b: 1, c: 2 } },
        { id: 'B', values: { b: 3, c: 4 } },
        { id: 'C', values: { b: 5, c: 3 } },
      ],
      [B, C],
      { b: 1, c: 3 },
    );
    expect(ranked.map((r) => r.id)).toEqual(['A', 'C', 'B']);
    expect(ranked.map((r) => r.score)).toEqual([0.75, 0.625, 0.125]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('ignores a criterion weighted 0 and answers nothing for no alternatives', () => {
    const alts = [
      { id: 'A', values: { b: 1, c: 1 } },
      { id: 'B', values: { b: 2, c: 5 } },
    ];
    expect(weightedSumRanking(alts, [B, C], { b: 1, c: 0 }).map((r) => r.id)).toEqual(['B', 'A']);
    expect(weightedSumRanking([], [B, C], { b: 1 })).toEqual([]);
  });
});

describe('TOPSIS', () => {
  it('matches a hand computation', () => {
    // By hand: A = (b 1, c 2), B = (2, 1), C = (2, 2); weights b=2, c=1 → 2/3, 1/3.
    //   Vector norms: b √(1+4+4) = 3, c √(4+1+4) = 3, so r = x/3.
    //   v = w·r:  A = (2/9, 2/9)   B = (4/9, 1/9)   C = (4/9, 2/9)
    //   Ideal (max b, min c) A⁺ = (4/9, 1/9); anti-ideal A⁻ = (2/9, 2/9).
    //   A: D⁺ = √((2/9)² + (1/9)²) = √5/9, D⁻ = 0        → C = 0
    //   B: D⁺ = 0,                         D⁻ = √5/9    → C = 1
    //   C: D⁺ = √(0 + (1/9)²) = 1/9,       D⁻ = √((2/9)² + 0) = 2/9 → C = (2/9)/(3/9) = 2/3
    const ranked = topsisRanking(
      [
        { id: 'A', values: { b: 1, c: 2 } },
        { id: 'B', values: { b: 2, c: 1 } },
        { id: 'C', values: { b: 2, c: 2 } },
      ],
      [B, C],
      { b: 2, c: 1 },
    );
    expect(ranked.map((r) => r.id)).toEqual(['B', 'C', 'A']);
    expect(ranked[0]!.score).toBeCloseTo(1, 12);
    expect(ranked[1]!.score).toBeCloseTo(2 / 3, 12);
    expect(ranked[2]!.score).toBeCloseTo(0, 12);
  });

  it('matches a second hand computation where the weights make the ideal a mix', () => {
    // By hand: A = (b 3, c 4), B = (4, 3); equal weights 1/2.
    //   Norms: b √(9+16) = 5, c 5. v: A = (0.3, 0.4), B = (0.4, 0.3).
    //   A⁺ = (0.4, 0.3) = B, A⁻ = (0.3, 0.4) = A → B closeness 1, A 0.
    // With b benefit but c also benefit, the two are symmetric: a tie at 0.5.
    const alts = [
      { id: 'A', values: { b: 3, c: 4 } },
      { id: 'B', values: { b: 4, c: 3 } },
    ];
    expect(topsisRanking(alts, [B, C], { b: 1, c: 1 }).map((r) => [r.id, r.score])).toEqual([
      ['B', 1],
      ['A', 0],
    ]);
    const tie = topsisRanking(alts, [B, { id: 'c', direction: 'benefit' }], { b: 1, c: 1 });
    expect(tie.map((r) => r.rank)).toEqual([1, 1]);
    expect(tie[0]!.score).toBeCloseTo(0.5, 12);
  });

  it('gives 0.5 to every alternative when all are the same point', () => {
    const same = topsisRanking(
      [
        { id: 'A', values: { b: 3, c: 3 } },
        { id: 'B', values: { b: 3, c: 3 } },
      ],
      [B, C],
      { b: 1, c: 1 },
    );
    expect(same.map((r) => [r.score, r.rank])).toEqual([
      [0.5, 1],
      [0.5, 1],
    ]);
  });

  it('refuses an alternative without a value for a criterion (a caller bug)', () => {
    expect(() => topsisRanking([{ id: 'A', values: { b: 1 } }], [B, C], { b: 1, c: 1 })).toThrow(
      /A has no value for criterion c/,
    );
  });
});

describe('rankScores', () => {
  it('gives equal scores the same competition rank, listing ties by id', () => {
    expect(
      rankScores([
        { id: 'z', score: 0.5 },
        { id: 'a', score: 0.9 },
        { id: 'm', score: 0.5 },
        { id: 'q', score: 0.1 },
      ]).map((r) => `${r.id}${r.rank}`),
    ).toEqual(['a1', 'm2', 'z2', 'q4']);
  });
});
