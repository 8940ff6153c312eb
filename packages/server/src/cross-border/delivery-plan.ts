/**
 * When outbox messages are sent (EHDS.md §15: idempotent outbox messaging). Each message is retried
 * with exponential backoff until the peer answers 2xx; messages about one application go out in the
 * order they were written (a withdrawal never overtakes the forward it withdraws), while a peer that
 * is down for one application does not hold up the others.
 */

/** First retry after this long; each further failure doubles it. */
export const RETRY_BASE_MS = 5_000;
/** Never wait longer than this between attempts: a peer that comes back is reached within the hour. */
export const RETRY_CAP_MS = 60 * 60_000;

/** The wait before the next attempt, after `failures` failed attempts (1, 2, …). */
export function retryDelayMs(failures: number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(RETRY_BASE_MS * 2 ** exponent, RETRY_CAP_MS);
}

/** A message waiting in the outbox, in the order it was written. */
export interface PendingMessage {
  id: string;
  /** Messages with the same key keep their order; usually the application id. */
  orderKey: string;
  nextAttemptAt: Date;
}

/**
 * The messages to try now, in order: those that are due and behind no earlier message of the same
 * application that is still waiting. The caller sends them in this order and, when one fails, skips
 * the later ones with the same key for this round.
 */
export function planDelivery(pending: readonly PendingMessage[], now: Date): PendingMessage[] {
  const blocked = new Set<string>();
  const plan: PendingMessage[] = [];
  for (const m of pending) {
    if (blocked.has(m.orderKey)) continue;
    if (m.nextAttemptAt.getTime() > now.getTime()) {
      blocked.add(m.orderKey);
      continue;
    }
    plan.push(m);
  }
  return plan;
}
