import { describe, expect, it } from 'vitest';
import { isKpiKey, isOverdue, quarterOf } from './rules';

describe('roadmap rules', () => {
  it('accepts KPI keys in the KPI feature format and refuses others', () => {
    for (const k of [
      'applications.days-to-decision',
      'opt-out.rate',
      'stakeholder.satisfaction',
      'jobs_run2',
    ])
      expect(isKpiKey(k), k).toBe(true);
    for (const k of [
      '',
      'Permits.granted',
      '1permits',
      'permits..granted',
      'permits.',
      'a b',
      'x'.repeat(65),
    ])
      expect(isKpiKey(k), k).toBe(false);
  });

  it('marks a milestone overdue only when past due and still open', () => {
    expect(isOverdue({ dueDate: '2027-03-25', status: 'planned' }, '2027-03-26')).toBe(true);
    expect(isOverdue({ dueDate: '2027-03-25', status: 'in_progress' }, '2027-03-26')).toBe(true);
    expect(isOverdue({ dueDate: '2027-03-26', status: 'planned' }, '2027-03-26')).toBe(false);
    expect(isOverdue({ dueDate: '2027-03-25', status: 'done' }, '2027-03-26')).toBe(false);
    expect(isOverdue({ dueDate: '2027-03-25', status: 'cancelled' }, '2027-03-26')).toBe(false);
  });

  it('names the quarter of a day', () => {
    expect(['2027-01-01', '2027-03-31', '2027-04-01', '2029-12-31'].map(quarterOf)).toEqual([
      '2027-Q1',
      '2027-Q1',
      '2027-Q2',
      '2029-Q4',
    ]);
  });
});
