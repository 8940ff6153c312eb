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

/** Formats an integer with thousands separators, in English, for counts. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat('en-GB').format(n);
}

/** Formats an ISO date or timestamp as a UTC calendar date (`2026-03-01`), or '' when absent. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

/** Formats an ISO timestamp as UTC date and minute (`2026-03-01 14:05 UTC`), or '' when absent. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
