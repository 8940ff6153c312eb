import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countByMonth,
  cumulativeByMonth,
  daysBetween,
  lastMonths,
  latestByMonth,
  median,
  medianByMonth,
  monthEnds,
  monthOf,
  monthRange,
  percent,
  rateByMonth,
  rateOf,
  tally,
  targetMet,
} from './arithmetic';

describe('months', () => {
  it('buckets instants by UTC month, whatever the offset they were written with', () => {
    expect(monthOf('2026-01-31T23:30:00Z')).toBe('2026-01');
    expect(monthOf('2026-02-01T00:30:00+02:00')).toBe('2026-01');
    expect(monthOf('2026-03-15')).toBe('2026-03');
    expect(() => monthOf('not a date')).toThrow(/not a date/);
  });

  it('lists months across a year end, and a rolling window ending with the current month', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
    expect(lastMonths(new Date('2026-03-31T23:59:59Z'), 4)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(lastMonths(new Date('2026-03-01T00:00:00Z'), 1)).toEqual(['2026-03']);
    expect(() => lastMonths(new Date(), 0)).toThrow();
  });

  it('measures a stock at each month end, and at now for the current month', () => {
    expect(monthEnds(['2026-01', '2026-02'], new Date('2026-02-10T12:00:00Z'))).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-02-10T12:00:00.000Z',
    ]);
  });
});

describe('median and rates', () => {
  it('takes the middle value, or the mean of the two middle ones, and null for nothing', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('is never below the smallest or above the largest value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (xs) => {
        const m = median(xs)!;
        return m >= Math.min(...xs) && m <= Math.max(...xs);
      }),
    );
  });

  it('counts days as calendar time, fractions included', () => {
    expect(daysBetween('2026-01-01T00:00:00Z', '2026-01-31T12:00:00Z')).toBe(30.5);
  });

  it('gives a percentage to one decimal, and null for an empty denominator rather than 0 %', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
    expect(
      rateOf([
        { numerator: 1, denominator: 10 },
        { numerator: 4, denominator: 40 },
      ]),
    ).toBe(10);
  });
});

describe('monthly series', () => {
  const months = ['2026-01', '2026-02', '2026-03'];

  it('counts per month, dropping instants outside the window and keeping empty months as 0', () => {
    expect(
      countByMonth(
        ['2025-12-31T23:59:59Z', '2026-01-05T00:00:00Z', '2026-01-20T00:00:00Z', '2026-03-01T00:00:00Z'],
        months,
      ),
    ).toEqual([
      { month: '2026-01', value: 2 },
      { month: '2026-02', value: 0 },
      { month: '2026-03', value: 1 },
    ]);
  });

  it('takes the median per month, null for a month with nothing decided', () => {
    const s = medianByMonth(
      [
        { at: '2026-01-10T00:00:00Z', value: 10 },
        { at: '2026-01-11T00:00:00Z', value: 20 },
        { at: '2026-01-12T00:00:00Z', value: 90 },
        { at: '2026-03-02T00:00:00Z', value: 33.33 },
      ],
      months,
    );
    expect(s.map((x) => x.value)).toEqual([20, null, 33.3]);
  });

  it('pools numerators and denominators of a month (a weighted rate, not a mean of rates)', () => {
    const s = rateByMonth(
      [
        { at: '2026-02-01T00:00:00Z', numerator: 1, denominator: 100 },
        { at: '2026-02-02T00:00:00Z', numerator: 9, denominator: 100 },
        { at: '2026-02-03T00:00:00Z', numerator: 1, denominator: 2 },
      ],
      months,
    );
    expect(s.map((x) => x.value)).toEqual([null, 5.4, null]);
  });

  it('runs a total up to each month end', () => {
    expect(
      cumulativeByMonth(['2025-06-01T00:00:00Z', '2026-02-28T23:59:59Z', '2026-03-01T00:00:00Z'], months).map(
        (x) => x.value,
      ),
    ).toEqual([1, 2, 3]);
  });

  it('keeps the latest recorded value of each month', () => {
    const s = latestByMonth(
      [
        { date: '2026-01-31', value: 2 },
        { date: '2026-01-05', value: 1 },
        { date: '2026-03-01', value: 7 },
      ],
      months,
    );
    expect(s.map((x) => x.value)).toEqual([2, null, 7]);
  });

  it('tallies labels, most frequent first then alphabetically', () => {
    expect(tally(['b', 'a', 'b', 'c', 'a', 'b'])).toEqual([
      { label: 'b', value: 3 },
      { label: 'a', value: 2 },
      { label: 'c', value: 1 },
    ]);
  });
});

describe('targets', () => {
  it('judges a value in the KPI direction, equal meaning met, and says nothing without value or target', () => {
    expect(targetMet(4, 4, 'higher')).toBe(true);
    expect(targetMet(3.9, 4, 'higher')).toBe(false);
    expect(targetMet(1.5, 2, 'lower')).toBe(true);
    expect(targetMet(2.5, 2, 'lower')).toBe(false);
    expect(targetMet(null, 2, 'lower')).toBeNull();
    expect(targetMet(3, null, 'higher')).toBeNull();
  });
});
