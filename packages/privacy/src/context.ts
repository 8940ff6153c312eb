import { AppError, type Audience, type SdcPolicy } from '@openehds/core';
import type { QueryHistory } from './history';
import type { BudgetLedger, PrivacyCost } from './ledger';
import type { Rng } from './rng';

/**
 * Everything a release needs besides the data. Built by the node or hub, never from a request body:
 * the rng and the cell-key secret in particular must never come from the client (EHDS.md §11).
 */
export interface ReleaseContext {
  /** The effective policy (`effectivePolicy(hdab, dataset)`). */
  policy: SdcPolicy;
  audience: Audience;
  /** The permit the output is released under; required for permit holders. */
  permitId?: string;
  /** Cohorts answered under the permit (differencing guard, repeat lockout). */
  history?: QueryHistory;
  /** The permit's privacy budget (when the policy enables DP). */
  ledger?: BudgetLedger;
  /** Budget granted by the permit; defaults to the policy's `dp.budget`. */
  budget?: PrivacyCost;
  /** Randomness for DP noise; defaults to `secureRng()`. */
  rng?: Rng;
  /** The node's secret key for cell-key noise. */
  cellKeySecret?: Uint8Array | string;
  /** Clock for the record and the repeat window; defaults to now. */
  now?: Date;
  /** A short human label for the record (e.g. the query's name). */
  label?: string;
}

/** A configuration error in the caller, not the user's fault: says what to pass. */
export function misconfigured(message: string): AppError {
  return new AppError('internal', `disclosure control misconfigured: ${message}`);
}

/** Effective count threshold for the audience: the audience may only tighten the policy's. */
export function thresholdFor(ctx: ReleaseContext): number {
  return Math.max(ctx.policy.threshold, ctx.policy.audiences[ctx.audience].minCount);
}
