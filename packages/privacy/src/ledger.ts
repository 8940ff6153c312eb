/**
 * The per-permit privacy budget (ε, δ), spent by basic composition: the costs of everything released
 * under the permit add up (Dwork & Roth, Thm 3.16). The engine only reads and charges it through this
 * interface; the hub persists it (a row per permit, charged with one conditional UPDATE so two
 * concurrent queries cannot both spend the last of the budget).
 */

/** An (ε, δ) amount. */
export interface PrivacyCost {
  epsilon: number;
  delta: number;
}

export interface BudgetLedger {
  /** What the permit has spent so far. */
  spent(permitId: string): Promise<PrivacyCost>;
  /**
   * Adds `cost` atomically if the new total stays within `limit`, returning the new total; returns
   * null and changes nothing otherwise.
   */
  tryCharge(
    permitId: string,
    cost: PrivacyCost,
    limit: PrivacyCost,
    label: string,
  ): Promise<PrivacyCost | null>;
}

// Floating-point sums of many small ε must not refuse the charge that exactly meets the limit.
const SLACK = 1e-12;

/** Whether `spent + cost` fits in `limit`. */
export function fits(spent: PrivacyCost, cost: PrivacyCost, limit: PrivacyCost): boolean {
  return (
    spent.epsilon + cost.epsilon <= limit.epsilon + SLACK && spent.delta + cost.delta <= limit.delta + SLACK
  );
}

/** An in-memory ledger, for tests and single-process demos. */
export class InMemoryBudgetLedger implements BudgetLedger {
  private readonly totals = new Map<string, PrivacyCost>();
  readonly charges: { permitId: string; cost: PrivacyCost; label: string }[] = [];

  async spent(permitId: string): Promise<PrivacyCost> {
    return this.totals.get(permitId) ?? { epsilon: 0, delta: 0 };
  }

  async tryCharge(
    permitId: string,
    cost: PrivacyCost,
    limit: PrivacyCost,
    label: string,
  ): Promise<PrivacyCost | null> {
    const spent = await this.spent(permitId);
    if (!fits(spent, cost, limit)) return null;
    const total = { epsilon: spent.epsilon + cost.epsilon, delta: spent.delta + cost.delta };
    this.totals.set(permitId, total);
    this.charges.push({ permitId, cost, label });
    return total;
  }
}
