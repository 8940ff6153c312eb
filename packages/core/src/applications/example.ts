import type { ApplicationContent } from './content';
import { PROHIBITED_USES } from './purposes';

/**
 * A complete application by a biotech company for scientific research: the demo seeds it, tests
 * start from it and change one thing at a time.
 */
export const exampleApplication = (): ApplicationContent => ({
  title: 'Type 2 diabetes progression model',
  applicantActivities: 'BioNova develops decision support for diabetes care.',
  persons: [
    { name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' },
    { name: 'Paul Martin', email: 'paul@bionova.example', role: 'data_scientist' },
  ],
  purposes: ['SCIENTIFIC_RESEARCH'],
  useAndBenefit: 'Train and validate a risk model for earlier intervention.',
  datasets: [
    { datasetId: 'fi-biobank', country: 'FI', variables: ['condition_occurrence.condition_source_value'] },
  ],
  variables: ['person.year_of_birth', 'person.gender'],
  period: { from: '2015-01-01', to: '2024-12-31' },
  dataForm: 'pseudonymised',
  dataFormJustification: 'Longitudinal linkage of visits per person is needed.',
  legalBasis: { article: '6(1)(f)', explanation: 'Legitimate interest in research.' },
  safeguards: 'Access only in the SPE; outputs checked.',
  speMonths: 24,
  speJustification: 'Two model iterations with external validation.',
  tools: { software: ['Python', 'R'], gpuHours: 200 },
  ethics: { status: 'approved', committee: 'CPP Île-de-France', reference: 'CPP-2026-117' },
  declarations: [...PROHIBITED_USES],
  commercial: true,
});
