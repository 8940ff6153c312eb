/**
 * The cohort definition's vocabularies and limits as the browser needs them. They repeat
 * `COHORT_VOCABULARIES`, `PREFIX_HIERARCHY_VOCABULARIES` and `COHORT_LIMITS` of @openehds/core
 * (packages/core/src/cohort/definition.ts), which is not browser-safe to import; `vocab.test.ts`
 * checks the lists agree. Pure, no React.
 */

/** Coding systems a criterion can name. */
export const VOCABULARIES = [
  'ICD10',
  'ICD10CM',
  'ICD10PCS',
  'SNOMED',
  'LOINC',
  'ATC',
  'RxNorm',
  'CPT4',
  'CVX',
  'HPO',
  'OMIM',
  'ORPHA',
  'MONDO',
] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

/** Vocabularies whose hierarchy is the code prefix: only these allow "include descendants". */
export const PREFIX_VOCABULARIES: readonly Vocabulary[] = ['ICD10', 'ICD10CM', 'ICD10PCS', 'ATC'];

/** Limits the hub enforces on a definition (it arrives from the open internet). */
export const LIMITS = { groups: 20, criteriaPerGroup: 50, codesPerCriterion: 500, days: 36_500 } as const;

/** The criterion types, event types first (those can be the index event and have a window). */
export const CRITERION_TYPES = [
  'condition',
  'measurement',
  'drug',
  'procedure',
  'phenotype',
  'age',
  'sex',
  'variant',
] as const;
export type CriterionType = (typeof CRITERION_TYPES)[number];

/** The dated-event criteria. */
export const EVENT_TYPES = ['condition', 'measurement', 'drug', 'procedure', 'phenotype'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Whether a criterion type is a dated event (may be timed, may be the index event). */
export function isEventType(type: CriterionType): type is EventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

/** Whether a vocabulary allows descendant (code-prefix) matching. */
export function allowsDescendants(vocabulary: string): boolean {
  return (PREFIX_VOCABULARIES as readonly string[]).includes(vocabulary);
}

/** The vocabulary a new criterion of this type starts with. */
export function defaultVocabulary(type: CriterionType): Vocabulary {
  if (type === 'measurement') return 'LOINC';
  if (type === 'drug') return 'ATC';
  if (type === 'procedure') return 'SNOMED';
  return 'ICD10';
}
