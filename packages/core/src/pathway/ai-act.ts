import { cite, cites } from './cite';
import { needsNotifiedBody } from './device';
import { answerList, NONE } from './questions';
import type { Citation, PathwayAnswers, PathwayClassification, PathwayStep, PathwayStop } from './types';

/** AI Act Art. 5(1) point of each prohibited practice asked about. */
export const AI_PRACTICE_POINT: Record<string, string> = {
  subliminal_manipulation: 'a',
  exploiting_vulnerabilities: 'b',
  social_scoring: 'c',
  emotion_recognition_work_education: 'f',
  biometric_categorisation_sensitive: 'g',
};

/** AI Act Annex III point of each high-risk area asked about. */
export const ANNEX_III_POINT: Record<string, string> = {
  biometric_identification: '1(a)',
  healthcare_eligibility: '5(a)',
  insurance_pricing: '5(c)',
  emergency_triage: '5(d)',
};

/** AI Act Art. 50 paragraph of each transparency duty asked about. */
const TRANSPARENCY_PARAGRAPH: Record<string, string> = {
  interacts_with_people: '1',
  generates_content: '2',
  emotion_or_biometric: '3',
};

/**
 * Uses of the AI system the EHDS prohibits whatever the AI Act says: risk assessment and pricing in
 * life and health insurance (AI Act Annex III 5(c)) is changing premiums on health data, Art. 54(b).
 */
export function ehdsProhibitedByAi(a: PathwayAnswers): string[] {
  return a.buildsAi === 'yes' && a.aiAnnexIII === 'insurance_pricing'
    ? ['EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION']
    : [];
}

/** A prohibited AI practice ends the pathway (AI Act Art. 5(1)). */
export function aiStop(a: PathwayAnswers): PathwayStop | null {
  if (a.buildsAi !== 'yes') return null;
  const practices = answerList(a, 'aiPractices').filter((p) => p !== NONE);
  if (!practices.length) return null;
  return {
    reason: 'prohibited_ai_practice',
    items: practices,
    citations: practices.map((p) => cite('AI Act', `Art. 5(1)(${AI_PRACTICE_POINT[p]})`)),
  };
}

/** The Art. 50 duties answered. */
export function aiTransparencyDuties(a: PathwayAnswers): string[] {
  if (a.buildsAi !== 'yes') return [];
  return answerList(a, 'aiTransparency').filter((d) => d !== NONE);
}

/**
 * The AI Act risk class: high-risk under Art. 6(1) when the system is (a safety component of) a device
 * under the MDR or IVDR (Annex I, Section A) that needs a notified body; under Art. 6(2) when used in
 * an Annex III area; else transparency duties (Art. 50) or minimal risk.
 */
export function aiRiskClass(
  a: PathwayAnswers,
  device: PathwayClassification['device'],
): PathwayClassification['aiAct'] {
  if (a.buildsAi !== 'yes') return 'not_applicable';
  if (aiStop(a)) return 'prohibited';
  if (needsNotifiedBody(device)) return 'high_risk_annex_i';
  if (a.aiAnnexIII !== undefined && a.aiAnnexIII !== 'none') return 'high_risk_annex_iii';
  return aiTransparencyDuties(a).length ? 'transparency' : 'minimal';
}

// Art. 8–15: requirements; Art. 16–17: provider obligations and quality management system.
const REQUIREMENTS = cites(
  'AI Act',
  'Art. 8',
  'Art. 9',
  'Art. 10',
  'Art. 11',
  'Art. 12',
  'Art. 13',
  'Art. 14',
  'Art. 15',
  'Art. 16',
  'Art. 17',
);

/** The AI Act steps for the class (none when no AI system is built). */
export function aiSteps(a: PathwayAnswers, device: PathwayClassification['device']): PathwayStep[] {
  const risk = aiRiskClass(a, device);
  const steps: PathwayStep[] = [];
  if (risk === 'high_risk_annex_i' && device) {
    const notes = a.aiAnnexIII !== undefined && a.aiAnnexIII !== 'none' ? ['also_annex_iii'] : [];
    // Art. 113: obligations for Art. 6(1) systems apply from 2 August 2027.
    steps.push({
      id: 'ai_high_risk_requirements',
      authority: 'applicant',
      citations: [
        cite('AI Act', 'Art. 6(1)'),
        cite('AI Act', 'Annex I, Section A'),
        ...REQUIREMENTS,
        cite('AI Act', 'Art. 113'),
      ],
      notes,
      params: { appliesFrom: '2027-08-02' },
    });
    // Art. 43(3): one conformity assessment, under the MDR/IVDR procedure, by its notified body.
    steps.push({
      id: 'ai_conformity_with_device',
      authority: device.regulation === 'MDR' ? 'notified_body_mdr' : 'notified_body_ivdr',
      citations: [cite('AI Act', 'Art. 43(3)')],
      notes: [],
      params: { regulation: device.regulation },
    });
    steps.push(postMarket([cite('AI Act', 'Art. 74(3)')]));
  } else if (risk === 'high_risk_annex_iii') {
    const area = String(a.aiAnnexIII);
    const notes = ['article_6_3_derogation'];
    // Art. 27: public-authority deployers assess the impact on fundamental rights first.
    if (area === 'healthcare_eligibility') notes.push('fundamental_rights_impact');
    steps.push({
      id: 'ai_high_risk_requirements',
      authority: 'applicant',
      citations: [
        cite('AI Act', 'Art. 6(2)'),
        cite('AI Act', `Annex III, point ${ANNEX_III_POINT[area]}`),
        ...REQUIREMENTS,
        ...(area === 'healthcare_eligibility' ? [cite('AI Act', 'Art. 27')] : []),
        cite('AI Act', 'Art. 113'),
      ],
      notes,
      params: { appliesFrom: '2026-08-02' },
    });
    // Art. 43(1): biometrics may need a notified body (Annex VII); Art. 43(2): the rest, internal control (Annex VI).
    steps.push(
      area === 'biometric_identification'
        ? {
            id: 'ai_conformity_notified_body',
            authority: 'ai_notified_body',
            citations: cites('AI Act', 'Art. 43(1)', 'Annex VII'),
            notes: [],
          }
        : {
            id: 'ai_conformity_internal',
            authority: 'applicant',
            citations: cites('AI Act', 'Art. 43(2)', 'Annex VI'),
            notes: [],
          },
    );
    steps.push({
      id: 'ai_registration',
      authority: 'applicant',
      citations: cites('AI Act', 'Art. 49(1)', 'Art. 71'),
      notes: [],
    });
    steps.push(postMarket([cite('AI Act', 'Art. 74')]));
  }
  const duties = aiTransparencyDuties(a);
  if (duties.length)
    steps.push({
      id: 'ai_transparency',
      authority: 'applicant',
      citations: duties.map((d) => cite('AI Act', `Art. 50(${TRANSPARENCY_PARAGRAPH[d]})`)),
      notes: [],
    });
  if (risk === 'minimal' || risk === 'transparency')
    steps.push({
      id: 'ai_minimal',
      authority: 'applicant',
      citations: cites('AI Act', 'Art. 4', 'Art. 95'),
      // Software that is a class I device needs no notified body, so Art. 6(1) does not catch it.
      notes: device ? ['device_without_notified_body'] : [],
    });
  return steps;
}

function postMarket(authorityCites: Citation[]): PathwayStep {
  return {
    id: 'ai_post_market',
    authority: 'ai_market_surveillance',
    citations: [...cites('AI Act', 'Art. 72', 'Art. 73'), ...authorityCites],
    notes: [],
  };
}
