import { describe, expect, it } from 'vitest';
import { budgetLeft, formatBudget, labelOf, periodText } from './workspace-text';

const words = { from: 'from', until: 'until', to: 'to' };

describe('workspace texts', () => {
  it('labels datasets and variables given as strings or objects', () => {
    expect(labelOf('fi-biobank-2024')).toBe('fi-biobank-2024');
    expect(labelOf({ id: 'd1', title: { en: 'Biobank cohort' } })).toBe('Biobank cohort');
    expect(labelOf({ name: 'HbA1c' })).toBe('HbA1c');
  });

  it('writes a data period with one or both ends', () => {
    expect(periodText({ from: '2019-01-01', to: '2024-12-31T00:00:00Z' }, words)).toBe(
      '2019-01-01 to 2024-12-31',
    );
    expect(periodText({ from: '2019-01-01' }, words)).toBe('from 2019-01-01');
    expect(periodText(null, words)).toBeNull();
  });

  it('computes the budget left, never negative', () => {
    expect(budgetLeft({ granted: 1, spent: 0.25 })).toBe(0.75);
    expect(budgetLeft({ granted: 1, spent: 1.5 })).toBe(0);
    expect(formatBudget(0.1 + 0.2)).toBe('0.3');
  });
});
