import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { clockOf, computeClocks } from './clocks';
import { validateExtension } from './extension';
import type { ApplicationStatus, ClockInput, StatusEvent } from './types';

const d = (iso: string) => new Date(`${iso}T09:00:00.000Z`);
const ev = (status: ApplicationStatus, at: string): StatusEvent => ({ status, at: d(at) });
const input = (history: StatusEvent[], extra: Partial<ClockInput> = {}): ClockInput => ({
  kind: 'application',
  accelerated: false,
  history,
  holidays: new Set<string>(),
  ...extra,
});
const processing = [
  ev('SUBMITTED', '2027-01-04'),
  ev('PRE_SCREENING', '2027-01-05'),
  ev('PROCESSING', '2027-01-10'),
];

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('validateExtension', () => {
  it('extends a processing application by 3 months and agrees with computeClocks', () => {
    const ext = { at: d('2027-03-01'), reason: 'linkage across three registries' };
    const plan = validateExtension(input(processing), ext);
    expect(plan.months).toBe(3);
    expect(plan.previousDueAt.toISOString().slice(0, 10)).toBe('2027-04-10');
    expect(plan.dueAt.toISOString().slice(0, 10)).toBe('2027-07-10');
    const recomputed = clockOf(
      computeClocks(input(processing, { extension: ext }), d('2027-03-02')),
      'decision',
    );
    expect(recomputed.dueAt).toEqual(plan.dueAt);
  });

  it('extends by 1 month on the accelerated track, and keeps an ongoing pause', () => {
    const history = [...processing, ev('AWAITING_ADDITIONAL_INFORMATION', '2027-02-01')];
    const plan = validateExtension(input(history, { accelerated: true }), {
      at: d('2027-02-11'),
      reason: 'x',
    });
    expect(plan.months).toBe(1);
    // 10 Jan + 3 months = 10 Apr, + 10 days paused so far.
    expect(plan.dueAt.toISOString().slice(0, 10)).toBe('2027-04-20');
  });

  it('refuses a second extension, citing the one-extension rule', () => {
    const first = { at: d('2027-02-01'), reason: 'complex' };
    const e = refusal(() =>
      validateExtension(input(processing, { extension: first }), { at: d('2027-03-01'), reason: 'more' }),
    );
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/one extension only/);
    expect(e.message).toMatch(/Art\. 68\(4\)/);
  });

  it('refuses an extension without reasons', () => {
    const e = refusal(() => validateExtension(input(processing), { at: d('2027-03-01'), reason: '  ' }));
    expect(e.kind).toBe('invalid');
    expect(e.issues).toEqual([{ path: 'reason', message: 'required' }]);
  });

  it('refuses outside PROCESSING / AWAITING, including awaiting during pre-screening', () => {
    const pre = [ev('SUBMITTED', '2027-01-04'), ev('PRE_SCREENING', '2027-01-05')];
    expect(
      refusal(() => validateExtension(input(pre), { at: d('2027-01-06'), reason: 'x' })).message,
    ).toMatch(/it is PRE_SCREENING/);
    const asked = [...pre, ev('AWAITING_ADDITIONAL_INFORMATION', '2027-01-06')];
    expect(refusal(() => validateExtension(input(asked), { at: d('2027-01-07'), reason: 'x' })).kind).toBe(
      'conflict',
    );
    const decided = [...processing, ev('DECISION_ISSUED', '2027-02-01')];
    expect(
      refusal(() => validateExtension(input(decided), { at: d('2027-02-02'), reason: 'x' })).message,
    ).toMatch(/it is DECISION_ISSUED/);
    expect(refusal(() => validateExtension(input([]), { at: d('2027-02-02'), reason: 'x' })).message).toMatch(
      /not submitted/,
    );
  });

  it('refuses for a health data request (Art. 69(4))', () => {
    const e = refusal(() =>
      validateExtension(input(processing, { kind: 'request' }), { at: d('2027-02-01'), reason: 'x' }),
    );
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/Art\. 69\(4\)/);
  });

  it('[OURS] refuses once the decision is already overdue', () => {
    const e = refusal(() => validateExtension(input(processing), { at: d('2027-04-11'), reason: 'late' }));
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/was due on 2027-04-10/);
  });
});
