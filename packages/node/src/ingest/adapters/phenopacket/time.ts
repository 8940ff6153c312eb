import type { TimeElement } from './model';

/**
 * Dates from Phenopacket `TimeElement`s. A timestamp or interval is absolute; an age is relative to
 * the date of birth; an ontology class (`Fetal onset`) or gestational age has no calendar date, so the
 * caller falls back to `metaData.created`. All dates UTC.
 */

/** A calendar date (`YYYY-MM-DD`) and, when known to the second, a UTC datetime. */
export interface When {
  date: string;
  datetime?: string;
}

/** The UTC date and datetime of an RFC 3339 timestamp. */
export function fromTimestamp(ts: string): When {
  const iso = new Date(ts).toISOString();
  return { date: iso.slice(0, 10), datetime: `${iso.slice(0, 10)} ${iso.slice(11, 19)}` };
}

/** ISO 8601 duration (`P70Y`, `P3Y2M`, `P8D`, `P2W`) in calendar parts; undefined if malformed. */
export function parseDuration(text: string): { years: number; months: number; days: number } | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$/.exec(text);
  if (!m || text === 'P') return undefined;
  return {
    years: Number(m[1] ?? 0),
    months: Number(m[2] ?? 0),
    days: Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0),
  };
}

/** Adds (sign 1) or subtracts (sign -1) a duration to a `YYYY-MM-DD` date. */
export function shiftDate(date: string, duration: string, sign: 1 | -1): string | undefined {
  const d = parseDuration(duration);
  if (!d) return undefined;
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCFullYear(
    t.getUTCFullYear() + sign * d.years,
    t.getUTCMonth() + sign * d.months,
    t.getUTCDate() + sign * d.days,
  );
  return t.toISOString().slice(0, 10);
}

/** The date of a time element, given the date of birth for ages; undefined when it has no date. */
export function resolveTime(te: TimeElement | undefined, dateOfBirth: string | undefined): When | undefined {
  if (!te) return undefined;
  if (te.timestamp) return fromTimestamp(te.timestamp);
  if (te.interval?.start) return fromTimestamp(te.interval.start);
  const age = te.age?.iso8601duration ?? te.ageRange?.start?.iso8601duration;
  if (age && dateOfBirth) {
    const date = shiftDate(dateOfBirth, age, 1);
    return date ? { date } : undefined;
  }
  return undefined;
}

/** The end date of a time element that is an interval, else its date. */
export function resolveEnd(te: TimeElement | undefined, dateOfBirth: string | undefined): When | undefined {
  if (te?.interval?.end) return fromTimestamp(te.interval.end);
  return resolveTime(te, dateOfBirth);
}
