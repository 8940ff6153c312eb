/**
 * FHIR R4 date and dateTime primitives (https://hl7.org/fhir/R4/datatypes.html#date): partial dates
 * (YYYY, YYYY-MM) are legal; a dateTime with a time carries a timezone offset.
 */
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATETIME_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Parts of a FHIR date; undefined when the text is not a valid (calendar-checked) FHIR date. */
export function parseFhirDate(text: unknown): { year: number; month?: number; day?: number } | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A FHIR dateTime as OMOP wants it: the date as recorded at the source (`YYYY-MM-DD`, partial dates
 * padded to the first day) and, when a time is given, the instant in UTC (`YYYY-MM-DD HH:MM:SS.sss`).
 * Undefined when the text is not a valid dateTime.
 *
 * Ingest converts millions of these, so the common shapes (a full date; a date-time to the second in
 * UTC or with an offset that keeps the same UTC day) are read character by character; anything else
 * (fractions, day roll-over, two-digit years, odd values) takes the general path, which gives the same
 * result for every input.
 */
export function toOmopDateTime(text: unknown): { date: string; datetime?: string } | undefined {
  if (typeof text !== 'string') return undefined;
  const n = text.length;
  if (n !== 10 && n !== 19 && n !== 20 && n !== 25) return slowOmopDateTime(text);
  const year = digits4(text, 0);
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  if (
    year < 100 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45
  )
    return slowOmopDateTime(text);
  if (day > fastDaysInMonth(year, month)) return undefined;
  if (n === 10) return { date: text };
  const hh = digits2(text, 11);
  const mm = digits2(text, 14);
  const ss = digits2(text, 17);
  if (
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    hh < 0 ||
    hh > 23 ||
    mm < 0 ||
    mm > 59 ||
    ss < 0 ||
    ss > 59
  )
    return slowOmopDateTime(text);
  const date = text.slice(0, 10);
  let offset = 0; // minutes east of UTC
  if (n === 20) {
    if (text.charCodeAt(19) !== 90) return slowOmopDateTime(text); // 'Z'
  } else if (n === 25) {
    const sign = text.charCodeAt(19);
    const oh = digits2(text, 20);
    const om = digits2(text, 23);
    if ((sign !== 43 && sign !== 45) || text.charCodeAt(22) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59)
      return slowOmopDateTime(text);
    offset = (sign === 43 ? 1 : -1) * (oh * 60 + om);
  }
  // n === 19: no offset, read as UTC (see the general path).
  if (offset === 0) return { date, datetime: `${date} ${text.slice(11, 19)}.000` };
  const minutes = hh * 60 + mm - offset;
  if (minutes < 0 || minutes >= 1440) return slowOmopDateTime(text); // another UTC day
  return {
    date,
    datetime: `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:${text.slice(17, 19)}.000`,
  };
}

/** Four ASCII digits at `i` as a number, or -1. */
function digits4(s: string, i: number): number {
  const a = digits2(s, i);
  const b = digits2(s, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

/** Two ASCII digits at `i` as a number, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (same as `daysInMonth` for years ≥ 100). */
function fastDaysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The general path of `toOmopDateTime`: any shape the FHIR dateTime grammar allows. */
export function slowOmopDateTime(text: string): { date: string; datetime?: string } | undefined {
  const m = DATETIME_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = `${m[1]}-${pad(month)}-${pad(day)}`;
  if (m[4] === undefined) return { date };
  // A time without an offset is not valid FHIR; read it as UTC rather than reject a usable record.
  const ms = Date.parse(m[7] === undefined ? `${text}Z` : text);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return { date, datetime: `${iso.slice(0, 10)} ${iso.slice(11, 23)}` };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
