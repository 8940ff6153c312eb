import { budgetDecision, type BudgetDecision, type BudgetRule } from './budget';

/**
 * The per-caller query counts of the Beacon budget (issue 5 §3), in memory: for each caller, the times
 * (ms) of the queries that count — ones that ran or are running. The check and the count are one
 * synchronous step, so two concurrent requests can never both take a caller's last query. Pure: the
 * query log (budget-store.ts) fills it from `beacon_query_log` at start, so a restart refills nobody's
 * budget, and writes every query there.
 */
export class BudgetWindows {
  /** Counted query times per caller, ascending. */
  private readonly times = new Map<string, number[]>();

  constructor(
    /** The longest window any rule may ask about; older times are forgotten. */
    readonly horizonSeconds: number,
  ) {}

  /** Counts a query already made (from the log at start). */
  add(caller: string, at: number): void {
    const list = this.times.get(caller);
    if (!list) {
      this.times.set(caller, [at]);
      return;
    }
    // Nearly always at the end; a clock that steps back keeps the list sorted anyway.
    let i = list.length;
    while (i > 0 && list[i - 1]! > at) i--;
    list.splice(i, 0, at);
  }

  /** Whether one more query of `caller` fits `rule` at `now`; when it does, it is counted. */
  take(caller: string, rule: BudgetRule, now: number): BudgetDecision {
    if (rule.windowSeconds > this.horizonSeconds) {
      // Counts older than the horizon were never loaded: the rule would be checked against too few.
      throw new Error(
        `a Beacon budget window of ${rule.windowSeconds} s is longer than the query log keeps counts for (${this.horizonSeconds} s)`,
      );
    }
    const list = this.times.get(caller) ?? [];
    const first = firstAfter(list, now - rule.windowSeconds * 1000);
    const used = list.length - first;
    const oldest = used > 0 ? new Date(list[first]!) : null;
    const decision = budgetDecision(rule, used, oldest, new Date(now));
    if (decision.allowed) this.add(caller, now);
    return decision;
  }

  /** Gives back a counted query that did not run after all (the engine refused or failed it). */
  refund(caller: string, at: number): void {
    const list = this.times.get(caller);
    const i = list?.lastIndexOf(at) ?? -1;
    if (i >= 0) list!.splice(i, 1);
  }

  /** Forgets times older than the horizon, and callers with none left (memory stays bounded). */
  sweep(now: number): void {
    const cutoff = now - this.horizonSeconds * 1000;
    for (const [caller, list] of this.times) {
      const keep = firstAfter(list, cutoff);
      if (keep === list.length) this.times.delete(caller);
      else if (keep > 0) list.splice(0, keep);
    }
  }

  /** Callers with counted queries held (for tests and the operator's view). */
  get callers(): number {
    return this.times.size;
  }
}

/** Index of the first time strictly after `cutoff` in an ascending list (a window is `(now - w, now]`). */
function firstAfter(list: number[], cutoff: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! > cutoff) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
