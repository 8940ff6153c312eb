import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { addCalendarMonths, addWorkingDays, isoDay, isWorkingDay, workingDaysBetween } from './calendar';

const d = (iso: string) => new Date(iso);
const none: ReadonlySet<string> = new Set();

describe('addCalendarMonths', () => {
  it('keeps the day and time of day when the target month has it', () => {
    expect(addCalendarMonths(d('2027-03-15T09:30:00.000Z'), 3).toISOString()).toBe(
      '2027-06-15T09:30:00.000Z',
    );
  });

  it('clamps to the end of a shorter month, including leap years', () => {
    expect(isoDay(addCalendarMonths(d('2027-01-31T00:00:00Z'), 1))).toBe('2027-02-28');
    expect(isoDay(addCalendarMonths(d('2028-01-31T00:00:00Z'), 1))).toBe('2028-02-29');
    expect(isoDay(addCalendarMonths(d('2027-08-31T00:00:00Z'), 1))).toBe('2027-09-30');
    // 29 Feb + 12 months lands on 28 Feb of a common year, + 48 months on 29 Feb again.
    expect(isoDay(addCalendarMonths(d('2028-02-29T00:00:00Z'), 12))).toBe('2029-02-28');
    expect(isoDay(addCalendarMonths(d('2028-02-29T00:00:00Z'), 48))).toBe('2032-02-29');
  });

  it('crosses year ends both ways and accepts zero and negative months', () => {
    expect(isoDay(addCalendarMonths(d('2027-11-30T00:00:00Z'), 3))).toBe('2028-02-29');
    expect(isoDay(addCalendarMonths(d('2027-03-31T00:00:00Z'), -1))).toBe('2027-02-28');
    expect(isoDay(addCalendarMonths(d('2027-01-15T00:00:00Z'), -13))).toBe('2025-12-15');
    expect(addCalendarMonths(d('2027-01-15T12:00:00Z'), 0).toISOString()).toBe('2027-01-15T12:00:00.000Z');
  });

  it('refuses fractional months and invalid dates', () => {
    expect(() => addCalendarMonths(d('2027-01-15T00:00:00Z'), 1.5)).toThrow(AppError);
    expect(() => addCalendarMonths(new Date(Number.NaN), 1)).toThrow(/not a valid date/);
  });

  it('never moves the day forward and is undone by the reverse shift when no clamping happens', () => {
    fc.assert(
      fc.property(
        fc.date({ min: d('1990-01-01T00:00:00Z'), max: d('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -240, max: 240 }),
        (at, months) => {
          const out = addCalendarMonths(at, months);
          expect(out.getUTCDate()).toBeLessThanOrEqual(at.getUTCDate());
          const monthsApart =
            (out.getUTCFullYear() - at.getUTCFullYear()) * 12 + out.getUTCMonth() - at.getUTCMonth();
          expect(monthsApart).toBe(months);
          if (at.getUTCDate() <= 28) expect(addCalendarMonths(out, -months).getTime()).toBe(at.getTime());
        },
      ),
    );
  });
});

describe('working days', () => {
  // 2027-04-30 is a Friday; 2027-05-01 (Labour Day) a Saturday; 2027-05-03 a Monday.
  const fi = new Set(['2027-05-01', '2027-05-06', '2027-12-24', '2027-12-25', '2027-12-31']);

  it('skips weekends and keeps the time of day', () => {
    expect(addWorkingDays(d('2027-04-30T15:00:00Z'), 1, none).toISOString()).toBe('2027-05-03T15:00:00.000Z');
    expect(isoDay(addWorkingDays(d('2027-05-03T00:00:00Z'), 5, none))).toBe('2027-05-10');
  });

  it('counts from a weekend to the next working day', () => {
    expect(isoDay(addWorkingDays(d('2027-05-01T00:00:00Z'), 1, none))).toBe('2027-05-03');
    expect(isoDay(addWorkingDays(d('2027-05-02T00:00:00Z'), 1, none))).toBe('2027-05-03');
  });

  it('skips holidays on working days; a holiday on a weekend changes nothing', () => {
    // Thursday 6 May (Ascension) is skipped: Wed 5 + 1 = Fri 7.
    expect(isoDay(addWorkingDays(d('2027-05-05T00:00:00Z'), 1, fi))).toBe('2027-05-07');
    // Saturday 1 May is a holiday but already a weekend: Fri 30 Apr + 1 = Mon 3 May, as without it.
    expect(isoDay(addWorkingDays(d('2027-04-30T00:00:00Z'), 1, fi))).toBe('2027-05-03');
    expect(isWorkingDay(d('2027-05-06T00:00:00Z'), fi)).toBe(false);
    expect(isWorkingDay(d('2027-05-07T00:00:00Z'), fi)).toBe(true);
  });

  it('crosses year ends with holidays, and goes back for negative days', () => {
    // Thu 23 Dec 2027 + 3: Fri 24 (holiday), Sat, Sun, Mon 27, Tue 28, Wed 29.
    expect(isoDay(addWorkingDays(d('2027-12-23T00:00:00Z'), 3, fi))).toBe('2027-12-29');
    expect(isoDay(addWorkingDays(d('2027-05-03T00:00:00Z'), -1, none))).toBe('2027-04-30');
    expect(addWorkingDays(d('2027-05-01T08:00:00Z'), 0, fi).toISOString()).toBe('2027-05-01T08:00:00.000Z');
  });

  it('counts 30 working days for publication across a holiday-rich December', () => {
    const from = d('2027-12-01T10:00:00Z');
    const due = addWorkingDays(from, 30, fi);
    // December: 2 + 5 + 5 + 4 (24th off) + 4 (31st off) = 20; January: 3-7 and 10-14 = 10.
    expect(isoDay(due)).toBe('2028-01-14');
    expect(workingDaysBetween(from, due, fi)).toBe(30);
  });

  it('refuses malformed holidays rather than ignoring them', () => {
    expect(() => addWorkingDays(d('2027-05-03T00:00:00Z'), 1, new Set(['2027-5-6']))).toThrow(/ISO/);
    expect(() => workingDaysBetween(d('2027-05-03'), d('2027-05-04'), new Set(['2027-02-30']))).toThrow(
      AppError,
    );
  });

  it('workingDaysBetween is the inverse of addWorkingDays and antisymmetric', () => {
    const holidays = new Set(['2027-01-01', '2027-04-02', '2027-04-05', '2027-05-06', '2027-06-26']);
    fc.assert(
      fc.property(
        fc.date({ min: d('2026-12-01T00:00:00Z'), max: d('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 90 }),
        fc.date({ min: d('2026-12-01T00:00:00Z'), max: d('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        (a, n, b) => {
          const due = addWorkingDays(a, n, holidays);
          expect(workingDaysBetween(a, due, holidays)).toBe(n);
          expect(n === 0 || isWorkingDay(due, holidays)).toBe(true);
          expect(workingDaysBetween(a, b, holidays)).toBe(-workingDaysBetween(b, a, holidays) || 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
