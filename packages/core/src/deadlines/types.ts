/**
 * Types of the statutory deadline engine (EHDS.md §6). The engine reads the append-only status events
 * of one access application or health data request and derives its clocks; it never stores a clock.
 */

// One definition of the status model: the lead's table in applications/status.ts (DAAMS + DRAFT).
import type { ApplicationStatus } from '../applications/status';

export type { ApplicationStatus };

/** One append-only status event: the status the case entered, and when (UTC). */
export interface StatusEvent {
  status: ApplicationStatus;
  at: Date;
}

/** The one recorded extension of the decision clock (Art. 68(4); Art. 68(6) when accelerated). */
export interface ClockExtension {
  at: Date;
  reason: string;
}

/** Everything the clocks depend on; the calendar (holidays) is injected so tests can move time. */
export interface ClockInput {
  /** `request` = Art. 69 health data request; `application` = Art. 67 data access application. */
  kind: 'application' | 'request';
  /** Art. 68(6): public/EU body, purposes 53(1)(a)-(c): 2 (+1) months instead of 3 (+3). */
  accelerated: boolean;
  /** Append-only status events, oldest first. */
  history: StatusEvent[];
  /** The one recorded extension of the decision clock (Art. 68(4)). */
  extension?: ClockExtension;
  /** When the decision was published (Art. 57(1)(j)(iii)); stops the publication clock. */
  publishedAt?: Date;
  /** ISO `YYYY-MM-DD` public holidays of the HDAB, for working-day periods. */
  holidays: ReadonlySet<string>;
}

/** The four clocks of a case. */
export type ClockName = 'completeness' | 'decision' | 'additional-information' | 'publication';

/** Where a clock stands at `now`. */
export type ClockState = 'not-started' | 'running' | 'paused' | 'met' | 'overdue' | 'stopped';

/** One statutory (or [OURS]) clock at `now`. */
export interface Clock {
  name: ClockName;
  /** Due instant, already moved by pauses and the extension; null until the clock starts. */
  dueAt: Date | null;
  state: ClockState;
  /** Whole days from `now` to `dueAt` (floored, so negative exactly when overdue); null unless live. */
  remainingDays: number | null;
  /** Running with ≤ 20 % of its period or ≤ 10 days left. */
  atRisk: boolean;
  /** The clause the period comes from, e.g. `Art. 68(4)`; `[OURS]` marks our own rule. */
  article: string;
  /** When the clock started; null if not started. */
  startedAt: Date | null;
  /** When the clock was met or stopped; null while live. */
  endedAt: Date | null;
  /** Met after its due date (for the Art. 59(1)(h) report and KPIs). */
  late: boolean;
  /** Total paused time so far, in milliseconds (decision and completeness clocks only). */
  pausedMs: number;
}

/** All clocks of a case and what needs attention first. */
export interface Clocks {
  clocks: Clock[];
  /** The running or overdue clock with the earliest due date; null if none. */
  nextDue: Clock | null;
  overdue: boolean;
  atRisk: boolean;
}
