import { cite, cites } from './cite';
import { answerList, NONE } from './questions';
import type { Citation, PathwayAnswers, PathwayClassification, PathwayStep } from './types';

/** GDPR Art. 6(1) point of each lawful basis offered. */
export const LAWFUL_BASIS_POINT: Record<string, string> = {
  consent: 'a',
  legal_obligation: 'c',
  public_task: 'e',
  legitimate_interest: 'f',
};

/** GDPR Art. 9(2) point of each condition for processing health data offered. */
export const ARTICLE9_POINT: Record<string, string> = {
  explicit_consent: 'a',
  substantial_public_interest: 'g',
  health_care: 'h',
  public_health: 'i',
  research_statistics: 'j',
};

/** The EHDS purposes each Art. 9(2) condition fits; a mismatch is flagged for the applicant to check. */
const ARTICLE9_FITS: Record<string, readonly string[]> = {
  explicit_consent: [
    'PUBLIC_HEALTH',
    'POLICY_REGULATION',
    'OFFICIAL_STATISTICS',
    'EDUCATION',
    'SCIENTIFIC_RESEARCH',
    'CARE_IMPROVEMENT',
  ],
  substantial_public_interest: ['PUBLIC_HEALTH', 'POLICY_REGULATION', 'EDUCATION'],
  health_care: ['CARE_IMPROVEMENT'],
  public_health: ['PUBLIC_HEALTH'],
  research_statistics: ['SCIENTIFIC_RESEARCH', 'OFFICIAL_STATISTICS'],
};

/** True when the user will process personal (pseudonymised) data, so the GDPR applies to them. */
export const processesPersonalData = (a: PathwayAnswers) => a.identifiability === 'pseudonymised';

/**
 * The WP248 rev.01 criteria met: those answered plus "sensitive data", which health data always are
 * (GDPR Art. 4(15), Art. 9(1)). Two or more: a DPIA is required.
 */
export function dpiaCriteriaMet(a: PathwayAnswers): string[] {
  return ['sensitive_data', ...answerList(a, 'dpiaCriteria').filter((c) => c !== NONE)];
}

/** Whether a DPIA is required (GDPR Art. 35(1), (3); WP248: two or more criteria). */
export function dpiaDecision(a: PathwayAnswers): PathwayClassification['dpia'] {
  if (!processesPersonalData(a)) return 'not_applicable';
  return dpiaCriteriaMet(a).length >= 2 ? 'required' : 'not_required';
}

/** The GDPR steps: legal basis and DPIA for personal data, or the note that anonymous data fall outside. */
export function gdprSteps(a: PathwayAnswers): PathwayStep[] {
  if (!processesPersonalData(a))
    // Statistics or anonymised records: anonymous information is outside the GDPR (Recital 26).
    return [
      { id: 'gdpr_anonymous', authority: 'applicant', citations: [cite('GDPR', 'Recital 26')], notes: [] },
    ];
  const basis = String(a.lawfulBasis);
  const condition = String(a.article9);
  const notes: string[] = [];
  // GDPR Art. 6(1), second subparagraph: no legitimate interest for public authorities' tasks.
  if (basis === 'legitimate_interest' && a.publicBody === 'yes')
    notes.push('legitimate_interest_public_body');
  if (basis === 'consent' || condition === 'explicit_consent') notes.push('consent_withdrawable');
  if (!(ARTICLE9_FITS[condition] ?? []).includes(String(a.purpose))) notes.push('article9_purpose_mismatch');
  const extra: Citation[] = [];
  if (condition === 'research_statistics') extra.push(cite('GDPR', 'Art. 89(1)'));
  if (condition === 'health_care') extra.push(cite('GDPR', 'Art. 9(3)'));
  if (basis === 'consent' || condition === 'explicit_consent') extra.push(cite('GDPR', 'Art. 7(3)'));
  const steps: PathwayStep[] = [
    {
      id: 'gdpr_legal_basis',
      authority: 'applicant',
      citations: [
        cite('GDPR', `Art. 6(1)(${LAWFUL_BASIS_POINT[basis]})`),
        cite('GDPR', `Art. 9(2)(${ARTICLE9_POINT[condition]})`),
        ...extra,
        ...cites('EHDS', 'Art. 67(4)', 'Art. 68(1)(c)'),
      ],
      notes,
      params: { basis: LAWFUL_BASIS_POINT[basis]!, condition: ARTICLE9_POINT[condition]! },
    },
  ];
  const met = dpiaCriteriaMet(a);
  if (dpiaDecision(a) === 'required') {
    const dpiaCites = [cite('GDPR', 'Art. 35(1)')];
    // Art. 35(3)(b): large-scale processing of special categories needs a DPIA in any case.
    if (met.includes('large_scale')) dpiaCites.push(cite('GDPR', 'Art. 35(3)(b)'));
    // Art. 35(3)(a): systematic, extensive evaluation by automated processing with legal or similar effects.
    if (met.includes('evaluation_scoring') && met.includes('automated_decision'))
      dpiaCites.push(cite('GDPR', 'Art. 35(3)(a)'));
    steps.push({
      id: 'dpia',
      authority: 'applicant',
      citations: [...dpiaCites, cite('GDPR', 'Art. 35(2)'), cite('EDPB WP248', 'section III.B')],
      notes: [],
      params: { criteria: met.length, list: met.join(', ') },
    });
    // Art. 36(1): prior consultation only when the DPIA shows a high risk the controller cannot mitigate.
    steps.push({
      id: 'dpa_prior_consultation',
      authority: 'data_protection_authority',
      citations: [cite('GDPR', 'Art. 36(1)')],
      notes: ['only_if_high_residual_risk'],
    });
  } else {
    steps.push({
      id: 'dpia_screening',
      authority: 'applicant',
      citations: [cite('GDPR', 'Art. 35(1)'), cite('EDPB WP248', 'section III.B')],
      notes: [],
      params: { criteria: met.length, list: met.join(', ') },
    });
  }
  return steps;
}
