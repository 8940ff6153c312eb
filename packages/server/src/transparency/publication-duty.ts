import { addWorkingDays, PUBLICATION_WORKING_DAYS, workingDaysBetween } from '@openehds/core';

/** A decision is at risk of late publication from this many working days left. */
export const PUBLICATION_AT_RISK_DAYS = 5;

/** Where one decision stands against its publication deadline. */
export interface PublicationDuty {
  dueAt: Date;
  /** Working days from today to the due day (0 on the due day, negative once overdue). */
  workingDaysLeft: number;
  atRisk: boolean;
  overdue: boolean;
}

/**
 * The publication deadline (Art. 57(1)(j)(iii): permits, approvals and reasoned refusals within 30
 * working days) of a decision issued at `decidedAt`, as of `now`, counting working days
 * (Monday–Friday minus the HDAB's holidays). At risk: not overdue and at most 5 working days left.
 */
export function publicationDuty(decidedAt: Date, now: Date, holidays: ReadonlySet<string>): PublicationDuty {
  const dueAt = addWorkingDays(decidedAt, PUBLICATION_WORKING_DAYS, holidays);
  const overdue = now.getTime() > dueAt.getTime();
  const workingDaysLeft = workingDaysBetween(now, dueAt, holidays);
  return { dueAt, workingDaysLeft, atRisk: !overdue && workingDaysLeft <= PUBLICATION_AT_RISK_DAYS, overdue };
}
