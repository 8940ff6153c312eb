/**
 * The arithmetic of KPI monitoring (issue 6 §6), with no I/O: calendar months in UTC, medians of
 * durations, counts and rates per month, and whether a value meets its target. Every KPI of the
 * dashboard, the CSV and the PDF goes through these, so they are unit-tested on their own.
 */

const DAY_MS = 86_400_000;

/** A calendar month `YYYY-MM` (UTC). */
export type Month = string;

/** Whether a higher or a lower value is better. */
export type Direction = 'higher' | 'lower';

/** One month of a series; null when there is nothing to measure that month (no decision, no extract). */
export interface MonthValue {
  month: Month;
  value: number | null;
}

/** The UTC calendar month of an instant or a date. */
export function monthOf(at: string | Date): Month {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${String(at)}`);
  return d.toISOString().slice(0, 7);
}

/** The month after `m`. */
export function nextMonth(m: Month): Month {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, both included; empty when `last` is before `first`. */
export function monthRange(first: Month, last: Month): Month[] {
  const out: Month[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/** The `count` months ending with the month of `now` (a rolling window for trends). */
export function lastMonths(now: Date, count: number): Month[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`a window needs at least one month: ${count}`);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1), 1));
  return monthRange(monthOf(d), monthOf(now));
}

/** The first instant of month `m` and of the month after it (end exclusive), in ms. */
export function monthBounds(m: Month): { start: number; end: number } {
  return { start: Date.parse(`${m}-01T00:00:00Z`), end: Date.parse(`${nextMonth(m)}-01T00:00:00Z`) };
}

/** Calendar days from `from` to `to` (fractional; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

/** Rounds to one decimal, the precision the dashboard shows days and percentages in. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The median, or null for no values (never 0: "nothing measured" is not "zero days"). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A ratio as a percentage to one decimal, or null when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return round1((numerator / denominator) * 100);
}

/** How many of the instants fall in each month of the window (months outside it are dropped). */
export function countByMonth(instants: readonly string[], months: readonly Month[]): MonthValue[] {
  const counts = new Map(months.map((m) => [m, 0]));
  for (const at of instants) {
    const m = monthOf(at);
    if (counts.has(m)) counts.set(m, counts.get(m)! + 1);
  }
  return months.map((m) => ({ month: m, value: counts.get(m)! }));
}

/** Values grouped by the month of their instant, within the window. */
function groupByMonth<T>(items: readonly { at: string; value: T }[], months: readonly Month[]) {
  const groups = new Map<Month, T[]>(months.map((m) => [m, []]));
  for (const i of items) groups.get(monthOf(i.at))?.push(i.value);
  return groups;
}

/** The median per month of values dated by an instant (e.g. days to decision, by month of decision). */
export function medianByMonth(
  items: readonly { at: string; value: number }[],
  months: readonly Month[],
): MonthValue[] {
  const groups = groupByMonth(items, months);
  return months.map((m) => {
    const v = median(groups.get(m)!);
    return { month: m, value: v === null ? null : round1(v) };
  });
}

/** A rate per month: the sum of numerators over the sum of denominators of the month's items, in %. */
export function rateByMonth(
  items: readonly { at: string; numerator: number; denominator: number }[],
  months: readonly Month[],
): MonthValue[] {
  const groups = groupByMonth(
    items.map((i) => ({ at: i.at, value: i })),
    months,
  );
  return months.map((m) => {
    const g = groups.get(m)!;
    return {
      month: m,
      value: percent(
        g.reduce((a, i) => a + i.numerator, 0),
        g.reduce((a, i) => a + i.denominator, 0),
      ),
    };
  });
}

/** The overall rate of items, in % (null when no denominator). */
export function rateOf(items: readonly { numerator: number; denominator: number }[]): number | null {
  return percent(
    items.reduce((a, i) => a + i.numerator, 0),
    items.reduce((a, i) => a + i.denominator, 0),
  );
}

/**
 * The instant each month's stock is measured at (e.g. opt-outs in force): the end of the month, or
 * `now` for the current month (never a future instant). ISO strings, one per month.
 */
export function monthEnds(months: readonly Month[], now: Date): string[] {
  return months.map((m) => new Date(Math.min(monthBounds(m).end, now.getTime())).toISOString());
}

/** How many instants fall at or before the end of each month (a running total, e.g. labelled datasets). */
export function cumulativeByMonth(instants: readonly string[], months: readonly Month[]): MonthValue[] {
  const times = instants.map((i) => Date.parse(i));
  return months.map((m) => {
    const end = monthBounds(m).end;
    return { month: m, value: times.filter((t) => t < end).length };
  });
}

/** Counts per label, largest first, then by label (a breakdown such as permits per purpose). */
export function tally(labels: readonly string[]): { label: string; value: number }[] {
  const m = new Map<string, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return [...m.entries()]
    .map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** The latest dated value in each month (a manual KPI recorded now and then); null for months without one. */
export function latestByMonth(
  values: readonly { date: string; value: number }[],
  months: readonly Month[],
): MonthValue[] {
  const byMonth = new Map<Month, { date: string; value: number }>();
  for (const v of values) {
    const m = monthOf(v.date);
    const prev = byMonth.get(m);
    if (!prev || v.date > prev.date) byMonth.set(m, v);
  }
  return months.map((m) => ({ month: m, value: byMonth.get(m)?.value ?? null }));
}

/** Whether a value meets its target: null when either is missing. Equal to the target counts as met. */
export function targetMet(value: number | null, target: number | null, direction: Direction): boolean | null {
  if (value === null || target === null) return null;
  return direction === 'higher' ? value >= target : value <= target;
}
