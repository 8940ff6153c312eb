/**
 * Turns the append-only status events of a case into contiguous segments (status, from, to), the one
 * shape every clock reads. Events after `now` are ignored, so clocks can be computed as of any moment.
 */
import { invalid } from '../errors/app-error';
import type { ApplicationStatus, StatusEvent } from './types';

/** A stretch of time spent in one status; `to` is null while the case is still in it. */
export interface Segment {
  status: ApplicationStatus;
  from: Date;
  to: Date | null;
  /** The status the case was in before, or null for the first segment. */
  previous: ApplicationStatus | null;
  /** The status the case moved to at `to`, or null while still in it. */
  next: ApplicationStatus | null;
}

const FINAL: ReadonlySet<ApplicationStatus> = new Set(['DECISION_ISSUED', 'WITHDRAWN']);

/** True for DECISION_ISSUED and WITHDRAWN, after which nothing may happen to a case. */
export function isFinalStatus(status: ApplicationStatus): boolean {
  return FINAL.has(status);
}

/**
 * Checks the whole history (oldest first, valid dates, nothing after a final status) and returns the
 * segments up to `now`; an event repeating the current status is a no-op.
 */
export function segmentsAsOf(history: readonly StatusEvent[], now: Date): Segment[] {
  const issues: { path: string; message: string }[] = [];
  history.forEach((e, i) => {
    if (!(e.at instanceof Date) || Number.isNaN(e.at.getTime()))
      issues.push({ path: `history[${i}].at`, message: 'expected a valid Date' });
    else if (i > 0 && e.at.getTime() < (history[i - 1]?.at.getTime() ?? 0))
      issues.push({ path: `history[${i}].at`, message: 'events must be oldest first' });
    if (i > 0 && isFinalStatus(history[i - 1]!.status) && e.status !== history[i - 1]!.status)
      issues.push({
        path: `history[${i}].status`,
        message: `no status may follow ${history[i - 1]!.status} (a final status)`,
      });
  });
  if (issues.length)
    throw invalid(
      `the status history is not a valid append-only log: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );

  const segments: Segment[] = [];
  for (const e of history) {
    if (e.at.getTime() > now.getTime()) break;
    const last = segments.at(-1);
    if (last?.status === e.status) continue;
    if (last) {
      last.to = e.at;
      last.next = e.status;
    }
    segments.push({ status: e.status, from: e.at, to: null, previous: last?.status ?? null, next: null });
  }
  return segments;
}

/** The status at instant `at`, or null if the history has not started by then. */
export function statusAt(history: readonly StatusEvent[], at: Date): ApplicationStatus | null {
  return segmentsAsOf(history, at).at(-1)?.status ?? null;
}
