import type { KpiDashboard } from './figure';

/**
 * The dashboard as CSV (RFC 4180): CRLF line ends, every field that holds a comma, a quote, a line
 * break or leading/trailing space quoted, quotes doubled. One row per KPI and period: `current` first,
 * then each month, so a spreadsheet can pivot it. Pure.
 */

/** One RFC 4180 field. A number is written plainly; null is an empty field. */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to RFC 4180 text, each record ended by CRLF. */
export function csvText(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

export const KPI_CSV_COLUMNS = [
  'key',
  'title',
  'source',
  'unit',
  'direction',
  'target',
  'met',
  'period',
  'value',
] as const;

/** The CSV of a dashboard. */
export function kpiCsv(d: KpiDashboard): string {
  const rows: (string | number | boolean | null)[][] = [[...KPI_CSV_COLUMNS]];
  for (const k of d.kpis) {
    const head = [k.key, k.title, k.source, k.unit, k.direction, k.target ?? null, k.met ?? null];
    rows.push([...head, 'current', k.current]);
    for (const s of k.series) rows.push([...head, s.month, s.value]);
  }
  return csvText(rows);
}
