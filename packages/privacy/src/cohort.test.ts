import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { cohortDigest, cohortOf, decodeCohort, differenceSizes, encodeCohort } from './cohort';

describe('cohort', () => {
  it('sorts and removes duplicate person ids', () => {
    expect(Array.from(cohortOf([5, 1, 5, 3, 1]))).toEqual([1, 3, 5]);
  });

  it('refuses ids that are not 32-bit unsigned integers', () => {
    expect(() => cohortOf([1, -2])).toThrow(AppError);
    expect(() => cohortOf([1.5])).toThrow(/not an integer/);
    expect(() => cohortOf([2 ** 32])).toThrow(AppError);
  });

  it('counts both set differences like a Set would', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200)), fc.array(fc.nat(200)), (xs, ys) => {
        const a = new Set(xs);
        const b = new Set(ys);
        const got = differenceSizes(cohortOf(xs), cohortOf(ys));
        expect(got.aOnly).toBe([...a].filter((x) => !b.has(x)).length);
        expect(got.bOnly).toBe([...b].filter((y) => !a.has(y)).length);
      }),
    );
  });

  it('stops early once both differences reach the cap, never under-reporting below it', () => {
    const a = cohortOf(Array.from({ length: 1000 }, (_, i) => 2 * i));
    const b = cohortOf(Array.from({ length: 1000 }, (_, i) => 2 * i + 1));
    const capped = differenceSizes(a, b, 10);
    expect(capped.aOnly).toBeGreaterThanOrEqual(10);
    expect(capped.bOnly).toBeGreaterThanOrEqual(10);
    expect(capped.aOnly).toBeLessThan(1000);
  });

  it('round-trips through the compact encoding, using fewer bytes than 4 per person for dense ids', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff })), (xs) => {
        const c = cohortOf(xs);
        expect(Array.from(decodeCohort(encodeCohort(c)))).toEqual(Array.from(c));
      }),
    );
    const dense = cohortOf(Array.from({ length: 10_000 }, (_, i) => 1_000_000 + i * 3));
    expect(encodeCohort(dense).length).toBeLessThan(dense.length * 1.1);
  });

  it('gives the same digest to the same people in any order, and another to different people', () => {
    expect(cohortDigest(cohortOf([3, 1, 2]))).toBe(cohortDigest(cohortOf([1, 2, 3, 3])));
    expect(cohortDigest(cohortOf([1, 2, 3]))).not.toBe(cohortDigest(cohortOf([1, 2, 4])));
  });
});
