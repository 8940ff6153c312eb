/**
 * Human-readable permit numbers in the style of TEHDAS2 D6.3 (country, year, sequence), e.g.
 * `FI-2026-000123`; UUIDs stay inside the database (DESIGN.md §4).
 */
import { invalid } from '../errors/app-error';

const NUMBER = /^([A-Z]{2})-(\d{4})-(\d{6})$/;

/** Formats a permit number: ISO 3166-1 alpha-2 country (EU `EL` for Greece is fine), year, 6-digit sequence. */
export function permitNumber(seq: number, year: number, country: string): string {
  const issues = [];
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999)
    issues.push({ path: 'seq', message: 'a whole number from 1 to 999999' });
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    issues.push({ path: 'year', message: 'a four-digit year' });
  const cc = country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(cc)) issues.push({ path: 'country', message: 'a two-letter country code' });
  if (issues.length) throw invalid('cannot form a permit number', issues);
  return `${cc}-${year}-${String(seq).padStart(6, '0')}`;
}

/** Reads a permit number back into its parts, or returns null if it is not one. */
export function parsePermitNumber(text: string): { country: string; year: number; seq: number } | null {
  const m = NUMBER.exec(text);
  if (!m || Number(m[3]) === 0) return null;
  return { country: m[1]!, year: Number(m[2]), seq: Number(m[3]) };
}
