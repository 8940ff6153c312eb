import { describe, expect, it } from 'vitest';
import type { Assessment, Outcome } from '@openehds/client';
import {
  conditionLines,
  decisionBody,
  emptyDecisionForm,
  needsDatasets,
  needsValidity,
  outcomeChoices,
} from './decision-form';

const assessment = (allowedOutcomes: Outcome[]): Assessment => ({
  items: [],
  state: { missing: [], unconfirmed: [], failed: [], complete: allowedOutcomes.length > 0, allowedOutcomes },
});
const ALL: Outcome[] = ['GRANTED', 'PARTIALLY_GRANTED', 'REFUSED', 'ANSWERED_AS_REQUEST'];

describe('outcomeChoices', () => {
  it('offers what the assessment allows, blocking an anonymised answer without the applicant’s consent', () => {
    expect(
      outcomeChoices({ kind: 'application', acceptsAnonymisedAnswer: false, assessment: assessment(ALL) }),
    ).toEqual([
      { outcome: 'GRANTED', blocked: null },
      { outcome: 'PARTIALLY_GRANTED', blocked: null },
      { outcome: 'REFUSED', blocked: null },
      { outcome: 'ANSWERED_AS_REQUEST', blocked: 'needs-consent' },
    ]);
    expect(
      outcomeChoices({ kind: 'application', acceptsAnonymisedAnswer: true, assessment: assessment(ALL) }).at(
        -1,
      ),
    ).toEqual({ outcome: 'ANSWERED_AS_REQUEST', blocked: null });
  });
  it('never offers a permit for a health data request, and nothing before the checklist is complete', () => {
    expect(
      outcomeChoices({ kind: 'request', acceptsAnonymisedAnswer: false, assessment: assessment(ALL) }).map(
        (c) => c.outcome,
      ),
    ).toEqual(['REFUSED', 'ANSWERED_AS_REQUEST']);
    expect(outcomeChoices({ kind: 'application', acceptsAnonymisedAnswer: true, assessment: null })).toEqual(
      [],
    );
  });
});

describe('decisionBody', () => {
  const view = {
    kind: 'application' as const,
    content: { optOutException: { requested: true }, datasets: [] },
  };
  it('sends the permit fields with a grant', () => {
    expect(
      decisionBody(
        {
          ...emptyDecisionForm(),
          outcome: 'GRANTED',
          reasons: ' All met. ',
          validFrom: '2027-01-01',
          validUntil: '2029-12-31',
          conditions: 'Outputs pass disclosure control.\n\n  No linkage. ',
          optOutExceptionGranted: true,
        },
        view,
      ),
    ).toEqual({
      outcome: 'GRANTED',
      reasons: 'All met.',
      validFrom: '2027-01-01',
      validUntil: '2029-12-31',
      conditions: ['Outputs pass disclosure control.', 'No linkage.'],
      optOutExceptionGranted: true,
    });
  });
  it('leaves out what a refusal does not use, and names the datasets of a partial grant', () => {
    expect(
      decisionBody(
        { ...emptyDecisionForm(), outcome: 'REFUSED', reasons: 'No.', validFrom: '2027-01-01' },
        view,
      ),
    ).toEqual({ outcome: 'REFUSED', reasons: 'No.' });
    expect(
      decisionBody(
        {
          ...emptyDecisionForm(),
          outcome: 'PARTIALLY_GRANTED',
          reasons: 'Only one.',
          grantedDatasets: ['a'],
        },
        { kind: 'application', content: {} },
      ),
    ).toEqual({ outcome: 'PARTIALLY_GRANTED', reasons: 'Only one.', grantedDatasets: ['a'] });
    expect(decisionBody(emptyDecisionForm(), view)).toBeNull();
  });
  it('knows which fields each outcome needs', () => {
    expect(needsValidity('GRANTED', 'application')).toBe(true);
    expect(needsValidity('GRANTED', 'request')).toBe(false);
    expect(needsValidity('REFUSED', 'application')).toBe(false);
    expect(needsDatasets('PARTIALLY_GRANTED')).toBe(true);
    expect(conditionLines(' a \r\n\nb')).toEqual(['a', 'b']);
  });
});
