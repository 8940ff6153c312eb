import type { Db } from '@openehds/db';
import { deliverPermitUpdates, type DeliveryPass } from './delivery';
import { expirePermits } from './expire';
import { failInterruptedAnalyses } from '../spe/interrupted';

/** What one sweep did. */
export interface PermitSweep {
  /** Ids of the permit versions that expired in this sweep. */
  expired: string[];
  delivery: DeliveryPass;
  /** Ids of analyses found still RUNNING long after any could, marked FAILED. */
  interrupted: string[];
}

/**
 * One pass of the permit scheduler: expire what is past its end date (Art. 68(12)), then send every
 * permit change not yet sent to the nodes (grants included: the decision does not need to know about
 * nodes), and fail the analyses a stopped hub left RUNNING. Tests call it directly with a `now`.
 */
export async function runPermitSweep(db: Db, now = new Date()): Promise<PermitSweep> {
  const expired = await expirePermits(db, now);
  const delivery = await deliverPermitUpdates(db, now);
  const interrupted = await failInterruptedAnalyses(db, now);
  return { expired: expired.map((e) => e.permit.permitId), delivery, interrupted };
}
