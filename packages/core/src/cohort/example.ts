import type { CohortDefinitionInput } from './definition';

/**
 * An example using every criterion type: adults with type 2 diabetes (ICD-10 E11, first diagnosis as
 * index), an HbA1c ≥ 6.5 % in the year before, metformin (ATC A10BA) in the year after, and so on.
 * Used by docs, the web builder's "example" button and the feasibility benchmark.
 */
export const exampleCohortDefinition: CohortDefinitionInput = {
  version: 1,
  name: 'Type 2 diabetes, adults, HbA1c-confirmed, on metformin',
  index: { event: { type: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } } },
  requireObservationPeriod: true,
  minPriorObservationDays: 180,
  inclusion: [
    {
      name: 'demographics',
      match: 'all',
      criteria: [
        { type: 'age', min: 18, max: 80, at: 'index' },
        { type: 'sex', values: ['male', 'female'] },
      ],
    },
    {
      name: 'confirmed and treated',
      match: 'all',
      criteria: [
        {
          type: 'measurement',
          codes: { vocabulary: 'LOINC', codes: ['4548-4'] },
          value: { min: 6.5 },
          unit: '%',
          window: { startDays: -365, endDays: 0 },
        },
        {
          type: 'drug',
          codes: { vocabulary: 'ATC', codes: ['A10BA'], descendants: true },
          window: { startDays: 0, endDays: 365 },
        },
      ],
    },
    {
      name: 'genotyped or phenotyped',
      match: 'any',
      criteria: [
        { type: 'variant', assembly: 'GRCh38', gene: 'HNF1A' },
        { type: 'phenotype', terms: ['HP:0000819'], status: 'present' },
      ],
    },
  ],
  exclusion: [
    {
      name: 'type 1 diabetes or dialysis',
      match: 'any',
      criteria: [
        { type: 'condition', codes: { vocabulary: 'ICD10', codes: ['E10'], descendants: true } },
        { type: 'procedure', codes: { vocabulary: 'SNOMED', codes: ['265764009'] } },
      ],
    },
  ],
};
