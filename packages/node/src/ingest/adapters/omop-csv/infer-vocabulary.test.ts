import { describe, expect, it } from 'vitest';
import { inferVocabulary } from './infer-vocabulary';

describe('inferVocabulary', () => {
  it('recognises the coding system of each domain from the code syntax', () => {
    expect(inferVocabulary('condition_occurrence', { condition_source_value: 'E11.9' })).toBe('ICD10');
    expect(inferVocabulary('condition_occurrence', { condition_source_value: '44054006' })).toBe('SNOMED');
    expect(inferVocabulary('drug_exposure', { drug_source_value: 'A10BA02' })).toBe('ATC');
    expect(inferVocabulary('drug_exposure', { drug_source_value: '140' })).toBe('CVX');
    expect(inferVocabulary('measurement', { measurement_source_value: '4548-4' })).toBe('LOINC');
    expect(inferVocabulary('observation', { observation_source_value: 'HP:0001250' })).toBe('HPO');
    expect(inferVocabulary('death', { cause_source_value: 'C50.9' })).toBe('ICD10');
  });

  it('leaves unknown syntaxes and tables without codes undefined', () => {
    expect(inferVocabulary('condition_occurrence', { condition_source_value: 'diabetes' })).toBeUndefined();
    expect(inferVocabulary('condition_occurrence', {})).toBeUndefined();
    expect(inferVocabulary('person', { person_source_value: 'FI-1' })).toBeUndefined();
  });
});
