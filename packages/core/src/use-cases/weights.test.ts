import { describe, expect, it } from 'vitest';
import { USE_CASE_CRITERIA, DEFAULT_USE_CASE_WEIGHTS } from './criteria';
import { checkWeights } from './weights';

const criteria = [
  { id: 'b', direction: 'benefit' as const },
  { id: 'c', direction: 'cost' as const },
];

describe('checkWeights', () => {
  it('accepts non-negative weights, counts a missing criterion as 0 and scales them to sum to 1', () => {
    expect(checkWeights({ b: 3 }, criteria)).toEqual({
      ok: true,
      weights: { raw: { b: 3, c: 0 }, normalised: { b: 1, c: 0 } },
    });
    const check = checkWeights({ b: 1, c: 3 }, criteria);
    expect(check.ok && check.weights.normalised).toEqual({ b: 0.25, c: 0.75 });
  });

  it('accepts the default weights of the use-case criteria', () => {
    const check = checkWeights(DEFAULT_USE_CASE_WEIGHTS, USE_CASE_CRITERIA);
    expect(check.ok).toBe(true);
  });

  it('says why for each bad weight: negative, not a number, infinite, unknown criterion', () => {
    const check = checkWeights({ b: -1, c: Number.POSITIVE_INFINITY, x: 1 }, criteria);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues).toEqual([
      { path: 'weights.b', message: expect.stringMatching(/-1 is negative/) },
      { path: 'weights.c', message: expect.stringMatching(/finite number, not infinity/) },
      { path: 'weights.x', message: expect.stringMatching(/"x" is not a criterion; use one of b, c/) },
    ]);
    const nan = checkWeights({ b: Number.NaN, c: '2' }, criteria);
    expect(!nan.ok && nan.issues.map((i) => [i.path, i.message])).toEqual([
      ['weights.b', 'the weight must be a number'],
      ['weights.c', 'the weight must be a number'],
    ]);
  });

  it('refuses all-zero and empty weights, and a non-object', () => {
    for (const input of [{ b: 0, c: 0 }, {}]) {
      const check = checkWeights(input, criteria);
      expect(!check.ok && check.issues).toEqual([
        { path: 'weights', message: expect.stringMatching(/every weight is 0/) },
      ]);
    }
    for (const input of [null, [1, 2], 3]) {
      const check = checkWeights(input, criteria);
      expect(!check.ok && check.issues[0]!.path).toBe('weights');
    }
  });

  it('refuses weights too large to add up', () => {
    const check = checkWeights({ b: Number.MAX_VALUE, c: Number.MAX_VALUE }, criteria);
    expect(!check.ok && check.issues[0]!.message).toMatch(/too large/);
  });
});
