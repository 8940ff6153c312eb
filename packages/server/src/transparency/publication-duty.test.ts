import { describe, expect, it } from 'vitest';
import { publicationDuty } from './publication-duty';

// Art. 57(1)(j)(iii): 30 working days, Monday to Friday minus the HDAB's holidays.
describe('publicationDuty', () => {
  const decided = new Date('2026-01-05T10:00:00Z'); // a Monday
  const holidays = new Set(['2026-01-06']); // Epiphany, in Finland

  it('counts 30 working days, skipping weekends and holidays', () => {
    expect(publicationDuty(decided, decided, new Set()).dueAt.toISOString()).toBe('2026-02-16T10:00:00.000Z');
    expect(publicationDuty(decided, decided, holidays).dueAt.toISOString()).toBe('2026-02-17T10:00:00.000Z');
  });

  it('is at risk from 5 working days left, and overdue once the due instant passed', () => {
    expect(publicationDuty(decided, new Date('2026-01-20T09:00:00Z'), holidays)).toMatchObject({
      atRisk: false,
      overdue: false,
      workingDaysLeft: 20,
    });
    expect(publicationDuty(decided, new Date('2026-02-09T09:00:00Z'), holidays)).toMatchObject({
      atRisk: false,
      workingDaysLeft: 6,
    });
    expect(publicationDuty(decided, new Date('2026-02-10T09:00:00Z'), holidays)).toMatchObject({
      atRisk: true,
      overdue: false,
      workingDaysLeft: 5,
    });
    expect(publicationDuty(decided, new Date('2026-02-17T11:00:00Z'), holidays)).toMatchObject({
      atRisk: false,
      overdue: true,
      workingDaysLeft: 0,
    });
    expect(publicationDuty(decided, new Date('2026-02-18T08:00:00Z'), holidays)).toMatchObject({
      overdue: true,
      workingDaysLeft: -1,
    });
  });
});
