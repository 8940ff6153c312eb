/** Dates as whole days since 1970-01-01 (UTC), and their ISO 8601 renderings (cached: hot path). */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Days in a mean Gregorian year, for converting ages. */
export const YEAR_DAYS = 365.2425;

/** Day number of an ISO date (YYYY-MM-DD). */
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

const dateCache = new Map<number, string>();

/** ISO date (YYYY-MM-DD) of a day number. */
export function isoDate(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateCache.set(day, s);
  }
  return s;
}

const TWO: string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** ISO date-time with seconds and Z (FHIR instant/dateTime, RFC 3339) of epoch milliseconds. */
export function isoDateTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const secs = Math.floor((ms - day * DAY_MS) / 1000);
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  return `${isoDate(day)}T${TWO[h]}:${TWO[m]}:${TWO[secs % 60]}Z`;
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
  return +isoDate(day).slice(0, 4);
}

/** Age in years (fractional) at a day, for a birth day. */
export function ageAt(birthDay: number, day: number): number {
  return (day - birthDay) / YEAR_DAYS;
}
