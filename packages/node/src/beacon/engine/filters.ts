import {
  invalid,
  type BeaconFilter,
  type CohortCriterion,
  type CohortDefinitionInput,
  type Issue,
} from '@openehds/core';

/**
 * Beacon filters (issue 5 §2) → a cohort definition for `compileCohort` (@openehds/analytics), so the
 * Beacon and feasibility counts share one compiler and one meaning of every term. Pure.
 *
 * - `HP:nnnnnnn` → phenotypic feature present (phenopacket `observation`, not `excluded`);
 * - `NCIT:C16576` female, `NCIT:C20197` male → sex;
 * - `ICD10:` / `ICD10CM:` + code → condition; descendant terms (Beacon's default) by code prefix, which
 *   is the ICD-10 hierarchy;
 * - `SNOMED:` + concept id → condition, that concept only: the node ships no SNOMED CT hierarchy, so an
 *   explicit `includeDescendantTerms: true` is refused rather than silently answered narrower (HPO alike);
 * - `{ id: 'age', operator, value }`: age in whole years today (`value` `42` or ISO 8601 `P42Y`);
 * - operator `!` on a term excludes persons with it.
 * Any other id is refused, naming it: Beacon lets a server warn and ignore an unknown filter, but an
 * ignored filter silently widens the answer, so we refuse.
 */
export const SEX_TERMS: Record<string, 'female' | 'male'> = {
  'NCIT:C16576': 'female',
  'NCIT:C20197': 'male',
};

const ICD = /^(ICD10|ICD10CM):([A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?)$/i;
const SNOMED = /^SNOMED(?:CT)?:(\d{6,18})$/i;
const HPO = /^HP:\d{7}$/;

/** Turns the filters into a cohort definition, listing every filter at fault; `today` dates the ages. */
export function filtersToCohort(filters: readonly BeaconFilter[], today: Date): CohortDefinitionInput {
  const include: CohortCriterion[] = [];
  const exclude: CohortCriterion[] = [];
  const issues: Issue[] = [];
  filters.forEach((f, i) => {
    const path = `filters[${i}]`;
    const bad = (message: string) => issues.push({ path, message: `${f.id}: ${message}` });
    if (f.id.toLowerCase() === 'age') {
      const age = ageCriterion(f, today);
      if (typeof age === 'string') bad(age);
      else (age.negate ? exclude : include).push(age.criterion);
      return;
    }
    if (f.operator !== undefined && f.operator !== '=' && f.operator !== '!') {
      bad(`operator ${f.operator} applies to alphanumeric filters (age) only`);
      return;
    }
    const into = f.operator === '!' ? exclude : include;
    const sex = SEX_TERMS[f.id.toUpperCase()];
    const icd = ICD.exec(f.id);
    const snomed = SNOMED.exec(f.id);
    if (sex) into.push({ type: 'sex', values: [sex] });
    else if (HPO.test(f.id)) {
      if (f.includeDescendantTerms === true) bad(noHierarchy('HPO'));
      else into.push({ type: 'phenotype', terms: [f.id], status: 'present' });
    } else if (icd) {
      into.push({
        type: 'condition',
        codes: {
          vocabulary: icd[1]!.toUpperCase() === 'ICD10CM' ? 'ICD10CM' : 'ICD10',
          codes: [icd[2]!.toUpperCase()],
          descendants: f.includeDescendantTerms ?? true,
        },
      });
    } else if (snomed) {
      if (f.includeDescendantTerms === true) bad(noHierarchy('SNOMED CT'));
      else
        into.push({
          type: 'condition',
          codes: { vocabulary: 'SNOMED', codes: [snomed[1]!], descendants: false },
        });
    } else {
      bad(
        'unknown filter term; this Beacon filters on HPO (HP:), sex (NCIT:C16576, NCIT:C20197), ICD-10 (ICD10:, ICD10CM:), SNOMED CT (SNOMED:) and age (see /filtering_terms)',
      );
    }
  });
  if (issues.length)
    throw invalid(
      `unsupported filter${issues.length > 1 ? 's' : ''}: ${issues.map((x) => x.message).join('; ')}`,
      issues,
    );
  return {
    name: 'beacon query',
    inclusion: include.length ? [{ match: 'all', criteria: include }] : [],
    exclusion: exclude.map((c) => ({ match: 'all', criteria: [c] })),
  };
}

function noHierarchy(vocabulary: string): string {
  return `includeDescendantTerms needs the ${vocabulary} hierarchy, which this node does not ship; send the terms themselves with includeDescendantTerms false`;
}

/** Age filter → an age criterion at `today` (whole years), or why it cannot be. */
function ageCriterion(
  f: BeaconFilter,
  today: Date,
): { criterion: CohortCriterion; negate: boolean } | string {
  const m = /^(?:P)?(\d{1,3})(?:Y)?$/i.exec((f.value ?? '').trim());
  if (!m) return 'value must be whole years, e.g. 42 or P42Y';
  const years = Number(m[1]);
  if (years > 150) return 'value must be at most 150 years';
  const at = today.toISOString().slice(0, 10);
  const op = f.operator ?? '=';
  const range = (min?: number, max?: number): CohortCriterion => ({ type: 'age', at, min, max });
  switch (op) {
    case '=':
      return { criterion: range(years, years), negate: false };
    case '!':
      return { criterion: range(years, years), negate: true };
    case '>=':
      return { criterion: range(years), negate: false };
    case '>':
      return years >= 150 ? 'nobody is older than 150 years' : { criterion: range(years + 1), negate: false };
    case '<=':
      return { criterion: range(undefined, years), negate: false };
    case '<':
      return years === 0
        ? 'nobody is younger than 0 years'
        : { criterion: range(undefined, years - 1), negate: false };
  }
}
