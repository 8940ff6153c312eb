import {
  isAccelerated,
  PROHIBITED_USES,
  PURPOSE_LETTER,
  PURPOSES,
  ineligiblePurposes,
  type Purpose,
} from '../applications/purposes';
import { cite, cites } from './cite';
import { answerList, NONE } from './questions';
import type { PathwayAnswers, PathwayClassification, PathwayStep, PathwayStop } from './types';

/** Art. 54 letter of each prohibited use, (a)–(e) in the regulation's order. */
export const PROHIBITED_USE_LETTER: Record<string, string> = Object.fromEntries(
  PROHIBITED_USES.map((u, i) => [u, 'abcde'[i]!]),
);

const isPurpose = (v: unknown): v is Purpose => PURPOSES.includes(v as Purpose);

/**
 * Where the EHDS ends the pathway before it starts: a prohibited use (Art. 54), a purpose outside the
 * closed list (Art. 53(1)), or a purpose reserved to public bodies claimed by another (Art. 53(2)).
 * `extraProhibited` carries uses found elsewhere (an AI system pricing insurance is Art. 54(b)).
 */
export function ehdsStop(a: PathwayAnswers, extraProhibited: readonly string[] = []): PathwayStop | null {
  const declared = answerList(a, 'prohibitedUses').filter((u) => u !== NONE);
  const prohibited = [...new Set([...declared, ...extraProhibited])];
  if (prohibited.length)
    return {
      reason: 'prohibited_use',
      items: prohibited,
      citations: prohibited.map((u) => cite('EHDS', `Art. 54(${PROHIBITED_USE_LETTER[u]})`)),
    };
  const purpose = a.purpose;
  if (purpose !== undefined && !isPurpose(purpose))
    return { reason: 'not_a_purpose', items: [String(purpose)], citations: [cite('EHDS', 'Art. 53(1)')] };
  if (
    isPurpose(purpose) &&
    a.publicBody === 'no' &&
    ineligiblePurposes([purpose], { verifiedPublicBody: false }).length
  )
    return { reason: 'public_body_only', items: [purpose], citations: [cite('EHDS', 'Art. 53(2)')] };
  return null;
}

/** The route the answers take: a data request for anonymised statistics (Art. 69), else a permit (68). */
export function ehdsRoute(a: PathwayAnswers): Pick<PathwayClassification, 'route' | 'multiCountry'> {
  return {
    route:
      a.dataForm === 'statistics' ? 'data_request' : a.dataForm === 'record_level' ? 'data_permit' : null,
    multiCountry: a.countries === 'several',
  };
}

/** The purpose declaration and, for research where national law asks, the ethics review. */
export function purposeSteps(a: PathwayAnswers): PathwayStep[] {
  const purpose = a.purpose as Purpose;
  const publicBody = a.publicBody === 'yes';
  const notes: string[] = [];
  // Training, testing and evaluating algorithms and AI is research under Art. 53(1)(e)(ii).
  if (a.buildsAi === 'yes' && purpose !== 'SCIENTIFIC_RESEARCH') notes.push('ai_training_is_research');
  const steps: PathwayStep[] = [
    {
      id: 'ehds_purpose',
      authority: 'applicant',
      citations: [
        cite('EHDS', `Art. 53(1)(${PURPOSE_LETTER[purpose]})`),
        ...(publicBody ? [cite('EHDS', 'Art. 53(2)')] : []),
        cite('EHDS', 'Art. 54'),
      ],
      notes,
      params: { letter: PURPOSE_LETTER[purpose] },
    },
  ];
  if (purpose === 'SCIENTIFIC_RESEARCH' && a.ethicsReview !== 'not_required')
    steps.push({
      id: 'ethics_review',
      authority: 'ethics_committee',
      citations: cites('EHDS', 'Art. 67(2)(j)', 'Art. 68(1)(f)'),
      notes: a.ethicsReview === 'unknown' ? ['check_national_law'] : [],
    });
  return steps;
}

/** Applying (to one HDAB, or once for several through HealthData@EU) and getting the data. */
export function accessSteps(a: PathwayAnswers): PathwayStep[] {
  const { route, multiCountry } = ehdsRoute(a);
  const purpose = a.purpose as Purpose;
  const authority = multiCountry ? 'hdabs_healthdata_eu' : 'hdab';
  // Art. 67(3): one application for data in several member states; each HDAB decides for its data (68(5)).
  const crossBorder = multiCountry ? [...cites('EHDS', 'Art. 67(3)', 'Art. 68(5)', 'Art. 75')] : [];
  const steps: PathwayStep[] = [];
  if (route === 'data_request') {
    steps.push({
      id: 'apply_data_request',
      authority,
      citations: [...cites('EHDS', 'Art. 69(2)', 'Art. 69(4)'), ...crossBorder],
      notes: [],
      params: { months: 3 },
    });
  } else {
    // Art. 68(6): public bodies with purposes (a)–(c) get the accelerated 2 + 1 months.
    const accelerated = isAccelerated([purpose], { verifiedPublicBody: a.publicBody === 'yes' });
    const notes = ['may_answer_as_request'];
    if (a.identifiability === 'pseudonymised') notes.push('justify_pseudonymised');
    steps.push({
      id: 'apply_data_permit',
      authority,
      citations: [
        ...cites('EHDS', 'Art. 67(2)', 'Art. 68(1)', 'Art. 68(3)', accelerated ? 'Art. 68(6)' : 'Art. 68(4)'),
        ...(a.identifiability === 'pseudonymised' ? [cite('EHDS', 'Art. 67(2)(e)')] : []),
        ...crossBorder,
      ],
      notes,
      params: accelerated ? { months: 2, extension: 1 } : { months: 3, extension: 3 },
    });
    steps.push({
      id: 'access_in_spe',
      authority: 'hdab',
      citations: cites('EHDS', 'Art. 68(7)', 'Art. 73'),
      notes: [],
      params: { months: 2 },
    });
  }
  return steps;
}

/** Publishing the results of the secondary use (Art. 61(4)), the last step of every pathway. */
export function publishStep(): PathwayStep {
  return {
    id: 'publish_results',
    authority: 'applicant',
    citations: [cite('EHDS', 'Art. 61(4)')],
    notes: [],
    params: { months: 18 },
  };
}
