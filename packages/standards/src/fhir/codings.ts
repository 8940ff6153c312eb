import type { CohortVocabulary } from '@openehds/core';
import { str, type CodeableConcept } from './elements';
import { vocabularyOf } from './systems';
import type { FhirMappedRow, FhirPersonRef, FhirTargetTable } from './types';

/**
 * A record's codings besides the one its OMOP row keeps. A FHIR CodeableConcept often carries the same
 * concept in several code systems (a Condition in SNOMED CT and ICD-10); the row keeps one
 * (`pickCoding`) and the others go to `<table>_coding`, so a feasibility query written in either finds
 * the record (issue 4 §1, Art. 69). Only the vocabularies a cohort criterion can name are kept (core's
 * `COHORT_VOCABULARIES`; a test keeps the two lists equal, and the list is repeated here so the ingest
 * staging thread need not load `@openehds/core`). Pure.
 */
export const CODING_VOCABULARIES = [
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
] as const satisfies readonly CohortVocabulary[];

const KEPT = new Set<string>(CODING_VOCABULARIES);

/** The OMOP tables whose rows may carry additional codings, and the tables those go to. */
export type FhirCodedTable =
  'condition_occurrence' | 'drug_exposure' | 'procedure_occurrence' | 'measurement' | 'observation';

/**
 * The codings of `cc` other than `kept` (the row's own), in a cohort vocabulary, each (vocabulary, code)
 * once. Codes are truncated as the row's are (OMOP varchar(50)).
 */
export function otherCodings(
  cc: CodeableConcept | undefined,
  kept: { code: string; vocabulary?: string } | undefined,
): { vocabulary: string; code: string }[] {
  const codings = cc?.coding;
  if (!Array.isArray(codings) || codings.length < 2) return [];
  const out: { vocabulary: string; code: string }[] = [];
  const seen = new Set<string>();
  if (kept) seen.add(`${kept.vocabulary}|${str(kept.code)}`);
  for (let i = 0; i < codings.length; i++) {
    const c = codings[i];
    const code = str(c?.code);
    const vocabulary = vocabularyOf(c?.system);
    if (code === undefined || vocabulary === undefined || !KEPT.has(vocabulary)) continue;
    const k = `${vocabulary}|${code}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ vocabulary, code });
  }
  return out;
}

/** Rows of `<table>_coding` for the row `rowId` of `table`: one per additional coding of `cc`. */
export function codingRows(
  table: FhirCodedTable,
  rowId: number,
  personRef: FhirPersonRef,
  cc: CodeableConcept | undefined,
  kept: { code: string; vocabulary?: string } | undefined,
): FhirMappedRow[] {
  const extra = otherCodings(cc, kept);
  if (extra.length === 0) return [];
  const target = `${table}_coding` as const satisfies FhirTargetTable;
  return extra.map((c) => ({
    table: target,
    personRef,
    row: { row_id: rowId, vocabulary: c.vocabulary, code: c.code },
  }));
}
