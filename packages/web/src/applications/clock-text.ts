/**
 * Words for the statutory clocks (EHDS.md §6): a badge per clock (overdue, at risk, paused, met…)
 * and the time left, so applicants and case handlers read the same thing the work queue sorts by.
 */
import type { Clock, Clocks } from '@openehds/client';
import { fmt, formatDate } from '../i18n/format';
import { applicationsText as t } from './strings';

/** How a badge is coloured; the text always says the same in words. */
export type Tone = 'bad' | 'warn' | 'ok' | 'info' | 'muted';

/** A badge: its words and its tone. */
export interface Badge {
  text: string;
  tone: Tone;
}

/** The badge of one clock: overdue and at-risk win over the plain state; a late "met" says so. */
export function clockBadge(clock: Clock): Badge {
  if (clock.state === 'overdue') return { text: t.clocks.states.overdue, tone: 'bad' };
  if (clock.state === 'running' && clock.atRisk) return { text: t.clocks.atRisk, tone: 'warn' };
  if (clock.state === 'met' && clock.late) return { text: t.clocks.late, tone: 'warn' };
  const tone: Tone =
    clock.state === 'running'
      ? 'info'
      : clock.state === 'met'
        ? 'ok'
        : clock.state === 'paused'
          ? 'warn'
          : 'muted';
  return { text: t.clocks.states[clock.state], tone };
}

/** Time left in words (`12 days left`, `3 days overdue`, `Due today`), or '' when the clock is not live. */
export function remainingText(clock: Clock): string {
  const n = clock.remainingDays;
  if (n === null) return '';
  if (clock.state === 'paused') return fmt(t.clocks.pausedLeft, { n: Math.max(0, n) });
  if (n < 0) return n === -1 ? t.clocks.oneDayOverdue : fmt(t.clocks.daysOverdue, { n: -n });
  if (n === 0) return t.clocks.dueToday;
  return n === 1 ? t.clocks.oneDayLeft : fmt(t.clocks.daysLeft, { n });
}

/**
 * The clause a clock comes from, with the hub's own rules said in words: the engine marks them
 * `[OURS]` or `[OURS: what]` (EHDS.md tags), e.g. `Art. 68(4) [OURS: 4-week completeness check]`.
 */
export function clockArticle(clock: Clock): string {
  return clock.article
    .replace(/\s*\[OURS(?::\s*([^\]]*))?\]/, (_, what: string | undefined) =>
      what ? ` (${fmt(t.clocks.oursWhat, { what })})` : ` (${t.clocks.ours})`,
    )
    .trim();
}

/** The next deadline of a file in one line (`Decision: 2027-03-01 (12 days left)`), or ''. */
export function nextDeadlineText(clocks: Clocks | null | undefined): string {
  const next = clocks?.nextDue;
  if (!next?.dueAt) return '';
  const left = remainingText(next);
  const due = fmt(t.clocks.nextDue, { clock: t.clocks.names[next.name], due: formatDate(next.dueAt) });
  return left ? `${due} (${left})` : due;
}

/** Where a file stands in the queue, by the hub's rule (core `queueRank`): overdue, at risk, due, idle. */
export type QueueRank = 'overdue' | 'at-risk' | 'due' | 'idle';

/** The queue rank of a file from its clocks, as the hub sorts it. */
export function queueRank(clocks: Clocks | null | undefined): QueueRank {
  if (!clocks) return 'idle';
  if (clocks.overdue) return 'overdue';
  if (clocks.atRisk) return 'at-risk';
  return clocks.nextDue ? 'due' : 'idle';
}

/** The badge of a whole file for lists: overdue or at risk, else nothing to flag. */
export function fileBadge(clocks: Clocks | null | undefined): Badge | null {
  const r = queueRank(clocks);
  if (r === 'overdue') return { text: t.clocks.states.overdue, tone: 'bad' };
  if (r === 'at-risk') return { text: t.clocks.atRisk, tone: 'warn' };
  return null;
}
