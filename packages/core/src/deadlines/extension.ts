/**
 * Whether the HDAB may extend the decision clock now. Art. 68(4) allows one extension of 3 months
 * "where necessary", with reasons notified to the applicant; Art. 68(6) allows 1 month on the
 * accelerated track; Art. 69(4) gives health data requests none.
 */
import { conflict, invalid } from '../errors/app-error';
import { clockOf, computeClocks } from './clocks';
import { decisionPeriod } from './periods';
import { statusAt } from './timeline';
import type { ClockExtension, ClockInput } from './types';

/** The decision clock after a permitted extension. */
export interface ExtensionPlan {
  extension: ClockExtension;
  /** Months the extension adds (3, or 1 on the accelerated track). */
  months: number;
  previousDueAt: Date;
  dueAt: Date;
}

/**
 * Checks a proposed extension against the case and returns the new due date; throws `invalid` for a
 * missing reason and `conflict` for a request, a second extension, a case outside PROCESSING /
 * AWAITING_ADDITIONAL_INFORMATION, or a deadline already missed.
 */
export function validateExtension(input: ClockInput, extension: ClockExtension): ExtensionPlan {
  if (!extension.reason?.trim())
    throw invalid('an extension needs its reasons, which are sent to the applicant (Art. 68(4))', [
      { path: 'reason', message: 'required' },
    ]);
  if (input.kind === 'request')
    throw conflict('a health data request cannot be extended: it is assessed within 3 months (Art. 69(4))');
  if (input.extension)
    throw conflict(
      `the decision period was already extended on ${input.extension.at.toISOString()} ` +
        `("${input.extension.reason}"); Art. 68(4) allows one extension only`,
    );
  const status = statusAt(input.history, extension.at);
  const clocks = computeClocks({ ...input, extension: undefined }, extension.at);
  const decision = clockOf(clocks, 'decision');
  if (
    (status !== 'PROCESSING' && status !== 'AWAITING_ADDITIONAL_INFORMATION') ||
    decision.state === 'not-started'
  )
    throw conflict(
      `the decision period can only be extended once the file is complete, while the application is ` +
        `PROCESSING or AWAITING_ADDITIONAL_INFORMATION (Art. 68(4)); it is ${status ?? 'not submitted'}`,
    );
  // [OURS] An extension is decided and notified within the period; it cannot cure a missed deadline.
  if (decision.state === 'overdue')
    throw conflict(
      `the decision was due on ${decision.dueAt!.toISOString()}; an extension must be decided and ` +
        `notified before the period ends (Art. 68(4))`,
    );
  const extended = clockOf(computeClocks({ ...input, extension }, extension.at), 'decision');
  return {
    extension,
    months: decisionPeriod(input.kind, input.accelerated).extensionMonths,
    previousDueAt: decision.dueAt!,
    dueAt: extended.dueAt!,
  };
}
