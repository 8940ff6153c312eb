import { describe, expect, it } from 'vitest';
import type { RankingCriterion } from './criteria';
import { sensitivityAnalysis } from './sensitivity';

const B: RankingCriterion = { id: 'b', direction: 'benefit' };
const C: RankingCriterion = { id: 'c', direction: 'cost' };
// The weighted-sum example of mcda.test.ts: n(b) = 0, 0.5, 1 and n(c) = 1, 0, 0.5 for A, B, C.
const alts = [
  { id: 'A', values: { b: 1, c: 2 } },
  { id: 'B', values: { b: 3, c: 4 } },
  { id: 'C', values: { b: 5, c: 3 } },
];

describe('sensitivityAnalysis', () => {
  it('finds where the top changes, as computed by hand for the weighted sum', () => {
    const s = sensitivityAnalysis('weighted_sum', alts, [B, C], { b: 1, c: 3 });
    expect(s.top).toBe('A');
    const [b, c] = s.curves;
    // Exact to the tie tolerance (scores within 1e-9 tie, and a tie keeps the earlier id on top).
    // b's raw weight t, c fixed at 3: S_A = 3/(t+3), S_C = (t + 1.5)/(t+3); A leads while t < 1.5.
    expect(b!.criterion).toBe('b');
    expect(b!.below).toBeNull();
    expect(b!.above!.top).toBe('C');
    expect(b!.above!.weight).toBeCloseTo(1.5, 7);
    expect(b!.above!.share).toBeCloseTo(1 / 3, 7);
    // c's raw weight t, b fixed at 1: S_A = t/(1+t), S_C = (1 + 0.5t)/(1+t); A leads while t > 2.
    expect(c!.below!.top).toBe('C');
    expect(c!.below!.weight).toBeCloseTo(2, 7);
    expect(c!.below!.share).toBeCloseTo(2 / 3, 7);
    expect(c!.above).toBeNull();
  });

  it('reports ranks at each of the 13 steps from 0 to 3× the weight', () => {
    const s = sensitivityAnalysis('weighted_sum', alts, [B, C], { b: 1, c: 3 });
    const b = s.curves[0]!;
    expect(b.steps.map((p) => p.weight)).toEqual([
      0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3,
    ]);
    // At t = 0 only c counts: A (n=1) first, C (0.5) second, B (0) third.
    expect(b.steps[0]!.ranks).toEqual({ A: 1, C: 2, B: 3 });
    expect(b.steps[0]!.share).toBe(0);
    // At t = 1.5 (shares 1/3, 2/3) A = 0 + 2/3·1 = 2/3 and C = 1/3·1 + 2/3·0.5 = 2/3 tie: shared rank 1.
    expect(b.steps[6]!.ranks).toEqual({ A: 1, C: 1, B: 3 });
    // At t = 3 (share 1/2): A 0.5, C 0.75, B 0.25.
    expect(b.steps[12]!.ranks).toEqual({ C: 1, A: 2, B: 3 });
    expect(b.steps[12]!.top).toBe('C');
  });

  it('leaves out the step where the only weighted criterion drops to 0, and varies a 0 weight too', () => {
    const s = sensitivityAnalysis('topsis', alts, [B, C], { b: 2, c: 0 });
    const [b, c] = s.curves;
    expect(b!.steps[0]!.weight).toBe(0.5); // 0 left out: nothing would count
    expect(b!.steps).toHaveLength(12);
    // c weighs 0: varied up to 3 × the mean positive weight (2) = 6.
    expect(c!.currentWeight).toBe(0);
    expect(c!.steps.at(-1)!.weight).toBe(6);
    expect(c!.below).toBeNull();
    // Only b counts at first: C (b 5) leads; weighting the cost c enough brings A (c 2) ahead.
    expect(s.top).toBe('C');
    expect(c!.above?.top).toBe('A');
  });

  it('has no top and no switches without alternatives', () => {
    const s = sensitivityAnalysis('topsis', [], [B, C], { b: 1, c: 1 });
    expect(s.top).toBeNull();
    expect(s.curves.every((curve) => curve.steps.length === 0 && !curve.below && !curve.above)).toBe(true);
  });
});
