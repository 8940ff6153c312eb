/**
 * Periods of the Art. 59(1) activity report: the common choices (the last calendar year, the last two
 * for the biennial report, this year so far) and the check of a typed period. Days are UTC.
 */

/** An inclusive period of days, `YYYY-MM-DD`. */
export interface Period {
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The previous full calendar year. */
export function lastYear(now: Date): Period {
  const y = now.getUTCFullYear() - 1;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The two previous full calendar years (the biennial report, Art. 59(1)). */
export function lastTwoYears(now: Date): Period {
  const y = now.getUTCFullYear();
  return { from: `${y - 2}-01-01`, to: `${y - 1}-12-31` };
}

/** From 1 January of this year to today. */
export function yearToDate(now: Date): Period {
  return { from: `${now.getUTCFullYear()}-01-01`, to: day(now) };
}

/** The period when both ends are real dates and the end is not before the start; else null. */
export function checkPeriod(from: string, to: string): Period | null {
  if (!DATE.test(from) || !DATE.test(to)) return null;
  if (Number.isNaN(Date.parse(`${from}T00:00:00Z`)) || Number.isNaN(Date.parse(`${to}T00:00:00Z`)))
    return null;
  if (day(new Date(`${from}T00:00:00Z`)) !== from || day(new Date(`${to}T00:00:00Z`)) !== to) return null;
  return from <= to ? { from, to } : null;
}
