import type { KpiTarget, Milestone } from '@openehds/client';

/** A milestone is overdue when its due day has passed and it is neither done nor cancelled. */
export function isOverdue(m: Pick<Milestone, 'dueDate' | 'status'>, today: string): boolean {
  return m.status !== 'done' && m.status !== 'cancelled' && m.dueDate < today;
}

const DAY = 86_400_000;
const dayNumber = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY);
const quarterStart = (d: string) => {
  const y = Number(d.slice(0, 4));
  const q = Math.floor((Number(d.slice(5, 7)) - 1) / 3);
  return { y, q };
};
const isoOf = (y: number, q: number) => `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;

/** The geometry of the timeline: quarters across, one row per milestone, and a today line. */
export interface TimelineLayout {
  width: number;
  height: number;
  axisY: number;
  quarters: { label: string; x: number; width: number; yearStart: boolean }[];
  todayX: number | null;
  items: (Milestone & { x: number; y: number; overdue: boolean; anchor: 'start' | 'end' })[];
}

export const QUARTER_WIDTH = 56;
const LEFT = 16;
const TOP = 34;
const ROW = 30;

/** Lays the milestones out by quarter, from the first quarter with one (or today) to the last. */
export function timelineLayout(milestones: readonly Milestone[], today: string): TimelineLayout {
  const days = [...milestones.map((m) => m.dueDate), today].sort();
  const first = quarterStart(days[0]!);
  const last = quarterStart(days[days.length - 1]!);
  const quarters: TimelineLayout['quarters'] = [];
  for (
    let y = first.y, q = first.q;
    y < last.y || (y === last.y && q <= last.q);
    q === 3 ? (y++, (q = 0)) : q++
  )
    quarters.push({
      label: `${y} Q${q + 1}`,
      x: LEFT + quarters.length * QUARTER_WIDTH,
      width: QUARTER_WIDTH,
      yearStart: q === 0,
    });
  const start = dayNumber(isoOf(first.y, first.q));
  const endQ = last.q === 3 ? { y: last.y + 1, q: 0 } : { y: last.y, q: last.q + 1 };
  const span = dayNumber(isoOf(endQ.y, endQ.q)) - start;
  const plot = quarters.length * QUARTER_WIDTH;
  const xOf = (d: string) => LEFT + ((dayNumber(d) - start) / span) * plot;
  const width = LEFT * 2 + plot;
  const sorted = [...milestones].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title),
  );
  const items = sorted.map((m, i) => {
    const x = xOf(m.dueDate);
    return {
      ...m,
      x,
      y: TOP + 10 + i * ROW,
      overdue: isOverdue(m, today),
      anchor: x < width / 2 ? ('start' as const) : ('end' as const),
    };
  });
  const inRange = today >= isoOf(first.y, first.q);
  return {
    width,
    height: TOP + 10 + Math.max(items.length, 1) * ROW,
    axisY: TOP,
    quarters,
    todayX: inRange ? xOf(today) : null,
    items,
  };
}

/** Parses "key = target" parts (comma or line separated); the first bad part is returned to name it. */
export function parseKpiTargets(text: string): { targets: KpiTarget[] } | { bad: string } {
  const targets: KpiTarget[] = [];
  for (const part of text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^=\s]+)\s*=\s*(-?\d+(?:\.\d+)?)$/.exec(part);
    if (!m) return { bad: part };
    targets.push({ key: m[1]!, target: Number(m[2]) });
  }
  return { targets };
}

/** KPI targets as the form shows them. */
export const kpiTargetsText = (targets: readonly KpiTarget[]) =>
  targets.map((t) => `${t.key} = ${t.target}`).join(', ');
