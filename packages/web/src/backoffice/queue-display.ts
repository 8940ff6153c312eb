/**
 * Pure rules of the back office's lists and buttons: work-queue rows in the hub's order with their
 * badges, the status filter, the staff events offered, and when the decision period may be extended.
 */
import {
  APPLICATION_STATUSES,
  STAFF_TRANSITIONS,
  type ApplicationEvent,
  type ApplicationListItem,
  type ApplicationStatus,
  type ApplicationView,
  type StaffTransition,
} from '@openehds/client';
import {
  fileBadge,
  nextDeadlineText,
  queueRank,
  type Badge,
  type QueueRank,
} from '../applications/clock-text';

/** One row of the work queue as displayed. */
export interface QueueRow {
  item: ApplicationListItem;
  rank: QueueRank;
  badge: Badge | null;
  nextDue: string;
}

/** The rows in the order the hub sorted them (overdue, at risk, by due date): never re-sorted here. */
export function queueRows(items: readonly ApplicationListItem[]): QueueRow[] {
  return items.map((item) => ({
    item,
    rank: queueRank(item.clocks),
    badge: fileBadge(item.clocks),
    nextDue: nextDeadlineText(item.clocks),
  }));
}

/** The status filter from the address bar; anything that is not a status (or DRAFT, never queued) means all. */
export function statusFilter(param: string | null): ApplicationStatus | undefined {
  const s = APPLICATION_STATUSES.find((x) => x === param);
  return s && s !== 'DRAFT' ? s : undefined;
}

/** The statuses staff may filter by (drafts never reach the queue). */
export const QUEUE_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter((s) => s !== 'DRAFT');

/** The staff events the hub allows now, in the order of the procedure. */
export function staffActions(allowed: readonly ApplicationEvent[]): StaffTransition[] {
  return STAFF_TRANSITIONS.filter((e) => allowed.includes(e));
}

/**
 * Whether to offer the one extension of the decision period (Art. 68(4)): applications only (a
 * request has none, Art. 69(4)), once, while the decision clock runs or is paused and not yet overdue
 * (the hub checks the same and says why when it refuses).
 */
export function canExtend(view: Pick<ApplicationView, 'kind' | 'status' | 'extension' | 'clocks'>): boolean {
  if (view.kind !== 'application' || view.extension) return false;
  if (view.status !== 'PROCESSING' && view.status !== 'AWAITING_ADDITIONAL_INFORMATION') return false;
  const decision = view.clocks.clocks.find((c) => c.name === 'decision');
  return decision?.state === 'running' || decision?.state === 'paused';
}
