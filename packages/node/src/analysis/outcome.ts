import { AppError, type Issue, type SdcRecord } from '@openehds/core';
import {
  effectivePolicy,
  fits,
  SdcRefusal,
  type BudgetLedger,
  type PrivacyCost,
  type QueryHistory,
  type ReleaseContext,
} from '@openehds/privacy';
import type { AnalysisTaskBase } from '@openehds/core';

/**
 * What a node answers to every analysis task. Refusals are answers, not task failures, so the
 * disclosure-control record of a refusal reaches the hub (the HDAB sees refusals too, issue 4 §2).
 */
export type AnalysisAnswer<T> =
  | ({ status: 'ok'; sdc: SdcRecord[] } & T)
  | { status: 'refused'; message: string; issues: Issue[]; sdc: SdcRecord[] }
  | { status: 'error'; message: string; issues: Issue[] };

/** Runs a handler body; maps disclosure refusals, permit refusals and bad requests to answers. */
export async function answer<T extends object>(
  fn: () => Promise<T & { sdc: SdcRecord[] }>,
): Promise<AnalysisAnswer<T>> {
  try {
    return { status: 'ok', ...(await fn()) };
  } catch (err) {
    if (err instanceof SdcRefusal)
      return { status: 'refused', message: err.message, issues: [...err.issues], sdc: [err.record] };
    if (err instanceof AppError && err.kind === 'forbidden')
      return { status: 'refused', message: err.message, issues: [...err.issues], sdc: [] };
    if (err instanceof AppError && err.kind !== 'internal')
      return { status: 'error', message: err.message, issues: [...err.issues] };
    throw err;
  }
}

/** A ledger seeded with what the hub says the permit spent: charges in this task add to it. */
class TaskLedger implements BudgetLedger {
  private total: PrivacyCost;
  constructor(spent: PrivacyCost) {
    this.total = { ...spent };
  }
  async spent(): Promise<PrivacyCost> {
    return this.total;
  }
  async tryCharge(_permitId: string, cost: PrivacyCost, limit: PrivacyCost): Promise<PrivacyCost | null> {
    if (!fits(this.total, cost, limit)) return null;
    this.total = { epsilon: this.total.epsilon + cost.epsilon, delta: this.total.delta + cost.delta };
    return this.total;
  }
}

/**
 * The release context of one task: the HDAB policy from the hub-signed task (checked by the engine),
 * the permit holder's audience, this node's query history, and the permit's budget as the hub keeps it.
 * The rng stays the engine's secure default: nothing random comes from the request.
 */
export function releaseContext(
  task: AnalysisTaskBase,
  history: QueryHistory | undefined,
  label: string,
): ReleaseContext {
  return {
    policy: effectivePolicy(task.policy),
    audience: 'permit_holder',
    permitId: task.permitId,
    history,
    ledger: new TaskLedger(task.budget?.spent ?? { epsilon: 0, delta: 0 }),
    ...(task.budget ? { budget: task.budget.limit } : {}),
    label,
  };
}
