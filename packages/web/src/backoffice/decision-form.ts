/**
 * Pure rules of the decision form (Art. 68(3), (9), (10)): which outcomes to offer, which fields
 * each outcome needs, and the body sent to the hub. The hub re-checks everything.
 */
import type { ApplicationView, DecisionInput, Outcome } from '@openehds/client';

/** What staff type into the decision form. */
export interface DecisionFormState {
  outcome: Outcome | '';
  reasons: string;
  validFrom: string;
  validUntil: string;
  grantedDatasets: string[];
  /** One condition per line. */
  conditions: string;
  optOutExceptionGranted: boolean;
}

export const emptyDecisionForm = (): DecisionFormState => ({
  outcome: '',
  reasons: '',
  validFrom: '',
  validUntil: '',
  grantedDatasets: [],
  conditions: '',
  optOutExceptionGranted: false,
});

/** An outcome the form offers, and why it cannot be chosen when it cannot. */
export interface OutcomeChoice {
  outcome: Outcome;
  blocked: 'needs-consent' | null;
}

/**
 * The outcomes to offer: those the assessment allows; a request is answered, never granted a
 * permit (Art. 69); an anonymised answer instead of a permit needs the applicant's agreement (68(3)).
 */
export function outcomeChoices(
  view: Pick<ApplicationView, 'kind' | 'acceptsAnonymisedAnswer' | 'assessment'>,
): OutcomeChoice[] {
  const allowed = view.assessment?.state.allowedOutcomes ?? [];
  return allowed
    .filter((o) => view.kind === 'application' || (o !== 'GRANTED' && o !== 'PARTIALLY_GRANTED'))
    .map((outcome) => ({
      outcome,
      blocked:
        outcome === 'ANSWERED_AS_REQUEST' && view.kind === 'application' && !view.acceptsAnonymisedAnswer
          ? 'needs-consent'
          : null,
    }));
}

/** A grant of an application carries the permit's validity (Art. 68(10)(e)). */
export function needsValidity(outcome: Outcome | '', kind: ApplicationView['kind']): boolean {
  return kind === 'application' && (outcome === 'GRANTED' || outcome === 'PARTIALLY_GRANTED');
}

/** A partial grant names the datasets granted. */
export function needsDatasets(outcome: Outcome | ''): boolean {
  return outcome === 'PARTIALLY_GRANTED';
}

/** The conditions, one per non-empty line. */
export function conditionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The body of `POST /api/applications/:id/decision`; fields the outcome does not use are left out. */
export function decisionBody(
  form: DecisionFormState,
  view: Pick<ApplicationView, 'kind' | 'content'>,
): DecisionInput | null {
  if (!form.outcome) return null;
  const body: DecisionInput = { outcome: form.outcome, reasons: form.reasons.trim() };
  if (needsValidity(form.outcome, view.kind)) {
    if (form.validFrom) body.validFrom = form.validFrom;
    if (form.validUntil) body.validUntil = form.validUntil;
    const conditions = conditionLines(form.conditions);
    if (conditions.length) body.conditions = conditions;
    if (view.content.optOutException?.requested) body.optOutExceptionGranted = form.optOutExceptionGranted;
  }
  if (needsDatasets(form.outcome)) body.grantedDatasets = [...form.grantedDatasets];
  return body;
}
