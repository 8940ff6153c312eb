import { describe, expect, it } from 'vitest';
import { mergeContingency, localContingency } from './contingency';
import { localNumericSummary, mergeNumericSummaries } from './descriptive';
import { syntheticCohort } from './synthetic';
import { poolColumns } from './test-support';

const nodes = [syntheticCohort(800, 51, 0), syntheticCohort(150, 52, 2), syntheticCohort(1500, 53, -1)];
const pooled = poolColumns(nodes);

describe('federated descriptive statistics', () => {
  it('merged count, mean and variance equal those of the pooled rows', () => {
    const [fed] = mergeNumericSummaries(nodes.map((d) => localNumericSummary(d, ['bmi'])));
    const xs = pooled.bmi as number[];
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    expect(fed!.n).toBe(2450);
    expect(fed!.mean).toBeCloseTo(mean, 10);
    expect(fed!.variance!).toBeCloseTo(variance, 9);
    expect(fed!.sd!).toBeCloseTo(Math.sqrt(variance), 10);
    expect(fed!.extremes).toBeUndefined();
  });

  it('returns min and max only on request, flagged as disclosive', () => {
    const [s] = mergeNumericSummaries(
      nodes.map((d) => localNumericSummary(d, ['age'], { includeExtremes: true })),
    );
    const ages = pooled.age as number[];
    expect(s!.extremes).toEqual({ min: Math.min(...ages), max: Math.max(...ages), disclosive: true });
  });

  it('counts missing cells and refuses text', () => {
    const [s] = localNumericSummary({ x: [1, null, 3, Number.NaN] }, ['x']);
    expect([s!.n, s!.missing, s!.mean]).toEqual([2, 2, 2]);
    expect(() => localNumericSummary({ x: [1, 'a'] }, ['x'])).toThrow(/'x' holds 'a'/);
  });
});

describe('federated contingency tables', () => {
  it('merged counts equal the pooled table, with margins and Pearson χ²', () => {
    const fed = mergeContingency(nodes.map((d) => localContingency(d, 'region', 'sex')));
    const one = mergeContingency([localContingency(pooled, 'region', 'sex')]);
    expect(fed).toEqual(one);
    expect(fed.rowLevels).toEqual(['east', 'north', 'south', 'west']);
    expect(fed.columnLevels).toEqual(['female', 'male']);
    const southMale = pooled.region!.filter((r, i) => r === 'south' && pooled.sex![i] === 'male').length;
    expect(fed.counts[2]![1]).toBe(southMale);
    expect(fed.total).toBe(2450);
    expect(fed.chiSquare!.df).toBe(3);
    expect(fed.chiSquare!.pValue).toBeGreaterThan(0);
    expect(fed.chiSquare!.pValue).toBeLessThanOrEqual(1);
  });

  it('a one-way table has no χ²', () => {
    const t = mergeContingency([localContingency({ g: ['a', 'b', 'a', null] }, 'g')]);
    expect(t.counts).toEqual([[2], [1]]);
    expect(t.missing).toBe(1);
    expect(t.chiSquare).toBeNull();
  });
});
