import { describe, expect, it } from 'vitest';
import { budgetDecision, budgetMessage } from './budget';

describe('budgetDecision', () => {
  const rule = { limit: 3, windowSeconds: 3600 };
  const now = new Date('2027-03-01T12:00:00Z');

  it('allows while queries remain, counting down', () => {
    expect(budgetDecision(rule, 0, null, now)).toEqual({ allowed: true, limit: 3, remaining: 2 });
    expect(budgetDecision(rule, 2, now, now)).toEqual({ allowed: true, limit: 3, remaining: 0 });
  });

  it('refuses when spent, until the oldest counted query leaves the window', () => {
    const oldest = new Date(now.getTime() - 3000 * 1000);
    const d = budgetDecision(rule, 3, oldest, now);
    expect(d).toEqual({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 600 });
    expect(budgetMessage(rule, d)).toBe(
      'query budget exhausted: 3 Beacon queries per 1 h for this caller (a guard against enumeration, EHDS.md §16); try again in 600 s',
    );
  });
});
