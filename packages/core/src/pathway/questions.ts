import type { Issue } from '../errors/app-error';
import { PROHIBITED_USES, PUBLIC_BODY_PURPOSES, PURPOSES } from '../applications/purposes';
import type { Answer, PathwayAnswers, PathwayQuestion } from './types';

/** Answer meaning "none of these" in multi-choice questions. */
export const NONE = 'none';
/** A purpose outside the closed list of Art. 53(1). */
export const OTHER_PURPOSE = 'OTHER';

const yesNo = ['yes', 'no'] as const;

/**
 * The navigator's questionnaire, as data, in the order it is asked (issue 6 §4). `showIf` says which
 * questions show given earlier answers; the UI walks the groups, the report reads the answers.
 */
export const PATHWAY_QUESTIONS: readonly PathwayQuestion[] = [
  // EHDS: the purpose must be on the closed list (Art. 53(1)); (a)–(c) only for public bodies (53(2)).
  {
    id: 'purpose',
    group: 'purpose',
    kind: 'single',
    options: [...PURPOSES, OTHER_PURPOSE],
    cites: [{ instrument: 'EHDS', ref: 'Art. 53(1)' }],
  },
  {
    id: 'publicBody',
    group: 'purpose',
    kind: 'single',
    options: yesNo,
    showIf: [{ question: 'purpose', in: PUBLIC_BODY_PURPOSES }],
    cites: [{ instrument: 'EHDS', ref: 'Art. 53(2)' }],
  },
  {
    id: 'prohibitedUses',
    group: 'purpose',
    kind: 'multi',
    options: [...PROHIBITED_USES, NONE],
    noneOption: NONE,
    cites: [{ instrument: 'EHDS', ref: 'Art. 54' }],
  },
  // Ethics review where national law requires it (Art. 67(2)(j), 68(1)(f)).
  {
    id: 'ethicsReview',
    group: 'purpose',
    kind: 'single',
    options: ['required', 'not_required', 'unknown'],
    showIf: [{ question: 'purpose', in: ['SCIENTIFIC_RESEARCH'] }],
    cites: [
      { instrument: 'EHDS', ref: 'Art. 67(2)(j)' },
      { instrument: 'EHDS', ref: 'Art. 68(1)(f)' },
    ],
  },
  // Route: anonymised statistics answer a data request (Art. 69); record-level access needs a permit (68).
  {
    id: 'dataForm',
    group: 'route',
    kind: 'single',
    options: ['statistics', 'record_level'],
    cites: [
      { instrument: 'EHDS', ref: 'Art. 68' },
      { instrument: 'EHDS', ref: 'Art. 69' },
    ],
  },
  {
    id: 'identifiability',
    group: 'route',
    kind: 'single',
    options: ['anonymised', 'pseudonymised'],
    showIf: [{ question: 'dataForm', in: ['record_level'] }],
    cites: [
      { instrument: 'EHDS', ref: 'Art. 67(2)(e)' },
      { instrument: 'EHDS', ref: 'Art. 67(4)' },
    ],
  },
  {
    id: 'countries',
    group: 'route',
    kind: 'single',
    options: ['one', 'several'],
    cites: [{ instrument: 'EHDS', ref: 'Art. 67(3)' }],
  },
  // GDPR: personal (pseudonymised) data need an Art. 6(1) basis and an Art. 9(2) condition.
  {
    id: 'lawfulBasis',
    group: 'gdpr',
    kind: 'single',
    options: ['public_task', 'legitimate_interest', 'legal_obligation', 'consent'],
    showIf: [{ question: 'identifiability', in: ['pseudonymised'] }],
    cites: [{ instrument: 'GDPR', ref: 'Art. 6(1)' }],
  },
  {
    id: 'article9',
    group: 'gdpr',
    kind: 'single',
    options: [
      'research_statistics',
      'public_health',
      'health_care',
      'substantial_public_interest',
      'explicit_consent',
    ],
    showIf: [{ question: 'identifiability', in: ['pseudonymised'] }],
    cites: [{ instrument: 'GDPR', ref: 'Art. 9(2)' }],
  },
  // WP248 rev.01 criteria; health data already meet "sensitive data", so it is not asked.
  {
    id: 'dpiaCriteria',
    group: 'gdpr',
    kind: 'multi',
    options: [
      'evaluation_scoring',
      'automated_decision',
      'systematic_monitoring',
      'large_scale',
      'matching_combining',
      'vulnerable_subjects',
      'innovative_technology',
      'prevents_rights',
      NONE,
    ],
    noneOption: NONE,
    showIf: [{ question: 'identifiability', in: ['pseudonymised'] }],
    cites: [
      { instrument: 'GDPR', ref: 'Art. 35(1)' },
      { instrument: 'GDPR', ref: 'Art. 35(3)' },
      { instrument: 'EDPB WP248', ref: 'section III.B' },
    ],
  },
  // MDR/IVDR: is the product software with a medical (or in vitro diagnostic) intended purpose?
  {
    id: 'deviceSoftware',
    group: 'device',
    kind: 'single',
    options: ['none', 'medical_device', 'ivd'],
    cites: [
      { instrument: 'MDR', ref: 'Art. 2(1)' },
      { instrument: 'IVDR', ref: 'Art. 2(2)' },
    ],
  },
  {
    id: 'softwareFunction',
    group: 'device',
    kind: 'single',
    options: ['decision_support', 'monitoring', 'other'],
    showIf: [{ question: 'deviceSoftware', in: ['medical_device'] }],
    cites: [{ instrument: 'MDR', ref: 'Annex VIII, rule 11' }],
  },
  {
    id: 'decisionImpact',
    group: 'device',
    kind: 'single',
    options: ['death_or_irreversible', 'serious_or_surgery', 'other'],
    showIf: [{ question: 'softwareFunction', in: ['decision_support'] }],
    cites: [{ instrument: 'MDR', ref: 'Annex VIII, rule 11' }],
  },
  {
    id: 'vitalParameters',
    group: 'device',
    kind: 'single',
    options: yesNo,
    showIf: [{ question: 'softwareFunction', in: ['monitoring'] }],
    cites: [{ instrument: 'MDR', ref: 'Annex VIII, rule 11' }],
  },
  {
    id: 'ivdRisk',
    group: 'device',
    kind: 'single',
    options: ['rule_1', 'rule_3', 'other'],
    showIf: [{ question: 'deviceSoftware', in: ['ivd'] }],
    cites: [
      { instrument: 'IVDR', ref: 'Annex VIII, rule 1' },
      { instrument: 'IVDR', ref: 'Annex VIII, rule 3' },
      { instrument: 'IVDR', ref: 'Annex VIII, rule 6' },
    ],
  },
  // AI Act (Reg. (EU) 2024/1689).
  {
    id: 'buildsAi',
    group: 'ai',
    kind: 'single',
    options: yesNo,
    cites: [{ instrument: 'AI Act', ref: 'Art. 3(1)' }],
  },
  {
    id: 'aiPractices',
    group: 'ai',
    kind: 'multi',
    options: [
      'subliminal_manipulation',
      'exploiting_vulnerabilities',
      'social_scoring',
      'emotion_recognition_work_education',
      'biometric_categorisation_sensitive',
      NONE,
    ],
    noneOption: NONE,
    showIf: [{ question: 'buildsAi', in: ['yes'] }],
    cites: [{ instrument: 'AI Act', ref: 'Art. 5(1)' }],
  },
  {
    id: 'aiAnnexIII',
    group: 'ai',
    kind: 'single',
    options: [
      'none',
      'healthcare_eligibility',
      'emergency_triage',
      'insurance_pricing',
      'biometric_identification',
    ],
    showIf: [{ question: 'buildsAi', in: ['yes'] }],
    cites: [
      { instrument: 'AI Act', ref: 'Art. 6(2)' },
      { instrument: 'AI Act', ref: 'Annex III' },
    ],
  },
  {
    id: 'aiTransparency',
    group: 'ai',
    kind: 'multi',
    options: ['interacts_with_people', 'generates_content', 'emotion_or_biometric', NONE],
    noneOption: NONE,
    showIf: [{ question: 'buildsAi', in: ['yes'] }],
    cites: [{ instrument: 'AI Act', ref: 'Art. 50' }],
  },
];

const byId = new Map(PATHWAY_QUESTIONS.map((q) => [q.id, q]));

/** The question with this id, or undefined. */
export function pathwayQuestion(id: string): PathwayQuestion | undefined {
  return byId.get(id);
}

const asList = (a: Answer | undefined): readonly string[] =>
  a === undefined ? [] : typeof a === 'string' ? [a] : a;

/**
 * The questions that show given the answers, in order. A condition on a hidden question never holds,
 * so an answer left over from an earlier branch changes nothing.
 */
export function visibleQuestions(answers: PathwayAnswers): PathwayQuestion[] {
  const shown = new Set<string>();
  const out: PathwayQuestion[] = [];
  for (const q of PATHWAY_QUESTIONS) {
    const ok = (q.showIf ?? []).every(
      (c) => shown.has(c.question) && asList(answers[c.question]).some((v) => c.in.includes(v)),
    );
    if (!ok) continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

/** Only the answers to questions that show: what the report reads (and what the UI keeps in the URL). */
export function effectiveAnswers(answers: PathwayAnswers): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const q of visibleQuestions(answers)) {
    const a = answers[q.id];
    if (a !== undefined && asList(a).length > 0) out[q.id] = a;
  }
  return out;
}

/** The visible questions not yet answered. */
export function missingAnswers(answers: PathwayAnswers): string[] {
  return visibleQuestions(answers)
    .filter((q) => asList(answers[q.id]).length === 0)
    .map((q) => q.id);
}

/** What is wrong with the answers: unknown questions or options, several for a single, "none" with others. */
export function answerIssues(answers: PathwayAnswers): Issue[] {
  const issues: Issue[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) {
      issues.push({ path: id, message: `"${id}" is not a question of the pathway navigator` });
      continue;
    }
    const values = asList(answer);
    if (q.kind === 'single' && typeof answer !== 'string')
      issues.push({ path: id, message: `answer "${id}" with one option, not a list` });
    for (const v of values)
      if (!q.options.includes(v))
        issues.push({
          path: id,
          message: `"${v}" is not an option of "${id}"; use one of ${q.options.join(', ')}`,
        });
    if (q.noneOption && values.includes(q.noneOption) && values.length > 1)
      issues.push({
        path: id,
        message: `"${q.noneOption}" cannot be combined with other options of "${id}"`,
      });
    if (new Set(values).size !== values.length)
      issues.push({ path: id, message: `an option of "${id}" is given twice` });
  }
  return issues;
}

/** The answer as a list (a single answer becomes a list of one). */
export function answerList(answers: PathwayAnswers, id: string): readonly string[] {
  return asList(answers[id]);
}
