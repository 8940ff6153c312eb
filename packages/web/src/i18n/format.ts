import { LOCALE_TAGS, locale as pageLocale, type Locale } from './locale';

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** Looks a code up in a name table, falling back to the code itself (a category or country we have no name for). */
export function nameOf(table: Record<string, string>, code: string): string {
  return Object.prototype.hasOwnProperty.call(table, code) ? (table[code] ?? code) : code;
}

/**
 * A name (e.g. "Data access application") as it stands inside a sentence: its first letter in lower
 * case, except in German, whose nouns keep their capital ("Ihr Datenzugangsantrag").
 */
export function inSentence(name: string, to: Locale = pageLocale): string {
  return to === 'de' ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** Formats a number with the page language's separators (`12,345` in English, `12.345` in German). */
export function formatNumber(n: number, to: Locale = pageLocale): string {
  return new Intl.NumberFormat(LOCALE_TAGS[to]).format(n);
}

// English pages keep ISO 8601 dates (2026-03-01): unambiguous across the EU's English readers, who
// otherwise disagree on day-month order. The other languages use their own convention (01.03.2026).
const dayFormat = (to: Locale) =>
  new Intl.DateTimeFormat(LOCALE_TAGS[to], {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });

/** Formats an ISO date or timestamp as a UTC calendar date, or '' when absent. */
export function formatDate(iso: string | null | undefined, to: Locale = pageLocale): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return to === 'en' ? d.toISOString().slice(0, 10) : dayFormat(to).format(d);
}

/** Formats an ISO timestamp as UTC date and minute (`2026-03-01 14:05 UTC`), or '' when absent. */
export function formatDateTime(iso: string | null | undefined, to: Locale = pageLocale): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = d.toISOString().slice(11, 16);
  return `${to === 'en' ? d.toISOString().slice(0, 10) : dayFormat(to).format(d)} ${time} UTC`;
}
