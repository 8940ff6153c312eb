import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { clockOf, computeClocks } from './clocks';
import type { ApplicationStatus, ClockInput, StatusEvent } from './types';

const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T09:00:00.000Z` : iso);
const ev = (status: ApplicationStatus, at: string): StatusEvent => ({ status, at: d(at) });
const input = (history: StatusEvent[], extra: Partial<ClockInput> = {}): ClockInput => ({
  kind: 'application',
  accelerated: false,
  history,
  holidays: new Set<string>(),
  ...extra,
});
const clock = (i: ClockInput, now: string, name: Parameters<typeof clockOf>[1]) =>
  clockOf(computeClocks(i, d(now)), name);
const day = (c: { dueAt: Date | null }) => c.dueAt?.toISOString().slice(0, 10);

const submitted = [
  ev('DRAFT', '2027-01-01'),
  ev('SUBMITTED', '2027-01-04'),
  ev('PRE_SCREENING', '2027-01-05'),
];

describe('before submission', () => {
  it('runs no clock for a draft', () => {
    const clocks = computeClocks(input([ev('DRAFT', '2027-01-01')]), d('2027-06-01'));
    expect(clocks.clocks.map((c) => c.state)).toEqual([
      'not-started',
      'not-started',
      'not-started',
      'not-started',
    ]);
    expect(clocks).toMatchObject({ nextDue: null, overdue: false, atRisk: false });
  });

  it('runs no clock for a draft withdrawn before submission', () => {
    const i = input([ev('DRAFT', '2027-01-01'), ev('WITHDRAWN', '2027-01-02')]);
    expect(clock(i, '2027-06-01', 'completeness').state).toBe('not-started');
  });
});

describe('completeness clock [OURS]', () => {
  it('runs 4 weeks from submission and turns at risk, then overdue with negative days', () => {
    const i = input(submitted);
    const early = clock(i, '2027-01-10', 'completeness');
    expect(early).toMatchObject({ state: 'running', atRisk: false, remainingDays: 22 });
    expect(day(early)).toBe('2027-02-01');
    // ≤ 10 days left (the 20 % rule would be 5.6 days) → at risk.
    expect(clock(i, '2027-01-22', 'completeness')).toMatchObject({ atRisk: true, remainingDays: 10 });
    const late = computeClocks(i, d('2027-02-03'));
    expect(clockOf(late, 'completeness')).toMatchObject({
      state: 'overdue',
      remainingDays: -2,
      atRisk: false,
    });
    expect(late.overdue).toBe(true);
  });

  it('is met when processing starts, late or not', () => {
    const onTime = input([...submitted, ev('PROCESSING', '2027-01-20')]);
    expect(clock(onTime, '2027-03-01', 'completeness')).toMatchObject({ state: 'met', late: false });
    const late = input([...submitted, ev('PROCESSING', '2027-02-10')]);
    expect(clock(late, '2027-03-01', 'completeness')).toMatchObject({
      state: 'met',
      late: true,
      remainingDays: null,
    });
  });

  it('pauses while the applicant is asked to complete the file during pre-screening', () => {
    const i = input([
      ...submitted,
      ev('AWAITING_ADDITIONAL_INFORMATION', '2027-01-10'),
      ev('PRE_SCREENING', '2027-01-17'),
    ]);
    const c = clock(i, '2027-01-20', 'completeness');
    expect(day(c)).toBe('2027-02-08');
    expect(c.pausedMs).toBe(7 * 86_400_000);
  });

  it('stops on withdrawal', () => {
    const i = input([...submitted, ev('WITHDRAWN', '2027-01-08')]);
    expect(clock(i, '2027-03-01', 'completeness')).toMatchObject({ state: 'stopped', late: false });
  });
});

describe('decision clock', () => {
  const processing = [...submitted, ev('PROCESSING', '2027-01-31')];

  it('runs 3 calendar months from the complete file, clamped at month end (Art. 68(4))', () => {
    const c = clock(input(processing), '2027-02-15', 'decision');
    expect(c).toMatchObject({ state: 'running', article: 'Art. 68(4)', atRisk: false });
    expect(day(c)).toBe('2027-04-30');
  });

  it('runs 2 months on the accelerated track (Art. 68(6)) and 3 for a request (Art. 69(4))', () => {
    const acc = clock(input(processing, { accelerated: true }), '2027-02-15', 'decision');
    expect(day(acc)).toBe('2027-03-31');
    expect(acc.article).toBe('Art. 68(6)');
    const req = clock(input(processing, { kind: 'request', accelerated: true }), '2027-02-15', 'decision');
    expect(day(req)).toBe('2027-04-30');
    expect(req.article).toBe('Art. 69(4)');
  });

  it('clamps into a leap-day February', () => {
    const i = input([ev('SUBMITTED', '2027-11-01'), ev('PROCESSING', '2027-11-30')]);
    expect(day(clock(i, '2027-12-01', 'decision'))).toBe('2028-02-29');
  });

  it('pauses twice while awaiting information and moves the due date by both pauses', () => {
    const i = input([
      ...submitted,
      ev('PROCESSING', '2027-01-10'),
      ev('AWAITING_ADDITIONAL_INFORMATION', '2027-02-01'),
      ev('PROCESSING', '2027-02-11'),
      ev('AWAITING_ADDITIONAL_INFORMATION', '2027-03-01'),
      ev('PROCESSING', '2027-03-06'),
    ]);
    // Base 10 Apr + 10 days + 5 days.
    const c = clock(i, '2027-03-10', 'decision');
    expect(day(c)).toBe('2027-04-25');
    expect(c).toMatchObject({ state: 'running', pausedMs: 15 * 86_400_000 });
  });

  it('holds its remaining days still while paused and shows the applicant’s 4-week clock', () => {
    const i = input([
      ...submitted,
      ev('PROCESSING', '2027-01-10'),
      ev('AWAITING_ADDITIONAL_INFORMATION', '2027-02-01'),
    ]);
    const a = clock(i, '2027-02-03', 'decision');
    const b = clock(i, '2027-02-20', 'decision');
    expect(a).toMatchObject({ state: 'paused', atRisk: false });
    expect(b.remainingDays).toBe(a.remainingDays);
    expect(b.dueAt!.getTime() - a.dueAt!.getTime()).toBe(17 * 86_400_000);
    const clocks = computeClocks(i, d('2027-02-03'));
    // The decision clock is paused, so the next thing due is the applicant's answer.
    expect(clocks.nextDue?.name).toBe('additional-information');
    expect(day(clocks.nextDue!)).toBe('2027-03-01');
  });

  it('adds 3 months with the one extension, counted from the start (Art. 68(4))', () => {
    const i = input([ev('SUBMITTED', '2027-11-01'), ev('PROCESSING', '2027-11-30')], {
      extension: { at: d('2028-01-15'), reason: 'complex multi-country linkage' },
    });
    expect(day(clock(i, '2028-01-10', 'decision'))).toBe('2028-02-29');
    // 30 Nov + 6 months = 30 May (not 29 Feb + 3 months = 29 May).
    expect(day(clock(i, '2028-01-20', 'decision'))).toBe('2028-05-30');
  });

  it('adds 1 month with the extension on the accelerated track (Art. 68(6))', () => {
    const i = input([...submitted, ev('PROCESSING', '2027-01-10')], {
      accelerated: true,
      extension: { at: d('2027-02-01'), reason: 'volume of requests' },
    });
    expect(day(clock(i, '2027-02-02', 'decision'))).toBe('2027-04-10');
  });

  it('turns at risk with ≤ 20 % of the period left', () => {
    const i = input([...submitted, ev('PROCESSING', '2027-01-10')]);
    // Period 10 Jan – 10 Apr = 90 days; 20 % = 18 days.
    expect(clock(i, '2027-03-22', 'decision')).toMatchObject({ atRisk: false, remainingDays: 19 });
    expect(clock(i, '2027-03-24', 'decision')).toMatchObject({ atRisk: true, remainingDays: 17 });
    expect(computeClocks(i, d('2027-03-24')).atRisk).toBe(true);
  });

  it('is met by the decision, late if after the due date', () => {
    const onTime = input([...submitted, ev('PROCESSING', '2027-01-10'), ev('DECISION_ISSUED', '2027-04-10')]);
    expect(clock(onTime, '2027-05-01', 'decision')).toMatchObject({ state: 'met', late: false });
    const late = input([...submitted, ev('PROCESSING', '2027-01-10'), ev('DECISION_ISSUED', '2027-04-11')]);
    expect(clock(late, '2027-05-01', 'decision')).toMatchObject({ state: 'met', late: true });
  });

  it('stays overdue when information is asked after the deadline', () => {
    const i = input([
      ...submitted,
      ev('PROCESSING', '2027-01-10'),
      ev('AWAITING_ADDITIONAL_INFORMATION', '2027-04-15'),
    ]);
    expect(clock(i, '2027-04-20', 'decision')).toMatchObject({ state: 'overdue', remainingDays: -5 });
  });

  it('stops on withdrawal, and so does a pending request for information', () => {
    const i = input([
      ...submitted,
      ev('PROCESSING', '2027-01-10'),
      ev('AWAITING_ADDITIONAL_INFORMATION', '2027-02-01'),
      ev('WITHDRAWN', '2027-02-05'),
    ]);
    const clocks = computeClocks(i, d('2027-09-01'));
    expect(clockOf(clocks, 'decision')).toMatchObject({ state: 'stopped', pausedMs: 4 * 86_400_000 });
    expect(clockOf(clocks, 'additional-information').state).toBe('stopped');
    expect(clockOf(clocks, 'publication').state).toBe('not-started');
    expect(clocks).toMatchObject({ nextDue: null, overdue: false });
  });
});

describe('additional-information clock (Art. 68(4))', () => {
  const asked = [
    ...submitted,
    ev('PROCESSING', '2027-01-10'),
    ev('AWAITING_ADDITIONAL_INFORMATION', '2027-02-01'),
  ];

  it('gives the applicant 4 weeks and lapses into overdue', () => {
    expect(day(clock(input(asked), '2027-02-02', 'additional-information'))).toBe('2027-03-01');
    const lapsed = computeClocks(input(asked), d('2027-03-02'));
    expect(clockOf(lapsed, 'additional-information')).toMatchObject({ state: 'overdue', remainingDays: -1 });
    expect(clockOf(lapsed, 'decision').state).toBe('paused');
    expect(lapsed.overdue).toBe(true);
  });

  it('is met when the information comes in, and restarts for the next request', () => {
    const i = input([
      ...asked,
      ev('PROCESSING', '2027-02-10'),
      ev('AWAITING_ADDITIONAL_INFORMATION', '2027-03-01'),
    ]);
    expect(clock(i, '2027-02-20', 'additional-information')).toMatchObject({ state: 'met', late: false });
    const second = clock(i, '2027-03-02', 'additional-information');
    expect(second.state).toBe('running');
    expect(day(second)).toBe('2027-03-29');
  });

  it('stops (unmet) when the lapse leads to a refusal', () => {
    const i = input([...asked, ev('DECISION_ISSUED', '2027-03-02')]);
    expect(clock(i, '2027-03-05', 'additional-information').state).toBe('stopped');
  });
});

describe('publication clock (Art. 57(1)(j)(iii))', () => {
  const decided = [...submitted, ev('PROCESSING', '2027-01-10'), ev('DECISION_ISSUED', '2027-03-01')];

  it('runs 30 working days from the decision, skipping the HDAB’s holidays', () => {
    const plain = clock(input(decided), '2027-03-02', 'publication');
    expect(day(plain)).toBe('2027-04-12');
    const easter = clock(
      input(decided, { holidays: new Set(['2027-03-26', '2027-03-29']) }),
      '2027-03-02',
      'publication',
    );
    expect(day(easter)).toBe('2027-04-14');
  });

  it('is met when published; a publication date after now is not yet seen', () => {
    const i = input(decided, { publishedAt: d('2027-03-20') });
    expect(clock(i, '2027-03-25', 'publication')).toMatchObject({ state: 'met', late: false });
    expect(clock(i, '2027-03-10', 'publication').state).toBe('running');
  });

  it('refuses a publication before the decision', () => {
    expect(() => computeClocks(input(decided, { publishedAt: d('2027-02-01') }), d('2027-03-25'))).toThrow(
      /precedes the decision/,
    );
  });
});

describe('history as of now, and invalid input', () => {
  it('ignores events after now, so clocks can be computed for any past moment', () => {
    const i = input([...submitted, ev('PROCESSING', '2027-01-10'), ev('DECISION_ISSUED', '2027-03-01')]);
    expect(clock(i, '2027-02-01', 'decision').state).toBe('running');
    expect(clock(i, '2027-01-06', 'decision').state).toBe('not-started');
  });

  it('refuses an unsorted history and events after a final status', () => {
    expect(() =>
      computeClocks(input([ev('PROCESSING', '2027-02-01'), ev('SUBMITTED', '2027-01-01')]), d('2027-03-01')),
    ).toThrow(AppError);
    expect(() =>
      computeClocks(
        input([ev('SUBMITTED', '2027-01-01'), ev('WITHDRAWN', '2027-01-02'), ev('PROCESSING', '2027-01-03')]),
        d('2027-03-01'),
      ),
    ).toThrow(/final status/);
  });

  it('refuses an extension for a request, without reasons, or before the decision clock', () => {
    const base = [...submitted, ev('PROCESSING', '2027-01-10')];
    const ext = { at: d('2027-02-01'), reason: 'complex' };
    expect(() => computeClocks(input(base, { kind: 'request', extension: ext }), d('2027-03-01'))).toThrow(
      /Art. 69\(4\)/,
    );
    expect(() => computeClocks(input(base, { extension: { ...ext, reason: ' ' } }), d('2027-03-01'))).toThrow(
      /reasons/,
    );
    expect(() =>
      computeClocks(input(base, { extension: { ...ext, at: d('2027-01-06') } }), d('2027-03-01')),
    ).toThrow(/predates/);
  });
});
