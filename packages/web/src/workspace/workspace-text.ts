/**
 * Short texts of the workspace page: the budget left, a permit's datasets or variables as labels, its
 * data period. The hub's members are read defensively (an id string or an object naming itself).
 * Pure, no React.
 */
import { formatDate } from '../i18n/format';
import type { BudgetPart } from './types';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};

/** A dataset or variable as a label: the string itself, or the object's name, title or id. */
export function labelOf(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  const o = obj(v);
  const title = obj(o.title);
  const named = [o.name, o.label, typeof o.title === 'string' ? o.title : title.en, o.id, o.datasetId].find(
    (x): x is string => typeof x === 'string' && x.length > 0,
  );
  return named ?? JSON.stringify(v);
}

/** The data period: `2019-01-01 to 2024-12-31`, one end, or null when none is set. */
export function periodText(
  period: unknown,
  words: { from: string; until: string; to: string },
): string | null {
  if (typeof period === 'string') return period;
  const o = obj(period);
  const from = formatDate(typeof o.from === 'string' ? o.from : typeof o.start === 'string' ? o.start : null);
  const to = formatDate(typeof o.to === 'string' ? o.to : typeof o.end === 'string' ? o.end : null);
  if (from && to) return `${from} ${words.to} ${to}`;
  if (from) return `${words.from} ${from}`;
  if (to) return `${words.until} ${to}`;
  return null;
}

/** What is left of a budget part, never below zero. */
export function budgetLeft(part: BudgetPart): number {
  return Math.max(0, part.granted - part.spent);
}

/** A budget number: up to four significant digits, no trailing zeros. */
export function formatBudget(v: number): string {
  return Number(v.toPrecision(4)).toString();
}
