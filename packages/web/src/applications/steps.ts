/**
 * The editor's steps, one per letter of Art. 67(2) for a data access application and of Art. 69(2)
 * for a health data request, each listing the content fields it holds. Issue placement and the
 * checklist's "go to the field" both read this table, so a field lives in exactly one step.
 */
import type { ApplicationKind } from '@openehds/client';

/** A step of the editor. */
export type StepId =
  | 'applicant'
  | 'identity'
  | 'purposes'
  | 'use'
  | 'purposeUse'
  | 'data'
  | 'dataForm'
  | 'safeguards'
  | 'spe'
  | 'tools'
  | 'ethics'
  | 'optOut'
  | 'statistics'
  | 'legalBasis'
  | 'declarations'
  | 'review';

/** One step: the clause it implements and the top-level content keys it edits. */
export interface StepDef {
  id: StepId;
  article: string;
  keys: readonly string[];
}

const DATA_KEYS = ['datasets', 'variables', 'period', 'geography', 'format'] as const;
const DECLARATION_KEYS = ['declarations', 'commercial', 'diseaseCodes'] as const;

/** Art. 67(2)(a)–(k), 67(4), 67(5), then the Art. 54 declarations and the review. */
export const APPLICATION_STEPS: readonly StepDef[] = [
  { id: 'applicant', article: 'Art. 67(2)(a)', keys: ['title', 'applicantActivities', 'persons'] },
  { id: 'purposes', article: 'Art. 67(2)(b), 53', keys: ['purposes'] },
  { id: 'use', article: 'Art. 67(2)(c)', keys: ['useAndBenefit'] },
  { id: 'data', article: 'Art. 67(2)(d)', keys: DATA_KEYS },
  {
    id: 'dataForm',
    article: 'Art. 67(2)(e), 67(4)',
    keys: ['dataForm', 'dataFormJustification', 'legalBasis'],
  },
  { id: 'safeguards', article: 'Art. 67(2)(f), (g)', keys: ['ownDatasets', 'safeguards'] },
  { id: 'spe', article: 'Art. 67(2)(h), 67(5)', keys: ['speMonths', 'speJustification', 'publicBodyAccess'] },
  { id: 'tools', article: 'Art. 67(2)(i)', keys: ['tools'] },
  { id: 'ethics', article: 'Art. 67(2)(j)', keys: ['ethics'] },
  { id: 'optOut', article: 'Art. 67(2)(k), 71(4)', keys: ['optOutException'] },
  { id: 'declarations', article: 'Art. 54', keys: DECLARATION_KEYS },
  { id: 'review', article: '', keys: [] },
];

/** Art. 69(2)(a)–(g): a request names no persons and needs no SPE; it asks for statistics. */
export const REQUEST_STEPS: readonly StepDef[] = [
  { id: 'identity', article: 'Art. 69(2)(a)', keys: ['title', 'applicantActivities'] },
  { id: 'purposeUse', article: 'Art. 69(2)(b), 53', keys: ['purposes', 'useAndBenefit'] },
  { id: 'data', article: 'Art. 69(2)(c)', keys: DATA_KEYS },
  { id: 'statistics', article: 'Art. 69(2)(d)', keys: ['statisticalContent'] },
  { id: 'safeguards', article: 'Art. 69(2)(e)', keys: ['safeguards'] },
  { id: 'legalBasis', article: 'Art. 69(2)(f)', keys: ['legalBasis'] },
  { id: 'optOut', article: 'Art. 69(2)(g), 71(4)', keys: ['optOutException'] },
  { id: 'declarations', article: 'Art. 54', keys: DECLARATION_KEYS },
  { id: 'review', article: '', keys: [] },
];

/** The steps of a kind of file. */
export function stepsFor(kind: ApplicationKind): readonly StepDef[] {
  return kind === 'application' ? APPLICATION_STEPS : REQUEST_STEPS;
}

/** The step a (normalised, dotted) field path belongs to; anything unknown lands on the review step. */
export function stepOf(kind: ApplicationKind, path: string): StepId {
  const top = path.split('.')[0] ?? '';
  return stepsFor(kind).find((s) => s.keys.includes(top))?.id ?? 'review';
}

/** A step id from the address bar, or the first step when it is missing or not a step of this kind. */
export function stepFromParam(kind: ApplicationKind, param: string | null): StepId {
  const steps = stepsFor(kind);
  return steps.find((s) => s.id === param)?.id ?? steps[0]!.id;
}

/** How many issues fall on each step (for the step list's "n to do"). */
export function issuesPerStep(
  kind: ApplicationKind,
  paths: readonly string[],
): Partial<Record<StepId, number>> {
  const out: Partial<Record<StepId, number>> = {};
  for (const p of paths) {
    const s = stepOf(kind, p);
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}
