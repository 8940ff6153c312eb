import type { CohortDefinitionInput } from '@openehds/core';
import type { Fixture } from './cohort-fixture';

/**
 * Cohort definitions over `buildCohortFixture()` with the persons each must return; shared by the
 * DuckDB test and the PostgreSQL parity test.
 */
export interface CohortCase {
  name: string;
  definition: CohortDefinitionInput;
  expected: number[];
}

type Criterion = NonNullable<CohortDefinitionInput['inclusion']>[number]['criteria'][number];
type CodeSetInput = Extract<Criterion, { type: 'measurement' }>['codes'];

const J45: Criterion = {
  type: 'condition',
  codes: { vocabulary: 'ICD10', codes: ['J45'], descendants: true },
};
const E11_INDEX: NonNullable<CohortDefinitionInput['index']> = {
  event: { type: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } },
};
const I10: Extract<Criterion, { type: 'condition' }> = {
  type: 'condition',
  codes: { vocabulary: 'ICD10', codes: ['I10'], descendants: true },
};
const HBA1C: CodeSetInput = { vocabulary: 'LOINC', codes: ['4548-4'] };
const INDEX_PERSONS = [901, 902, 903, 904, 905, 906, 907, 1101, 1102, 1201, 1202];

const incl = (...criteria: unknown[]) => [{ criteria }] as CohortDefinitionInput['inclusion'];

export function cohortCases(fixture: Fixture): CohortCase[] {
  const all = fixture.person!.map((p) => p.person_id as number);
  const except = (ids: number[], out: number[]) => ids.filter((id) => !out.includes(id));
  return [
    { name: 'no criteria: everyone', definition: {}, expected: all },
    { name: 'ICD-10 J45 and descendants', definition: { inclusion: incl(J45) }, expected: [101, 103, 104] },
    {
      name: 'ICD-10 J45.9 exact (dotted or not)',
      definition: { inclusion: incl({ type: 'condition', codes: { vocabulary: 'ICD10', codes: ['J459'] } }) },
      expected: [101, 104],
    },
    {
      name: 'SNOMED CT exact',
      definition: {
        inclusion: incl({ type: 'condition', codes: { vocabulary: 'SNOMED', codes: ['195967001'] } }),
      },
      expected: [107],
    },
    {
      name: 'condition in a date range',
      definition: { inclusion: incl({ ...J45, dateRange: { from: '2018-03-01', to: '2018-03-01' } }) },
      expected: [101, 103],
    },
    {
      name: 'HbA1c 6.5–8 %',
      definition: {
        inclusion: incl({ type: 'measurement', codes: HBA1C, value: { min: 6.5, max: 8 }, unit: '%' }),
      },
      expected: [201, 205, 901, 902, 903, 904, 905],
    },
    {
      name: 'HbA1c ≥ 6.5 in any unit',
      definition: { inclusion: incl({ type: 'measurement', codes: HBA1C, value: { min: 6.5 } }) },
      expected: [201, 203, 205, 206, 901, 902, 903, 904, 905],
    },
    {
      name: 'ATC A10BA by prefix',
      definition: {
        inclusion: incl({ type: 'drug', codes: { vocabulary: 'ATC', codes: ['A10BA'], descendants: true } }),
      },
      expected: [301, 303],
    },
    {
      name: 'procedure SNOMED exact',
      definition: {
        inclusion: incl({ type: 'procedure', codes: { vocabulary: 'SNOMED', codes: ['265764009'] } }),
      },
      expected: [401],
    },
    {
      name: 'age 18–80 on a date',
      definition: { inclusion: incl({ type: 'age', min: 18, max: 80, at: '2024-06-15' }) },
      expected: except(all, [502, 504]),
    },
    {
      name: 'female',
      definition: { inclusion: incl({ type: 'sex', values: ['female'] }) },
      expected: [103, 601],
    },
    {
      name: 'unknown sex',
      definition: { inclusion: incl({ type: 'sex', values: ['unknown'] }) },
      expected: [602],
    },
    {
      name: 'variant by position (chr prefix, VCF POS)',
      definition: { inclusion: incl({ type: 'variant', chrom: 'chr13', pos: 32340301, ref: 'A', alt: 'G' }) },
      expected: [701, 704],
    },
    {
      name: 'variant by position, heterozygous',
      definition: {
        inclusion: incl({
          type: 'variant',
          chrom: '13',
          pos: 32340301,
          ref: 'A',
          alt: 'G',
          zygosity: 'heterozygous',
        }),
      },
      expected: [701],
    },
    {
      name: 'variant on GRCh37',
      definition: {
        inclusion: incl({
          type: 'variant',
          assembly: 'GRCh37',
          chrom: '13',
          pos: 32340301,
          ref: 'A',
          alt: 'G',
        }),
      },
      expected: [703],
    },
    {
      name: 'variant given untrimmed (pos 100 CAT>CT)',
      definition: { inclusion: incl({ type: 'variant', chrom: '13', pos: 100, ref: 'CAT', alt: 'CT' }) },
      expected: [705],
    },
    {
      name: 'variant by gene',
      definition: { inclusion: incl({ type: 'variant', gene: 'brca2' }) },
      expected: [701, 702, 704, 705],
    },
    {
      name: 'HPO present',
      definition: { inclusion: incl({ type: 'phenotype', terms: ['HP:0001250'] }) },
      expected: [801],
    },
    {
      name: 'HPO excluded',
      definition: { inclusion: incl({ type: 'phenotype', terms: ['HP:0001250'], status: 'excluded' }) },
      expected: [802, 803],
    },
    { name: 'index event alone', definition: { index: E11_INDEX }, expected: INDEX_PERSONS },
    {
      name: 'HbA1c within 365 days before the first E11',
      definition: {
        index: E11_INDEX,
        inclusion: incl({ type: 'measurement', codes: HBA1C, window: { startDays: -365, endDays: 0 } }),
      },
      expected: [901, 903],
    },
    {
      name: 'HbA1c within 365 days before the last E11',
      definition: {
        index: { ...E11_INDEX, occurrence: 'last' },
        inclusion: incl({ type: 'measurement', codes: HBA1C, window: { startDays: -365, endDays: 0 } }),
      },
      expected: [904, 905],
    },
    {
      name: 'no insulin in the 30 days after the index',
      definition: {
        index: E11_INDEX,
        exclusion: [
          {
            criteria: [
              {
                type: 'drug',
                codes: { vocabulary: 'ATC', codes: ['A10A'], descendants: true },
                window: { startDays: 0, endDays: 30 },
              },
            ],
          },
        ],
      },
      expected: except(INDEX_PERSONS, [906]),
    },
    {
      name: 'events outside observation periods ignored',
      definition: {
        requireObservationPeriod: true,
        inclusion: incl({
          type: 'condition',
          codes: { vocabulary: 'ICD10', codes: ['I21'], descendants: true },
        }),
      },
      expected: [1001],
    },
    {
      name: 'events anywhere when periods are not required',
      definition: {
        inclusion: incl({
          type: 'condition',
          codes: { vocabulary: 'ICD10', codes: ['I21'], descendants: true },
        }),
      },
      expected: [1001, 1002, 1003],
    },
    {
      name: 'index event inside an observation period',
      definition: {
        requireObservationPeriod: true,
        index: { event: { type: 'condition', codes: { vocabulary: 'ICD10', codes: ['I21.0'] } } },
      },
      expected: [1001],
    },
    {
      name: '180 days of prior observation',
      definition: { index: E11_INDEX, minPriorObservationDays: 180 },
      expected: except(INDEX_PERSONS, [1102]),
    },
    {
      name: 'age ≥ 18 at index',
      definition: { index: E11_INDEX, inclusion: incl({ type: 'age', min: 18 }) },
      expected: except(INDEX_PERSONS, [1202]),
    },
    {
      name: 'ANY inclusion, ALL exclusion',
      definition: {
        inclusion: [
          {
            match: 'any',
            criteria: [J45, { type: 'procedure', codes: { vocabulary: 'SNOMED', codes: ['265764009'] } }],
          },
        ],
        exclusion: [{ match: 'all', criteria: [{ type: 'sex', values: ['female'] }, J45] }],
      },
      expected: [101, 104, 401],
    },
    {
      name: 'ICD-10 I10 found as a second coding of a SNOMED CT condition',
      definition: { inclusion: incl(I10) },
      expected: [1301, 1304, 1310, 1311],
    },
    {
      name: 'second coding: the date range applies to its row',
      definition: { inclusion: incl({ ...I10, dateRange: { from: '2018-05-01' } }) },
      expected: [1301, 1310, 1311],
    },
    {
      name: 'SNOMED CT still finds the code kept in the row',
      definition: {
        inclusion: incl({ type: 'condition', codes: { vocabulary: 'SNOMED', codes: ['38341003'] } }),
      },
      expected: [1301, 1302, 1303, 1304, 1310, 1311],
    },
    {
      name: 'RxNorm as a second coding of an ATC drug (exact)',
      definition: { inclusion: incl({ type: 'drug', codes: { vocabulary: 'RxNorm', codes: ['29046'] } }) },
      expected: [1306],
    },
    {
      name: 'HPO as a second coding, present',
      definition: { inclusion: incl({ type: 'phenotype', terms: ['HP:0004322'] }) },
      expected: [1308],
    },
    {
      name: 'HPO as a second coding, excluded',
      definition: { inclusion: incl({ type: 'phenotype', terms: ['HP:0004322'], status: 'excluded' }) },
      expected: [1309],
    },
    {
      name: 'index event found through a second coding',
      definition: {
        index: { event: I10 },
        inclusion: incl({
          type: 'drug',
          codes: { vocabulary: 'ATC', codes: ['C10AA05'] },
          window: { startDays: 0, endDays: 0 },
        }),
      },
      expected: [1310],
    },
    {
      name: 'ALL inclusion',
      definition: { inclusion: [{ match: 'all', criteria: [J45, { type: 'sex', values: ['male'] }] }] },
      expected: [101, 104],
    },
    {
      name: 'two exclusion groups: either excludes',
      definition: { exclusion: [{ criteria: [{ type: 'sex', values: ['female'] }] }, { criteria: [J45] }] },
      expected: except(all, [101, 103, 104, 601]),
    },
  ];
}
