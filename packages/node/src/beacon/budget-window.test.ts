import { describe, expect, it } from 'vitest';
import { BudgetWindows } from './budget-window';

describe('BudgetWindows', () => {
  const rule = { limit: 3, windowSeconds: 3600 };
  const t0 = Date.parse('2027-03-01T12:00:00Z');
  const min = 60_000;

  it('counts each caller apart and refuses past the limit until the oldest query leaves the window', () => {
    const w = new BudgetWindows(86_400);
    expect([0, 1, 2].map((i) => w.take('ip:a', rule, t0 + i * min).remaining)).toEqual([2, 1, 0]);
    expect(w.take('ip:a', rule, t0 + 3 * min)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      retryAfterSeconds: 3600 - 180,
    });
    // A refused query is not counted, and another caller has a budget of its own.
    expect(w.take('ip:b', rule, t0 + 3 * min).allowed).toBe(true);
    // The window is (now - 1 h, now]: at exactly one hour the first query has left it.
    expect(w.take('ip:a', rule, t0 + 3600_000).allowed).toBe(true);
    expect(w.take('ip:a', rule, t0 + 3600_000 + 1).allowed).toBe(false);
  });

  it('counts queries loaded from the log, in any order, and gives back refunded ones', () => {
    const w = new BudgetWindows(86_400);
    w.add('ip:a', t0 + 2 * min);
    w.add('ip:a', t0);
    expect(w.take('ip:a', rule, t0 + 3 * min).remaining).toBe(0);
    expect(w.take('ip:a', rule, t0 + 4 * min)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 3600 - 240,
    });
    w.refund('ip:a', t0 + 3 * min);
    expect(w.take('ip:a', rule, t0 + 4 * min)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('forgets what is older than its horizon, and refuses rules it cannot check', () => {
    const w = new BudgetWindows(3600);
    w.take('ip:a', rule, t0);
    w.take('ip:b', rule, t0 + 30 * min);
    w.sweep(t0 + 61 * min);
    expect(w.callers).toBe(1);
    expect(() => w.take('ip:a', { limit: 5, windowSeconds: 7200 }, t0)).toThrow(/longer than the query log/);
  });
});
