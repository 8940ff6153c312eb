import type { Outcome } from './status';

/**
 * The assessment checklist of Art. 68(1)(a)–(h), which must all hold for a permit, and the risks the
 * HDAB weighs under Art. 68(2). Each point is recorded with a verdict, the assessor and a
 * justification (DAAMS); with the four-eyes rule a second assessor confirms it.
 */
export const CRITERIA = [
  { id: '68(1)(a)', text: 'The purpose is one of those of Art. 53(1).' },
  { id: '68(1)(b)', text: 'The data requested is necessary, adequate and proportionate to the purpose.' },
  {
    id: '68(1)(c)',
    text: 'The processing has a lawful basis (GDPR Art. 6(1)); pseudonymised data is justified.',
  },
  { id: '68(1)(d)', text: 'The applicant is qualified for the intended use, with appropriate expertise.' },
  {
    id: '68(1)(e)',
    text: 'The applicant has adequate technical and organisational measures against misuse.',
  },
  { id: '68(1)(f)', text: 'Ethics requirements under national law are met.' },
  { id: '68(1)(g)', text: 'An exception to the opt-out, where requested, is justified (Art. 71(4)).' },
  { id: '68(1)(h)', text: 'The other requirements of Chapter IV are met.' },
  {
    id: '68(2)',
    text: 'Risks to national defence, security, public security and regulators’ confidential data are acceptable.',
  },
] as const;

export type CriterionId = (typeof CRITERIA)[number]['id'];
export const CRITERION_IDS = CRITERIA.map((c) => c.id) as CriterionId[];

export const VERDICTS = ['met', 'not_met', 'not_applicable'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface CriterionAssessment {
  criterion: CriterionId;
  verdict: Verdict;
  justification: string;
  assessor: string;
  /** Four-eyes rule: a second member of staff, not the assessor, confirms the verdict. */
  confirmedBy: string | null;
}

/** Where an assessment stands, and which decisions it supports. */
export interface AssessmentState {
  missing: CriterionId[];
  unconfirmed: CriterionId[];
  failed: CriterionId[];
  complete: boolean;
  /** The outcomes this assessment allows the HDAB to issue. */
  allowedOutcomes: Outcome[];
}

/**
 * Which outcomes an assessment supports: a grant only when every criterion is met (or does not
 * apply); a refusal or an anonymised answer (Art. 68(3)) whenever the checklist is complete.
 * `ANSWERED_AS_REQUEST` needs the applicant's agreement, checked by the caller.
 */
export function assessmentState(items: readonly CriterionAssessment[], fourEyes: boolean): AssessmentState {
  const byId = new Map(items.map((i) => [i.criterion, i]));
  const missing = CRITERION_IDS.filter((id) => !byId.has(id));
  const unconfirmed = fourEyes ? items.filter((i) => !i.confirmedBy).map((i) => i.criterion) : [];
  const failed = items.filter((i) => i.verdict === 'not_met').map((i) => i.criterion);
  const complete = missing.length === 0 && unconfirmed.length === 0;
  const allowedOutcomes: Outcome[] = !complete
    ? []
    : failed.length === 0
      ? ['GRANTED', 'PARTIALLY_GRANTED', 'REFUSED', 'ANSWERED_AS_REQUEST']
      : ['PARTIALLY_GRANTED', 'REFUSED', 'ANSWERED_AS_REQUEST'];
  return { missing, unconfirmed, failed, complete, allowedOutcomes };
}
