import { describe, expect, it } from 'vitest';
import type { ApplicationListItem, Clock, Clocks } from '@openehds/client';
import { canExtend, queueRows, staffActions, statusFilter } from './queue-display';

const clock = (over: Partial<Clock>): Clock => ({
  name: 'decision',
  dueAt: '2027-03-01T10:00:00.000Z',
  state: 'running',
  remainingDays: 40,
  atRisk: false,
  article: 'Art. 68(4)',
  startedAt: '2026-12-01T10:00:00.000Z',
  endedAt: null,
  late: false,
  pausedMs: 0,
  ...over,
});
const clocks = (c: Clock | null, flags: Partial<Clocks> = {}): Clocks => ({
  clocks: c ? [c] : [],
  nextDue: c,
  overdue: false,
  atRisk: false,
  ...flags,
});
const item = (id: string, c: Clocks): ApplicationListItem => ({
  id,
  reference: `FI-APP-2027-00000${id}`,
  kind: 'application',
  title: `File ${id}`,
  status: 'PROCESSING',
  outcome: null,
  applicant: 'Marie',
  organisation: 'BioNova',
  accelerated: false,
  submittedAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  clocks: c,
});

describe('queueRows', () => {
  it('keeps the hub’s order and flags overdue and at-risk files in words', () => {
    const rows = queueRows([
      item('1', clocks(clock({ state: 'overdue', remainingDays: -2 }), { overdue: true })),
      item('2', clocks(clock({ atRisk: true, remainingDays: 5 }), { atRisk: true })),
      item('3', clocks(clock({ remainingDays: 40 }))),
      item('4', clocks(null)),
    ]);
    expect(rows.map((r) => r.item.id)).toEqual(['1', '2', '3', '4']);
    expect(rows.map((r) => r.rank)).toEqual(['overdue', 'at-risk', 'due', 'idle']);
    expect(rows.map((r) => r.badge?.text ?? null)).toEqual(['Overdue', 'At risk', null, null]);
    expect(rows[0]!.nextDue).toBe('Decision: 2027-03-01 (2 days overdue)');
    expect(rows[3]!.nextDue).toBe('');
  });
});

describe('statusFilter', () => {
  it('accepts queue statuses only', () => {
    expect(statusFilter('PROCESSING')).toBe('PROCESSING');
    expect(statusFilter('DRAFT')).toBeUndefined();
    expect(statusFilter('nonsense')).toBeUndefined();
    expect(statusFilter(null)).toBeUndefined();
  });
});

describe('staffActions', () => {
  it('offers only the staff events the hub allows, in procedure order', () => {
    expect(staffActions(['withdraw', 'complete', 'request-information'])).toEqual([
      'request-information',
      'complete',
    ]);
    expect(staffActions(['start-pre-screening', 'withdraw'])).toEqual(['start-pre-screening']);
    expect(staffActions(['decide', 'withdraw'])).toEqual([]);
  });
});

describe('canExtend', () => {
  const base = { kind: 'application' as const, status: 'PROCESSING' as const, extension: null };
  it('offers the extension once, for a live decision clock of an application', () => {
    expect(canExtend({ ...base, clocks: clocks(clock({})) })).toBe(true);
    expect(canExtend({ ...base, clocks: clocks(clock({ state: 'paused' })) })).toBe(true);
    expect(canExtend({ ...base, extension: { at: 'x', reason: 'y' }, clocks: clocks(clock({})) })).toBe(
      false,
    );
    expect(canExtend({ ...base, kind: 'request', clocks: clocks(clock({})) })).toBe(false);
    expect(canExtend({ ...base, clocks: clocks(clock({ state: 'overdue' })) })).toBe(false);
    expect(canExtend({ ...base, status: 'PRE_SCREENING', clocks: clocks(clock({})) })).toBe(false);
  });
});
