import { describe, expect, it } from 'vitest';
import type { Milestone } from '@openehds/client';
import { isOverdue, parseKpiTargets, QUARTER_WIDTH, timelineLayout } from './timeline';

const ms = (id: string, dueDate: string, status: Milestone['status']): Milestone => ({
  id,
  title: `M ${id}`,
  dueDate,
  status,
  recommendationIds: [],
  kpiTargets: [],
  createdAt: '',
  updatedAt: '',
});

describe('roadmap timeline', () => {
  it('spans whole quarters from the first to the last milestone, with today inside', () => {
    const l = timelineLayout([ms('a', '2025-03-25', 'done'), ms('b', '2029-03-26', 'planned')], '2026-11-29');
    expect(l.quarters[0]!.label).toBe('2025 Q1');
    expect(l.quarters.at(-1)!.label).toBe('2029 Q1');
    expect(l.quarters).toHaveLength(17);
    expect(l.quarters.filter((q) => q.yearStart).map((q) => q.label)).toEqual([
      '2025 Q1',
      '2026 Q1',
      '2027 Q1',
      '2028 Q1',
      '2029 Q1',
    ]);
    // 2026-11-29 is in 2026 Q4, the 8th quarter: between its start and end.
    expect(l.todayX!).toBeGreaterThan(16 + 7 * QUARTER_WIDTH);
    expect(l.todayX!).toBeLessThan(16 + 8 * QUARTER_WIDTH);
    expect(l.items.map((i) => i.anchor)).toEqual(['start', 'end']);
  });

  it('marks open milestones past due as overdue, and extends to today when it is later', () => {
    const l = timelineLayout(
      [ms('a', '2026-10-31', 'in_progress'), ms('b', '2026-06-30', 'done')],
      '2027-02-01',
    );
    expect(l.items.map((i) => [i.id, i.overdue])).toEqual([
      ['b', false],
      ['a', true],
    ]);
    expect(l.quarters.at(-1)!.label).toBe('2027 Q1');
    expect(isOverdue({ dueDate: '2026-10-31', status: 'cancelled' }, '2027-01-01')).toBe(false);
  });

  it('parses KPI targets and names the first bad part', () => {
    expect(parseKpiTargets('permits.granted = 50\nopt-out.rate=2.5')).toEqual({
      targets: [
        { key: 'permits.granted', target: 50 },
        { key: 'opt-out.rate', target: 2.5 },
      ],
    });
    expect(parseKpiTargets('')).toEqual({ targets: [] });
    expect(parseKpiTargets('permits.granted = 50, jobs.run = many')).toEqual({ bad: 'jobs.run = many' });
  });
});
