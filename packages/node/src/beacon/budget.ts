import type { Audience } from '@openehds/core';

/**
 * The per-caller query budget of the node's Beacon (issue 5 §3, EHDS.md §16: 1+MG query budgets; B2PI
 * applies them against enumeration). Many narrow queries can rebuild what one broad query may not
 * show — a genome one position at a time, a cohort one filter at a time — so each caller may ask only
 * so many queries per window. Pure rule; budget-store.ts keeps the count in the node's DuckDB store.
 */

export interface BudgetRule {
  /** Queries allowed within one window. */
  limit: number;
  windowSeconds: number;
}

/**
 * Default budgets per audience. Anonymous callers are keyed by network address, so theirs is the
 * tightest; a permit holder works through a cohort under a permit and needs more.
 */
export const DEFAULT_BEACON_BUDGETS: Record<Audience, BudgetRule> = {
  anonymous: { limit: 60, windowSeconds: 3600 },
  registered: { limit: 500, windowSeconds: 86_400 },
  permit_holder: { limit: 2000, windowSeconds: 86_400 },
};

/** What the budget allows now, given the queries already counted in the window. */
export interface BudgetDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the oldest counted query leaves the window (only when refused). */
  retryAfterSeconds?: number;
}

/** Whether one more query fits: `used` queries in the window, the oldest at `oldest`. */
export function budgetDecision(
  rule: BudgetRule,
  used: number,
  oldest: Date | null,
  now: Date,
): BudgetDecision {
  if (used < rule.limit) return { allowed: true, limit: rule.limit, remaining: rule.limit - used - 1 };
  const frees = oldest ? oldest.getTime() + rule.windowSeconds * 1000 : now.getTime();
  return {
    allowed: false,
    limit: rule.limit,
    remaining: 0,
    retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)),
  };
}

/** The message of the 429 answer: what ran out, and when it frees. */
export function budgetMessage(rule: BudgetRule, decision: BudgetDecision): string {
  const window =
    rule.windowSeconds % 3600 === 0 ? `${rule.windowSeconds / 3600} h` : `${rule.windowSeconds} s`;
  return (
    `query budget exhausted: ${rule.limit} Beacon queries per ${window} for this caller (a guard against ` +
    `enumeration, EHDS.md §16); try again in ${decision.retryAfterSeconds ?? 1} s`
  );
}
