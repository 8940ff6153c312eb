import { describe, expect, it } from 'vitest';
import { computeClocks } from './clocks';
import type { ApplicationStatus, ClockInput, StatusEvent } from './types';
import { queueRank, workQueue } from './work-queue';

const d = (iso: string) => new Date(`${iso}T09:00:00.000Z`);
const ev = (status: ApplicationStatus, at: string): StatusEvent => ({ status, at: d(at) });
const item = (id: string, history: StatusEvent[]) => {
  const clockInput: ClockInput = { kind: 'application', accelerated: false, history, holidays: new Set() };
  return { id, clockInput };
};

describe('workQueue', () => {
  it('puts overdue first (most overdue on top), then at risk, then by due date, idle last', () => {
    const now = d('2027-04-01');
    const items = [
      item('decided', [
        ev('SUBMITTED', '2027-01-01'),
        ev('PROCESSING', '2027-01-05'),
        ev('DECISION_ISSUED', '2027-03-01'),
      ]),
      item('fresh', [ev('SUBMITTED', '2027-03-30')]),
      item('paused', [
        ev('SUBMITTED', '2027-01-01'),
        ev('PROCESSING', '2027-01-05'),
        ev('AWAITING_ADDITIONAL_INFORMATION', '2027-03-25'),
      ]),
      item('slightly-overdue', [ev('SUBMITTED', '2027-03-01')]),
      item('at-risk', [ev('SUBMITTED', '2027-01-01'), ev('PROCESSING', '2027-01-10')]),
      item('very-overdue', [ev('SUBMITTED', '2027-02-01')]),
      item('withdrawn', [ev('SUBMITTED', '2027-01-01'), ev('WITHDRAWN', '2027-01-02')]),
    ];
    const queue = workQueue(items, now);
    expect(queue.map((e) => [e.id, queueRank(e.clocks)])).toEqual([
      ['very-overdue', 'overdue'],
      ['slightly-overdue', 'overdue'],
      ['at-risk', 'at-risk'],
      // Decided 1 Mar: publication due 12 Apr; paused case: applicant's answer due 22 Apr.
      ['decided', 'due'],
      ['paused', 'due'],
      ['fresh', 'due'],
      ['withdrawn', 'idle'],
    ]);
    expect(queue[0]!.clocks.nextDue?.name).toBe('completeness');
    expect(queue[2]!.clocks.nextDue?.name).toBe('decision');
  });

  it('keeps input order among equals and returns an empty queue for no items', () => {
    const now = d('2027-04-01');
    const queue = workQueue(
      [item('a', [ev('SUBMITTED', '2027-03-30')]), item('b', [ev('SUBMITTED', '2027-03-30')])],
      now,
    );
    expect(queue.map((e) => e.id)).toEqual(['a', 'b']);
    expect(workQueue([], now)).toEqual([]);
  });

  it('takes items whose clocks are already computed and returns the same objects, sorted', () => {
    const now = d('2027-04-01');
    const late = {
      id: 'late',
      clocks: computeClocks(item('x', [ev('SUBMITTED', '2027-02-01')]).clockInput, now),
    };
    const fresh = {
      id: 'fresh',
      clocks: computeClocks(item('y', [ev('SUBMITTED', '2027-03-30')]).clockInput, now),
    };
    const queue = workQueue([fresh, late], now);
    expect(queue).toEqual([late, fresh]);
    expect(queue[0]).toBe(late);
  });
});
