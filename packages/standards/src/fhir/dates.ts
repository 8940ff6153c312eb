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
 */
export function toOmopDateTime(text: unknown): { date: string; datetime?: string } | undefined {
  if (typeof text !== 'string') return undefined;
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
