import type { NodeStore } from '@openehds/analytics';
import { AGE_FILTERING_TERM, SEX_FILTERING_TERMS, type BeaconFilteringTerm } from '@openehds/core';

/**
 * The filtering terms this node's store actually holds (issue 5 §2, `/filtering_terms`): the HPO terms
 * of phenotypic features recorded as present, the ICD-10 / ICD-10-CM and SNOMED CT condition codes, sex
 * (NCIT) for the sexes present, and age. Spelled as the engine's filters take them (engine/filters.ts),
 * so every listed term is one a query may use. ICD-10 codes also list their three-character category
 * (`ICD10:E11` beside `ICD10:E11.9`): Beacon queries include descendant terms by default, and the
 * engine answers an ICD-10 category by code prefix, so the category is a term this node can answer.
 *
 * Listing a term says that some person here has it, which an anonymous boolean query says too; the
 * per-caller query budget is what limits such probing (budget.ts). Terms of the ingest's own sample
 * rows without a person are not listed (they are no one, engine README).
 */

const HPO = /^HP:\d{7}$/;
const ICD = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const SNOMED = /^\d{6,18}$/;
const ABSENT = ['excluded', 'false'];

/** Queries the store for the terms it holds; sorted and unique. */
export async function nodeFilteringTerms(store: NodeStore): Promise<BeaconFilteringTerm[]> {
  const terms = new Map<string, BeaconFilteringTerm>();
  const add = (t: BeaconFilteringTerm) => {
    if (!terms.has(t.id)) terms.set(t.id, t);
  };
  const phenotypes = await store.all<{ code: string }>(
    `SELECT DISTINCT observation_source_value AS code FROM observation
     WHERE person_id IS NOT NULL AND observation_source_value LIKE 'HP:%'
       AND (value_as_string IS NULL OR value_as_string NOT IN (${ABSENT.map((a) => `'${a}'`).join(', ')}))`,
  );
  for (const { code } of phenotypes)
    if (HPO.test(code)) add({ id: code, type: 'ontologyTerm', scopes: ['individual'] });

  const conditions = await store.all<{ vocabulary: string; code: string }>(
    `SELECT DISTINCT ehds_vocabulary AS vocabulary, condition_source_value AS code FROM condition_occurrence
     WHERE person_id IS NOT NULL AND ehds_vocabulary IN ('ICD10', 'ICD10CM', 'SNOMED')
       AND condition_source_value IS NOT NULL`,
  );
  for (const { vocabulary, code: raw } of conditions) {
    const code = raw.trim().toUpperCase();
    if (vocabulary === 'SNOMED') {
      if (SNOMED.test(code)) add({ id: `SNOMED:${code}`, type: 'ontologyTerm', scopes: ['individual'] });
      continue;
    }
    if (!ICD.test(code)) continue;
    add({ id: `${vocabulary}:${code}`, type: 'ontologyTerm', scopes: ['individual'] });
    add({ id: `${vocabulary}:${code.slice(0, 3)}`, type: 'ontologyTerm', scopes: ['individual'] });
  }

  // OMOP gender concepts: 8532 female, 8507 male (the ingest's mapping; engine/filters.ts SEX_TERMS).
  const sexes = await store.all<{ g: number }>(
    `SELECT DISTINCT CAST(gender_concept_id AS INTEGER) AS g FROM person WHERE gender_concept_id IN (8532, 8507)`,
  );
  const present = new Set(sexes.map((s) => Number(s.g)));
  for (const t of SEX_FILTERING_TERMS)
    if (present.has(t.label === 'female' ? 8532 : 8507)) add({ ...t, scopes: ['individual'] });
  const [persons] = await store.all<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM person');
  if (Number(persons?.n ?? 0) > 0) add(AGE_FILTERING_TERM);
  return [...terms.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The terms, kept until `refresh()` (called with `refreshBeaconIndex`, after an ingest batch, an
 * opt-out sync or a linking of samples), so a query's parse does not scan the store.
 */
export function cachedFilteringTerms(store: NodeStore): {
  terms: () => Promise<BeaconFilteringTerm[]>;
  refresh: () => void;
} {
  let cached: Promise<BeaconFilteringTerm[]> | null = null;
  return {
    terms: () => {
      if (!cached) {
        const p = nodeFilteringTerms(store);
        cached = p;
        p.catch(() => {
          if (cached === p) cached = null;
        });
      }
      return cached;
    },
    refresh: () => {
      cached = null;
    },
  };
}
