/**
 * The HDAB case handler's queue: overdue cases first (most overdue on top), then cases at risk, then
 * the rest by next due date; cases with nothing running (paused, decided, withdrawn) come last.
 */
import { computeClocks } from './clocks';
import type { ClockInput, Clocks } from './types';

/** Why a case sits where it does in the queue. */
export type QueueRank = 'overdue' | 'at-risk' | 'due' | 'idle';

/** An item with its clocks already computed, or with the input to compute them at `now`. */
export type Queueable = { clocks: Clocks } | { clockInput: ClockInput };

const ORDER: Record<QueueRank, number> = { overdue: 0, 'at-risk': 1, due: 2, idle: 3 };

/** Where a case with these clocks ranks: overdue, at risk, something due, or nothing running. */
export function queueRank(clocks: Clocks): QueueRank {
  if (clocks.overdue) return 'overdue';
  if (clocks.atRisk) return 'at-risk';
  return clocks.nextDue ? 'due' : 'idle';
}

/**
 * Sorts items: overdue, at risk, due, idle; within each, earliest next due date first; ties keep input
 * order. Items given a `clockInput` instead of `clocks` get their clocks computed at `now` and added.
 */
export function workQueue<T extends Queueable>(
  items: readonly T[],
  now: Date,
): Array<T & { clocks: Clocks }> {
  return items
    .map((item, index) => {
      const entry = (
        'clocks' in item ? item : { ...item, clocks: computeClocks(item.clockInput, now) }
      ) as T & { clocks: Clocks };
      return { entry, rank: queueRank(entry.clocks), index };
    })
    .sort((a, b) => {
      const byRank = ORDER[a.rank] - ORDER[b.rank];
      if (byRank) return byRank;
      const da = a.entry.clocks.nextDue?.dueAt?.getTime() ?? Infinity;
      const db = b.entry.clocks.nextDue?.dueAt?.getTime() ?? Infinity;
      if (da !== db) return da < db ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ entry }) => entry);
}
