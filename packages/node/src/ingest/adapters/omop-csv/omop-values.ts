import type { OmopType } from '@openehds/analytics';

/**
 * Conversion of OMOP CSV cell text to typed values, following the OMOP CDM 5.4 datatypes
 * (integer, float, date, datetime, varchar). Dates are ISO 8601 calendar dates; datetimes are ISO 8601
 * with a space or `T`, optional seconds fraction and offset, normalised to UTC (DESIGN.md §4: all
 * timestamps UTC).
 */

/** A converted value, or why the text is not of the column's type. */
export type Converted = { ok: true; value: string | number } | { ok: false; reason: string };

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** True if y-m-d is a real calendar date (rejects 2023-02-30). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Parses an ISO date `YYYY-MM-DD`; returns it unchanged when valid. */
export function parseIsoDate(text: string): Converted {
  const m = DATE.exec(text);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return { ok: false, reason: `'${text}' is not an ISO date YYYY-MM-DD` };
  }
  return { ok: true, value: text };
}

/** Parses an ISO datetime and returns it in UTC as `YYYY-MM-DD HH:MM:SS[.fff]`. */
export function parseIsoDateTime(text: string): Converted {
  const m = DATETIME.exec(text);
  const bad: Converted = { ok: false, reason: `'${text}' is not an ISO datetime YYYY-MM-DD HH:MM[:SS]` };
  if (!m) return bad;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  if (!isCalendarDate(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 60) return bad;
  const fraction = m[7] ? Number(m[7]) : 0;
  let ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, Math.min(s!, 59)) + Math.round(fraction * 1000);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const iso = new Date(ms).toISOString(); // 2020-03-17T00:00:00.000Z
  const millis = iso.slice(20, 23);
  return {
    ok: true,
    value: `${iso.slice(0, 10)} ${iso.slice(11, 19)}${millis === '000' ? '' : `.${millis}`}`,
  };
}

/** Converts cell text to the OMOP column type. */
export function convertCell(type: OmopType, text: string): Converted {
  if (type === 'integer') {
    const n = Number(text);
    if (!INTEGER.test(text) || !Number.isSafeInteger(n))
      return { ok: false, reason: `'${text}' is not an integer` };
    return { ok: true, value: n };
  }
  if (type === 'float') {
    if (!FLOAT.test(text)) return { ok: false, reason: `'${text}' is not a number` };
    return { ok: true, value: Number(text) };
  }
  if (type === 'date') return parseIsoDate(text);
  if (type === 'datetime') {
    // OMOP exports often put a bare date in a datetime column; it means midnight.
    return DATE.test(text) ? parseIsoDateTime(`${text} 00:00:00`) : parseIsoDateTime(text);
  }
  return { ok: true, value: text };
}
