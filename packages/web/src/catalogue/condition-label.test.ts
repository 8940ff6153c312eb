import { describe, expect, it } from 'vitest';
import { conditionLabel } from './condition-label';

describe('conditionLabel', () => {
  it('prefers the label, then the coding system with the code', () => {
    expect(conditionLabel({ code: 'I10', vocabulary: 'ICD10', label: 'Essential hypertension' })).toBe(
      'Essential hypertension (I10)',
    );
    expect(conditionLabel({ code: '38341003', vocabulary: 'SNOMED' })).toBe('SNOMED 38341003');
  });
  it('shows the bare code when the coding system is unknown (never "null I10")', () => {
    expect(conditionLabel({ code: 'I10', vocabulary: null })).toBe('I10');
  });
});
