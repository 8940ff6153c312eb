import { PREFIX_HIERARCHY_VOCABULARIES, type CodeSet, type CohortVocabulary } from '@openehds/core';
import type { SqlParams } from './sql-params';

/**
 * Matching a criterion's codes against the source codes a node keeps. Nodes ship no OHDSI vocabulary,
 * so `*_concept_id` is mostly 0 and the code lives in `*_source_value` with its system in
 * `ehds_vocabulary` (see `omop/schema.ts`). Source values arrive in a few spellings, all matched:
 * - bare (`E11.9`, FHIR and OMOP CSV) or as a CURIE (`ICD10CM:E11.9`, phenopackets keep the CURIE);
 * - ICD-10 with or without its dot (`E11.9` / `E119`; FHIR requires the dot, some exports drop it).
 * `descendants` is a prefix match, the hierarchy of ICD-10 (and -CM, -PCS) and ATC being their code
 * prefix (WHO ATC/DDD guidelines; ICD-10 volume 2 §2.4). Pure.
 */

/** `ehds_vocabulary` spellings of one vocabulary. ICD-10-CM shares ICD-10's categories, so ICD10 covers it. */
const ALIASES: Partial<Record<CohortVocabulary, string[]>> = {
  ICD10: ['ICD10', 'ICD10CM'],
  RxNorm: ['RxNorm', 'RXNORM'],
};

const ICD = new Set<CohortVocabulary>(['ICD10', 'ICD10CM', 'ICD10PCS']);

/** The stored spellings of a vocabulary. */
export function vocabularyAliases(vocabulary: CohortVocabulary): string[] {
  return ALIASES[vocabulary] ?? [vocabulary];
}

/** The spellings of one code a source value may use (without a CURIE prefix). */
export function codeForms(vocabulary: CohortVocabulary, code: string): string[] {
  const c = code.trim();
  if (ICD.has(vocabulary) && vocabulary !== 'ICD10PCS') {
    const upper = c.toUpperCase();
    const bare = upper.replace('.', '');
    const dotted = bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
    return dotted === bare ? [bare] : [dotted, bare];
  }
  if (ICD.has(vocabulary) || vocabulary === 'ATC') return [c.toUpperCase()];
  return [c];
}

/**
 * SQL predicate: the row's vocabulary is the set's and its source code is one of the set's codes (or,
 * with `descendants`, starts with one). Codes are validated to contain no LIKE wildcard (`%`, `_`).
 */
export function codeMatchSql(
  set: CodeSet,
  codeColumn: string,
  vocabularyColumn: string,
  params: SqlParams,
): string {
  const prefix = set.descendants && PREFIX_HIERARCHY_VOCABULARIES.includes(set.vocabulary);
  const forms = [...new Set(set.codes.flatMap((c) => codeForms(set.vocabulary, c)))];
  const alternatives: string[] = [];
  if (prefix) {
    for (const f of forms) {
      alternatives.push(
        `${codeColumn} LIKE ${params.add(`${f}%`)}`,
        `${codeColumn} LIKE ${params.add(`%:${f}%`)}`,
      );
    }
  } else {
    alternatives.push(`${codeColumn} IN (${params.list(forms)})`);
    for (const f of forms) alternatives.push(`${codeColumn} LIKE ${params.add(`%:${f}`)}`);
  }
  const vocab = `${vocabularyColumn} IN (${params.list(vocabularyAliases(set.vocabulary))})`;
  return `${vocab} AND (${alternatives.join(' OR ')})`;
}
