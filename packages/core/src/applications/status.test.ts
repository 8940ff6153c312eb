import { describe, expect, it } from 'vitest';
import { allowedEvents, nextStatus, transitionOf, type ApplicationStatus } from './status';
import { assessmentState, CRITERION_IDS, type CriterionAssessment } from './assessment';
import { isAccelerated } from './purposes';

describe('application status model (DAAMS, EHDS.md §5)', () => {
  it('walks the main path, with a round trip through awaiting information', () => {
    let s: ApplicationStatus = 'DRAFT';
    s = nextStatus(s, 'submit');
    s = nextStatus(s, 'start-pre-screening');
    expect(s).toBe('PRE_SCREENING');
    s = nextStatus(s, 'complete');
    expect(s).toBe('PROCESSING');
    s = nextStatus(s, 'request-information');
    expect(s).toBe('AWAITING_ADDITIONAL_INFORMATION');
    // The answer returns the file to where it was, here PROCESSING.
    s = nextStatus(s, 'provide-information', 'PROCESSING');
    expect(s).toBe('PROCESSING');
    expect(nextStatus(s, 'decide')).toBe('DECISION_ISSUED');
  });

  it('lets the applicant withdraw any non-final file, and nothing leaves a final status', () => {
    for (const s of [
      'SUBMITTED',
      'PRE_SCREENING',
      'PROCESSING',
      'AWAITING_ADDITIONAL_INFORMATION',
    ] as const) {
      expect(transitionOf(s, 'withdraw')).toBe('WITHDRAWN');
    }
    expect(allowedEvents('DECISION_ISSUED')).toEqual([]);
    expect(allowedEvents('WITHDRAWN')).toEqual([]);
    expect(() => nextStatus('WITHDRAWN', 'submit')).toThrow(/final/);
  });

  it('refuses a transition the table does not list, naming what is allowed', () => {
    expect(() => nextStatus('SUBMITTED', 'decide')).toThrow(
      'an application in status SUBMITTED cannot take the event "decide"; allowed now: start-pre-screening, withdraw',
    );
    expect(transitionOf('PRE_SCREENING', 'lapse')).toBeNull();
    expect(transitionOf('AWAITING_ADDITIONAL_INFORMATION', 'lapse')).toBe('DECISION_ISSUED');
  });

  it('accelerates only verified public bodies with purposes (a)–(c) only (Art. 68(6))', () => {
    expect(isAccelerated(['PUBLIC_HEALTH'], { verifiedPublicBody: true })).toBe(true);
    expect(isAccelerated(['PUBLIC_HEALTH', 'SCIENTIFIC_RESEARCH'], { verifiedPublicBody: true })).toBe(false);
    expect(isAccelerated(['PUBLIC_HEALTH'], { verifiedPublicBody: false })).toBe(false);
  });
});

describe('assessment checklist (Art. 68(1), 68(2))', () => {
  const all = (verdict: CriterionAssessment['verdict'], confirmedBy: string | null = null) =>
    CRITERION_IDS.map((criterion) => ({
      criterion,
      verdict,
      justification: 'checked',
      assessor: 'eva',
      confirmedBy,
    }));

  it('allows no decision until every criterion is assessed', () => {
    const s = assessmentState(all('met').slice(1), false);
    expect(s).toMatchObject({ complete: false, missing: ['68(1)(a)'], allowedOutcomes: [] });
  });

  it('allows a grant only when nothing failed', () => {
    expect(assessmentState(all('met'), false).allowedOutcomes).toContain('GRANTED');
    const failed = all('met');
    failed[1] = { ...failed[1]!, verdict: 'not_met' };
    const s = assessmentState(failed, false);
    expect(s.failed).toEqual(['68(1)(b)']);
    expect(s.allowedOutcomes).not.toContain('GRANTED');
    expect(s.allowedOutcomes).toContain('REFUSED');
  });

  it('with four eyes, waits for a second assessor on every point', () => {
    expect(assessmentState(all('met'), true)).toMatchObject({ complete: false, unconfirmed: CRITERION_IDS });
    expect(assessmentState(all('met', 'jan'), true).complete).toBe(true);
  });
});
