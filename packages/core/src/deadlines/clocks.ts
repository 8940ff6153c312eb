/**
 * The statutory clocks of one access application or health data request, computed from its status
 * history at `now` (EHDS.md §6; semantics and articles in ./README.md). A pure function: the caller
 * injects `now` and the HDAB's holidays, so the same history always yields the same clocks.
 */
import { invalid } from '../errors/app-error';
import { addCalendarMonths, addDays, addWorkingDays, assertHolidays, DAY_MS } from './calendar';
import {
  ADDITIONAL_INFORMATION_DAYS,
  COMPLETENESS_DAYS,
  decisionPeriod,
  PUBLICATION_WORKING_DAYS,
} from './periods';
import { isFinalStatus, segmentsAsOf, type Segment } from './timeline';
import type { Clock, ClockInput, ClockName, Clocks } from './types';

/** A clock is at risk with at most this share of its period left… */
export const AT_RISK_SHARE = 0.2;
/** …or at most this many days left, whichever comes first. */
export const AT_RISK_DAYS = 10;

/** One started clock before pauses are applied. */
interface Run {
  startedAt: Date;
  /** Due instant if nothing had paused the clock. */
  baseDue: Date;
  pauses: { from: Date; to: Date | null }[];
  end: { at: Date; state: 'met' | 'stopped' } | null;
}

function evaluate(name: ClockName, article: string, run: Run | null, now: Date): Clock {
  if (!run)
    return {
      name,
      dueAt: null,
      state: 'not-started',
      remainingDays: null,
      atRisk: false,
      article,
      startedAt: null,
      endedAt: null,
      late: false,
      pausedMs: 0,
    };
  const stop = run.end ? run.end.at.getTime() : now.getTime();
  let pausedMs = 0;
  let pausedNow = false;
  for (const p of run.pauses) {
    const to = Math.min(p.to?.getTime() ?? stop, stop);
    pausedMs += Math.max(0, to - p.from.getTime());
    if (!run.end && p.to === null) pausedNow = true;
  }
  // DAAMS guidance: the due date moves by exactly the time the clock stood still.
  const dueAt = new Date(run.baseDue.getTime() + pausedMs);
  const base = { name, dueAt, article, startedAt: run.startedAt, pausedMs };
  if (run.end)
    return {
      ...base,
      state: run.end.state,
      remainingDays: null,
      atRisk: false,
      endedAt: run.end.at,
      late: run.end.state === 'met' && run.end.at.getTime() > dueAt.getTime(),
    };
  const remainingMs = dueAt.getTime() - now.getTime();
  const periodMs = run.baseDue.getTime() - run.startedAt.getTime();
  const state = remainingMs < 0 ? 'overdue' : pausedNow ? 'paused' : 'running';
  const atRisk =
    state === 'running' && (remainingMs <= AT_RISK_SHARE * periodMs || remainingMs <= AT_RISK_DAYS * DAY_MS);
  return {
    ...base,
    state,
    remainingDays: Math.floor(remainingMs / DAY_MS),
    atRisk,
    endedAt: null,
    late: false,
  };
}

const AWAITING = 'AWAITING_ADDITIONAL_INFORMATION';

function pausesOf(segments: Segment[]): Run['pauses'] {
  return segments.map((s) => ({ from: s.from, to: s.to }));
}

/** [OURS] From submission until the file is complete (PROCESSING); paused while the applicant is asked. */
function completenessRun(segs: Segment[]): Run | null {
  const start = segs.find((s) => s.status !== 'DRAFT');
  if (!start || start.status === 'WITHDRAWN') return null;
  const processing = segs.find((s) => s.status === 'PROCESSING');
  const decided = segs.find((s) => s.status === 'DECISION_ISSUED');
  const withdrawn = segs.find((s) => s.status === 'WITHDRAWN');
  const endAt = processing?.from ?? decided?.from;
  return {
    startedAt: start.from,
    baseDue: addDays(start.from, COMPLETENESS_DAYS),
    pauses: pausesOf(segs.filter((s) => s.status === AWAITING && (!endAt || s.from < endAt))),
    end: endAt ? { at: endAt, state: 'met' } : withdrawn ? { at: withdrawn.from, state: 'stopped' } : null,
  };
}

/** Art. 68(4)/(6), 69(4): from the first PROCESSING, paused while awaiting information. */
function decisionRun(input: ClockInput, segs: Segment[], now: Date): Run | null {
  const start = segs.find((s) => s.status === 'PROCESSING');
  const decided = segs.find((s) => s.status === 'DECISION_ISSUED');
  const withdrawn = segs.find((s) => s.status === 'WITHDRAWN');
  const ext = input.extension && input.extension.at.getTime() <= now.getTime() ? input.extension : null;
  const period = decisionPeriod(input.kind, input.accelerated);
  if (ext) {
    const endAt = decided?.from ?? withdrawn?.from;
    const fault =
      input.kind === 'request'
        ? 'a health data request has no extension (Art. 69(4))'
        : !ext.reason?.trim()
          ? 'an extension needs its reasons (Art. 68(4))'
          : !start || ext.at.getTime() < start.from.getTime()
            ? 'the extension predates the decision clock (first PROCESSING)'
            : endAt && ext.at.getTime() > endAt.getTime()
              ? 'the extension postdates the end of the case'
              : null;
    if (fault) throw invalid(`invalid extension: ${fault}`, [{ path: 'extension', message: fault }]);
  }
  if (!start) return null;
  const months = period.months + (ext ? period.extensionMonths : 0);
  return {
    startedAt: start.from,
    // Counted from the start, so 30 Nov + 3 + 3 months is 30 May, not 28 Feb + 3 = 28 May.
    baseDue: addCalendarMonths(start.from, months),
    pauses: pausesOf(segs.filter((s) => s.status === AWAITING && s.from >= start.from)),
    end: decided
      ? { at: decided.from, state: 'met' }
      : withdrawn
        ? { at: withdrawn.from, state: 'stopped' }
        : null,
  };
}

/** Art. 68(4): the latest request for information gives the applicant 4 weeks. */
function additionalInformationRun(segs: Segment[]): Run | null {
  const seg = segs.filter((s) => s.status === AWAITING).at(-1);
  if (!seg) return null;
  return {
    startedAt: seg.from,
    baseDue: addDays(seg.from, ADDITIONAL_INFORMATION_DAYS),
    pauses: [],
    // Information in (back to pre-screening or processing) = met; refusal or withdrawal ends it unmet.
    end: seg.to ? { at: seg.to, state: seg.next && isFinalStatus(seg.next) ? 'stopped' : 'met' } : null,
  };
}

/** Art. 57(1)(j)(iii): the decision is published within 30 working days. */
function publicationRun(input: ClockInput, segs: Segment[], now: Date): Run | null {
  const decided = segs.find((s) => s.status === 'DECISION_ISSUED');
  const published =
    input.publishedAt && input.publishedAt.getTime() <= now.getTime() ? input.publishedAt : null;
  if (published && (!decided || published.getTime() < decided.from.getTime()))
    throw invalid('publishedAt precedes the decision', [
      { path: 'publishedAt', message: 'a decision is published after it is issued' },
    ]);
  if (!decided) return null;
  return {
    startedAt: decided.from,
    baseDue: addWorkingDays(decided.from, PUBLICATION_WORKING_DAYS, input.holidays),
    pauses: [],
    end: published ? { at: published, state: 'met' } : null,
  };
}

/** Computes every clock of a case at `now`, ignoring events, extension and publication after `now`. */
export function computeClocks(input: ClockInput, now: Date): Clocks {
  if (Number.isNaN(now.getTime())) throw invalid('now is not a valid date');
  assertHolidays(input.holidays);
  const segs = segmentsAsOf(input.history, now);
  const decision = decisionPeriod(input.kind, input.accelerated);
  const clocks = [
    evaluate('completeness', 'Art. 68(4) [OURS: 4-week completeness check]', completenessRun(segs), now),
    evaluate('decision', decision.article, decisionRun(input, segs, now), now),
    evaluate('additional-information', 'Art. 68(4)', additionalInformationRun(segs), now),
    evaluate('publication', 'Art. 57(1)(j)(iii)', publicationRun(input, segs, now), now),
  ];
  const live = clocks.filter((c) => c.state === 'running' || c.state === 'overdue');
  const nextDue = live.reduce<Clock | null>(
    (best, c) => (!best || c.dueAt!.getTime() < best.dueAt!.getTime() ? c : best),
    null,
  );
  return {
    clocks,
    nextDue,
    overdue: clocks.some((c) => c.state === 'overdue'),
    atRisk: clocks.some((c) => c.atRisk),
  };
}

/** The named clock of a computed set (always present). */
export function clockOf(clocks: Clocks, name: ClockName): Clock {
  return clocks.clocks.find((c) => c.name === name)!;
}
