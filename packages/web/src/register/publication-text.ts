/**
 * Words for the publication duties of Art. 57(1)(j)(iii) (30 working days after the decision): the
 * state badge and the working days left.
 */
import type { PublicationDutyItem } from '@openehds/client';
import type { Badge } from '../applications/clock-text';
import { fmt } from '../i18n/format';
import { registerText as t } from './strings';

/** Overdue (bad), at risk (warn, ≤ 5 working days left) or on time. */
export function dutyBadge(d: Pick<PublicationDutyItem, 'overdue' | 'atRisk'>): Badge {
  if (d.overdue) return { text: t.publication.overdue, tone: 'bad' };
  if (d.atRisk) return { text: t.publication.atRisk, tone: 'warn' };
  return { text: t.publication.onTime, tone: 'ok' };
}

/** Working days left in words; overdue when negative, "due today" at 0. */
export function workingDaysText(d: Pick<PublicationDutyItem, 'workingDaysLeft' | 'overdue'>): string {
  const n = d.workingDaysLeft;
  if (d.overdue || n < 0) {
    const late = Math.max(1, -n);
    return late === 1 ? t.publication.oneDayOverdue : fmt(t.publication.daysOverdue, { n: late });
  }
  if (n === 0) return t.publication.dueToday;
  return n === 1 ? t.publication.oneDayLeft : fmt(t.publication.daysLeft, { n });
}
