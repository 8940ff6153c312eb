import { misconfigured, type ReleaseContext } from './context';
import type { PrivacyCost } from './ledger';
import type { RecordBuilder } from './record';

/**
 * Charges a DP cost to the permit's budget before noise is drawn; refuses (conflict) when the budget
 * would be exceeded. The budget is tracked across everything released under the permit (issue 4 §2).
 */
export async function chargeBudget(
  cost: PrivacyCost,
  ctx: ReleaseContext,
  rec: RecordBuilder,
): Promise<void> {
  if (!ctx.permitId) throw misconfigured('differential privacy needs a permit to charge');
  if (!ctx.ledger) throw misconfigured('differential privacy needs a BudgetLedger');
  const limit = ctx.budget ?? ctx.policy.dp.budget;
  const total = await ctx.ledger.tryCharge(ctx.permitId, cost, limit, ctx.label ?? 'release');
  if (!total) {
    const spent = await ctx.ledger.spent(ctx.permitId);
    rec.add('dp-budget', '$', 'refused', {
      epsilon: cost.epsilon,
      delta: cost.delta,
      limitEpsilon: limit.epsilon,
    });
    rec.spend(cost, spent, limit);
    throw rec.refuse(
      'conflict',
      `the privacy budget of permit ${ctx.permitId} would be exceeded (spent ε ${round(spent.epsilon)} of ` +
        `${limit.epsilon}, δ ${spent.delta} of ${limit.delta}; this needs ε ${cost.epsilon}); reuse results ` +
        'already released or ask the HDAB to amend the permit',
    );
  }
  rec.add('dp-budget', '$', 'passed', {
    epsilon: cost.epsilon,
    delta: cost.delta,
    limitEpsilon: limit.epsilon,
  });
  rec.spend(cost, total, limit);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
