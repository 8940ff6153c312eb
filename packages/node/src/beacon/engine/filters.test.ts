import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { filtersToCohort } from './filters';
import { variantMatch } from './variant-match';

const today = new Date('2030-06-01T00:00:00Z');

describe('Beacon filters → cohort definition', () => {
  it('translates HPO, sex, ICD-10 (with descendants by default), SNOMED and age', () => {
    const def = filtersToCohort(
      [
        { id: 'HP:0001250' },
        { id: 'NCIT:C16576' },
        { id: 'ICD10:E11' },
        { id: 'SNOMED:44054006' },
        { id: 'age', operator: '>', value: 'P17Y' },
        { id: 'NCIT:C20197', operator: '!' },
      ],
      today,
    );
    expect(def.inclusion?.[0]?.criteria).toEqual([
      { type: 'phenotype', terms: ['HP:0001250'], status: 'present' },
      { type: 'sex', values: ['female'] },
      { type: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } },
      { type: 'condition', codes: { vocabulary: 'SNOMED', codes: ['44054006'], descendants: false } },
      { type: 'age', at: '2030-06-01', min: 18, max: undefined },
    ]);
    expect(def.exclusion).toEqual([{ match: 'all', criteria: [{ type: 'sex', values: ['male'] }] }]);
  });

  it('refuses unknown terms and bad ages, naming every one', () => {
    try {
      filtersToCohort(
        [{ id: 'HP:0001250' }, { id: 'MONDO:0005148' }, { id: 'age', operator: '<', value: 'old' }],
        today,
      );
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).kind).toBe('invalid');
      expect((err as AppError).issues.map((i) => i.path)).toEqual(['filters[1]', 'filters[2]']);
      expect((err as AppError).message).toContain('MONDO:0005148');
    }
    expect(() => filtersToCohort([{ id: 'SNOMED:44054006', includeDescendantTerms: true }], today)).toThrow(
      /hierarchy/,
    );
  });
});

describe('variant query → match rule', () => {
  it('refuses another assembly, naming assemblyId', () => {
    try {
      variantMatch(
        { form: 'range', assemblyId: 'GRCh37', referenceName: '1', start: [0], end: [10] },
        'GRCh38',
      );
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).issues[0]?.path).toBe('assemblyId');
    }
  });

  it('trims sequence alleles as ingest does and refuses oversized or reversed ranges', () => {
    const m = variantMatch(
      { form: 'sequence', referenceName: 'chrM', start: [99], referenceBases: 'GAA', alternateBases: 'GA' },
      'GRCh38',
    );
    expect(m).toMatchObject({
      chrom: 'MT',
      startMin: 99,
      startMax: 99,
      ref: { bases: 'GA' },
      alt: { bases: 'G' },
    });
    expect(() =>
      variantMatch({ form: 'range', referenceName: '1', start: [0], end: [20_000_001] }, 'GRCh38'),
    ).toThrow(/at most/);
    expect(() =>
      variantMatch({ form: 'range', referenceName: '1', start: [10], end: [10] }, 'GRCh38'),
    ).toThrow(/after start/);
    expect(() =>
      variantMatch({ form: 'range', referenceName: '1', start: [0], end: [9], variantType: 'XYZ' }, 'GRCh38'),
    ).toThrow(/variantType/);
  });
});
