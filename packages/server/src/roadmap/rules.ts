/**
 * Pure rules of the roadmap (issue 6 §5): the statuses, the KPI key format and when a milestone is
 * overdue. No I/O.
 */

/** The life of a recommendation, from proposal to done (or dropped). */
export const RECOMMENDATION_STATUSES = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** The state of a milestone. */
export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/**
 * A KPI key as the KPI feature names them (`applications.days-to-decision`, `stakeholder.satisfaction`):
 * lower-case letters and digits, parts joined by `.`, `_` or `-` (packages/server/src/kpi/routes.ts).
 * Only the format is checked: a roadmap may name a KPI before it is defined.
 */
export const KPI_KEY = /^[a-z][a-z0-9]*([._-][a-z0-9]+)*$/;
export const KPI_KEY_MAX = 64;

/** True when the key has the KPI key format. */
export function isKpiKey(key: string): boolean {
  return key.length <= KPI_KEY_MAX && KPI_KEY.test(key);
}

/** A milestone is overdue when its due date (a UTC day) has passed and it is neither done nor cancelled. */
export function isOverdue(m: { dueDate: string; status: MilestoneStatus }, today: string): boolean {
  return m.status !== 'done' && m.status !== 'cancelled' && m.dueDate < today;
}

/** The calendar quarter of an ISO day, e.g. `2027-Q1`. */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
