import { describe, expect, it } from 'vitest';
import type { BeaconAccess } from '@openehds/core';
import { discloseAnswer, grantedGranularity, roundCount } from './granularity';

const access: BeaconAccess = {
  granularity: 'count',
  recordDatasets: [{ datasetId: 'd1', permitId: 'P1' }],
  minCount: 10,
  roundTo: 10,
};
const raw = (count: number, persons = count, alleles?: { alleleCount: number; alleleNumber: number }) => ({
  datasetId: 'd2',
  count,
  persons,
  ...(alleles ? { alleles } : {}),
  records: [{ id: 'x' }],
});

describe('Beacon granularity and disclosure rules', () => {
  it('grants at most what the access allows and what was asked', () => {
    expect(grantedGranularity(access, 'd1', 'record')).toBe('record');
    expect(grantedGranularity(access, 'd2', 'record')).toBe('count');
    expect(grantedGranularity(access, 'd1', 'boolean')).toBe('boolean');
    expect(grantedGranularity({ ...access, granularity: 'boolean' }, 'd2', 'count')).toBe('boolean');
  });

  it('boolean shows existence only, even for a single person', () => {
    expect(discloseAnswer(raw(1, 1, { alleleCount: 1, alleleNumber: 100 }), 'boolean', access)).toEqual({
      id: 'd2',
      setType: 'dataset',
      exists: true,
    });
    expect(discloseAnswer(raw(0), 'boolean', access)).toEqual({
      id: 'd2',
      setType: 'dataset',
      exists: false,
    });
  });

  it('count: zero stays zero, small counts hide the figure, others are rounded and always marked adjusted', () => {
    expect(discloseAnswer(raw(0), 'count', access)).toMatchObject({ exists: false, resultsCount: 0 });
    const small = discloseAnswer(raw(9), 'count', access);
    expect(small).toEqual({ id: 'd2', setType: 'dataset', exists: true, countAdjusted: true });
    expect(discloseAnswer(raw(14), 'count', access)).toMatchObject({
      exists: true,
      resultsCount: 10,
      countAdjusted: true,
    });
    expect(discloseAnswer(raw(15), 'count', access)).toMatchObject({ resultsCount: 20 });
    expect(discloseAnswer(raw(30), 'count', access)).toMatchObject({ resultsCount: 30, countAdjusted: true });
    expect(discloseAnswer(raw(30), 'count', access).results).toBeUndefined();
    // Ten variants carried by three persons: the persons decide.
    expect(discloseAnswer(raw(10, 3), 'count', access).resultsCount).toBeUndefined();
    expect(roundCount(11, { minCount: 10, roundTo: 100 })).toBe(10);
  });

  it('frequency only when AC and AN − AC both reach minCount, rounded at count level', () => {
    expect(
      discloseAnswer(raw(12, 12, { alleleCount: 9, alleleNumber: 200 }), 'count', access).frequency,
    ).toBeUndefined();
    expect(
      discloseAnswer(raw(60, 60, { alleleCount: 95, alleleNumber: 100 }), 'count', access).frequency,
    ).toBeUndefined();
    expect(
      discloseAnswer(raw(12, 12, { alleleCount: 14, alleleNumber: 203 }), 'count', access).frequency,
    ).toEqual({
      alleleCount: 10,
      alleleNumber: 200,
      alleleFrequency: 0.05,
    });
  });

  it('record: exact count, records and exact frequency', () => {
    const out = discloseAnswer(raw(2, 2, { alleleCount: 3, alleleNumber: 16 }), 'record', access);
    expect(out).toMatchObject({
      exists: true,
      resultsCount: 2,
      countAdjusted: false,
      results: [{ id: 'x' }],
    });
    expect(out.frequency).toEqual({ alleleCount: 3, alleleNumber: 16, alleleFrequency: 0.1875 });
  });
});
