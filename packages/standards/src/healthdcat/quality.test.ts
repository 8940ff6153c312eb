import { describe, expect, it } from 'vitest';
import { quantumScore, quantumStars } from './quality';
import { QUANTUM_WEIGHTS } from './vocab';

describe('QUANTUM-style label', () => {
  it('turns scores into stars at the 25/45/60/80/90 cut-offs', () => {
    const cases: [number, number][] = [
      [0, 0],
      [24.99, 0],
      [25, 1],
      [44.9, 1],
      [45, 2],
      [60, 3],
      [79.99, 3],
      [80, 4],
      [90, 5],
      [100, 5],
    ];
    for (const [score, stars] of cases) expect(quantumStars(score)).toBe(stars);
  });

  it('weights dimensions and re-normalises over those given', () => {
    expect(quantumScore({ accuracy: 80, precision: 80 })).toBe(80);
    const weighted =
      (QUANTUM_WEIGHTS.accuracy * 100 + QUANTUM_WEIGHTS.precision * 0) /
      (QUANTUM_WEIGHTS.accuracy + QUANTUM_WEIGHTS.precision);
    expect(quantumScore({ accuracy: 100, precision: 0 })).toBeCloseTo(weighted, 2);
    expect(quantumScore({})).toBe(0);
  });
});
