import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundCount } from './rounding';
import { failsNk, failsPRatio } from './dominance';

describe('roundCount', () => {
  it('rounds to the nearest multiple, halves up', () => {
    expect(roundCount(12, 5, 10)).toBe(10);
    expect(roundCount(13, 5, 10)).toBe(15);
    expect(roundCount(15, 10, 10)).toBe(20);
    expect(roundCount(14, 10, 10)).toBe(10);
  });

  it('never rounds a released count below the threshold', () => {
    expect(roundCount(12, 5, 12)).toBe(15);
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(1000),
        (k, base, extra) => {
          const v = roundCount(k + extra, base, k);
          expect(v).toBeGreaterThanOrEqual(k);
          expect(v % base).toBe(0);
        },
      ),
    );
  });

  it('keeps zero as zero and leaves counts alone with base 1', () => {
    expect(roundCount(0, 5, 10)).toBe(0);
    expect(roundCount(17, 1, 10)).toBe(17);
  });
});

describe('dominance rules', () => {
  it('(2, 0.9) fails when the two largest make up 90 % of the total', () => {
    expect(failsNk([900, 50, 10, 10, 10, 10, 10], [{ n: 2, k: 0.9 }])).toEqual({ n: 2, k: 0.9 });
    expect(failsNk([30, 20, 20, 10, 10, 10], [{ n: 2, k: 0.9 }])).toBeUndefined();
  });

  it('uses absolute contributions, so a negative outlier dominates too', () => {
    expect(failsNk([-1000, 1, 1, 1, 1, 1], [{ n: 1, k: 0.5 }])).toBeDefined();
  });

  it('p-ratio fails when the rest is under p of the largest', () => {
    expect(failsPRatio([1000, 500, 20, 20, 20], 0.1)).toBe(true); // rest 60 < 100
    expect(failsPRatio([1000, 500, 60, 30, 20], 0.1)).toBe(false); // rest 110 ≥ 100
    expect(failsPRatio([1000, 500, 20], 0)).toBe(false);
  });
});
