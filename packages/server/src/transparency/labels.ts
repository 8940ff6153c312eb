import { PURPOSE_LETTER, type Purpose } from '@openehds/core';

/** Words people read for the codes the register, the report and the exports show. */

export const PURPOSE_LABELS: Record<Purpose, string> = {
  PUBLIC_HEALTH: 'Public interest in public and occupational health',
  POLICY_REGULATION: 'Policy-making and regulatory activities',
  OFFICIAL_STATISTICS: 'Official statistics',
  EDUCATION: 'Education and teaching',
  SCIENTIFIC_RESEARCH: 'Scientific research',
  CARE_IMPROVEMENT: 'Improvement of care and treatment',
};

/** A purpose with its letter of Art. 53(1), e.g. `Scientific research (Art. 53(1)(e))`. */
export function purposeLabel(code: string): string {
  const p = code as Purpose;
  return `${PURPOSE_LABELS[p] ?? code} (Art. 53(1)(${PURPOSE_LETTER[p] ?? '?'}))`;
}

export const OUTCOME_LABELS: Record<string, string> = {
  GRANTED: 'Data permit granted',
  PARTIALLY_GRANTED: 'Data permit partially granted',
  REFUSED: 'Refused',
  ANSWERED_AS_REQUEST: 'Answered as a health data request (Art. 68(3), 69)',
};
