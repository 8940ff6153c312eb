import type { Queryable } from '@openehds/db';

/**
 * The per-caller query budget of the hub's Beacon network (issue 5 §3, EHDS.md §16: a guard against
 * enumeration — a genome rebuilt one position at a time, a cohort one filter at a time). A token
 * bucket per caller: `limit` queries at most in a burst, refilled at `limit` per `windowSeconds`, so a
 * caller who spent it all gets one query back every `windowSeconds / limit` seconds. Kept in the hub
 * store (migration 0020), so restarts and several hub processes share it; one SQL statement takes a
 * token, so two requests at once cannot both take the last one.
 */

export interface BeaconBudgetRule {
  /** Queries in one burst (the bucket's size). */
  limit: number;
  /** Seconds over which a spent budget refills completely. */
  windowSeconds: number;
}

/** What the budget said about one query. */
export interface BudgetOutcome {
  allowed: boolean;
  limit: number;
  /** Whole queries left after this one (0 when refused). */
  remaining: number;
  /** Seconds until one query is allowed again (only when refused). */
  retryAfterSeconds?: number;
  /** Seconds until the whole budget is back. */
  fullInSeconds: number;
}

const rate = (rule: BeaconBudgetRule) => rule.limit / rule.windowSeconds;

/** Takes one query from the caller's bucket, if there is one; otherwise says when there will be. */
export async function spendBeaconBudget(
  db: Queryable,
  caller: string,
  rule: BeaconBudgetRule,
  now: Date,
): Promise<BudgetOutcome> {
  const perSecond = rate(rule);
  // The bucket as of now: what was left plus the refill since, capped at the limit.
  const level = `LEAST($2::double precision, beacon_budget.tokens +
    GREATEST(0, EXTRACT(EPOCH FROM ($3::timestamptz - beacon_budget.refilled_at))) * $4::double precision)`;
  const [taken] = await db.query<{ tokens: number }>(
    `INSERT INTO beacon_budget (caller, tokens, refilled_at) VALUES ($1, $2::double precision - 1, $3::timestamptz)
     ON CONFLICT (caller) DO UPDATE SET tokens = ${level} - 1, refilled_at = $3::timestamptz
     WHERE ${level} >= 1
     RETURNING tokens`,
    [caller, rule.limit, now.toISOString(), perSecond],
  );
  if (taken) {
    const tokens = Number(taken.tokens);
    return {
      allowed: true,
      limit: rule.limit,
      remaining: Math.max(0, Math.floor(tokens)),
      fullInSeconds: Math.ceil((rule.limit - tokens) / perSecond),
    };
  }
  const [row] = await db.query<{ tokens: number; refilled_at: Date | string }>(
    'SELECT tokens, refilled_at FROM beacon_budget WHERE caller = $1',
    [caller],
  );
  const since = row ? Math.max(0, (now.getTime() - new Date(row.refilled_at).getTime()) / 1000) : 0;
  const tokens = row ? Math.min(rule.limit, Number(row.tokens) + since * perSecond) : 0;
  return {
    allowed: false,
    limit: rule.limit,
    remaining: 0,
    retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)),
    fullInSeconds: Math.ceil((rule.limit - tokens) / perSecond),
  };
}

const duration = (seconds: number) =>
  seconds >= 3600 && seconds % 3600 === 0
    ? `${seconds / 3600} h`
    : seconds >= 60 && seconds % 60 === 0
      ? `${seconds / 60} min`
      : `${seconds} s`;

/** The 429 message: what ran out, and when it refills. */
export function budgetExhaustedMessage(rule: BeaconBudgetRule, outcome: BudgetOutcome, now: Date): string {
  const next = new Date(now.getTime() + (outcome.retryAfterSeconds ?? 1) * 1000).toISOString();
  return (
    `query budget exhausted: ${rule.limit} Beacon queries per ${duration(rule.windowSeconds)} for this caller ` +
    `(a guard against enumeration); the next query is allowed in ${outcome.retryAfterSeconds ?? 1} s ` +
    `(at ${next}), the whole budget is back in ${outcome.fullInSeconds} s`
  );
}
