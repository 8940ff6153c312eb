/**
 * Calendar arithmetic for statutory periods, all in UTC (DESIGN.md §4: all timestamps UTC). Months are
 * calendar months with the day clamped to the month's end; working days are Monday to Friday minus the
 * HDAB's own public holidays, which the caller passes in (they differ per Member State and region).
 */
import { invalid } from '../errors/app-error';

/** Milliseconds in one (UTC, so always 24-hour) day. */
export const DAY_MS = 86_400_000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertDate(at: Date, path: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw invalid(`${path} is not a valid date`, [{ path, message: 'expected a valid Date' }]);
}

function assertWhole(n: number, path: string): void {
  if (!Number.isInteger(n))
    throw invalid(`${path} must be a whole number, got ${n}`, [{ path, message: 'expected an integer' }]);
}

/** Refuses holiday entries that are not real ISO `YYYY-MM-DD` dates, so a typo cannot silently vanish. */
export function assertHolidays(holidays: ReadonlySet<string>): void {
  const issues = [...holidays]
    .filter((h) => {
      const m = ISO_DAY.exec(h);
      if (!m) return true;
      const d = new Date(`${h}T00:00:00.000Z`);
      return Number.isNaN(d.getTime()) || isoDay(d) !== h;
    })
    .map((h) => ({ path: 'holidays', message: `${JSON.stringify(h)} is not an ISO YYYY-MM-DD date` }));
  if (issues.length) throw invalid('holidays must be ISO YYYY-MM-DD dates', issues);
}

/** The UTC calendar day of an instant, as ISO `YYYY-MM-DD`. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Adds days of exactly 24 hours (UTC has no daylight-saving shifts). */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/**
 * Adds calendar months in UTC, keeping the time of day; the day is clamped to the target month's end
 * (31 Jan + 1 month = 28 Feb, or 29 Feb in a leap year), as Reg. 1182/71 Art. 3(2)(c) does for
 * periods in months. Negative months go back.
 */
export function addCalendarMonths(at: Date, months: number): Date {
  assertDate(at, 'at');
  assertWhole(months, 'months');
  const total = at.getUTCMonth() + months;
  const year = at.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const out = new Date(0);
  // setUTCFullYear avoids Date.UTC's mapping of years 0-99 to 1900-1999.
  out.setUTCFullYear(year, month + 1, 0);
  const lastDay = out.getUTCDate();
  out.setUTCFullYear(year, month, Math.min(at.getUTCDate(), lastDay));
  out.setUTCHours(at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
  return out;
}

/** Monday to Friday and not one of the HDAB's holidays (a holiday on a weekend changes nothing). */
export function isWorkingDay(at: Date, holidays: ReadonlySet<string>): boolean {
  const weekday = at.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoDay(at));
}

/**
 * Moves `days` working days forward (or back, if negative), keeping the time of day: each step lands on
 * the next working day, so from a Friday or a Saturday one working day is the Monday. Zero returns `at`.
 */
export function addWorkingDays(at: Date, days: number, holidays: ReadonlySet<string>): Date {
  assertDate(at, 'at');
  assertWhole(days, 'days');
  assertHolidays(holidays);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  let cursor = at;
  while (left > 0) {
    cursor = addDays(cursor, step);
    if (isWorkingDay(cursor, holidays)) left -= 1;
  }
  return cursor;
}

/**
 * Working days after `a`'s calendar day up to and including `b`'s (negative if `b` is earlier), so that
 * `workingDaysBetween(a, addWorkingDays(a, n), h) === n` for every n ≥ 0.
 */
export function workingDaysBetween(a: Date, b: Date, holidays: ReadonlySet<string>): number {
  assertDate(a, 'a');
  assertDate(b, 'b');
  assertHolidays(holidays);
  const from = Date.parse(`${isoDay(a)}T00:00:00.000Z`);
  const to = Date.parse(`${isoDay(b)}T00:00:00.000Z`);
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let t = lo + DAY_MS; t <= hi; t += DAY_MS) if (isWorkingDay(new Date(t), holidays)) count += 1;
  return sign * count || 0;
}
