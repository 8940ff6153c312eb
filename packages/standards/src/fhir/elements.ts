import { vocabularyOf } from './systems';
import { FHIR_FULLURL_SYSTEM, FHIR_PATIENT_SYSTEM, type FhirPersonRef } from './types';

/** A FHIR Coding (subset used here). */
export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

/** A FHIR CodeableConcept (subset used here). */
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

/** A FHIR Reference (subset used here). */
export interface Reference {
  reference?: string;
}

// Preference when a concept carries several codings: standard clinical vocabularies first.
const PREFERRED = ['SNOMED', 'ICD10', 'ICD10CM', 'LOINC', 'RxNorm', 'ATC', 'CVX', 'HPO'];

/** The coding to keep as source value: SNOMED/ICD-10/LOINC/… before local codes; undefined if none has a code. */
export function pickCoding(
  cc: CodeableConcept | undefined,
): { code: string; vocabulary?: string } | undefined {
  const codings = cc?.coding;
  if (!Array.isArray(codings) || codings.length === 0) return undefined;
  let best: Coding | undefined;
  let bestVocab: string | undefined;
  let bestRank = Infinity;
  for (let i = 0; i < codings.length; i++) {
    const c = codings[i];
    if (!c || typeof c.code !== 'string') continue;
    const vocab = vocabularyOf(c.system);
    const rank = vocab ? PREFERRED.indexOf(vocab) : -1;
    const r = rank === -1 ? PREFERRED.length : rank;
    if (r < bestRank) {
      best = c;
      bestVocab = vocab;
      bestRank = r;
    }
  }
  if (!best) return undefined;
  return { code: best.code!, vocabulary: bestVocab };
}

/** True when any coding of any concept has this code (e.g. an Observation category). */
export function hasCode(concepts: CodeableConcept[] | CodeableConcept | undefined, code: string): boolean {
  if (concepts === undefined) return false;
  if (!Array.isArray(concepts)) return codingsHave(concepts, code);
  for (let i = 0; i < concepts.length; i++) if (codingsHave(concepts[i], code)) return true;
  return false;
}

function codingsHave(cc: CodeableConcept | undefined, code: string): boolean {
  const codings = cc?.coding;
  if (!Array.isArray(codings)) return false;
  for (let i = 0; i < codings.length; i++) if (codings[i]?.code === code) return true;
  return false;
}

/**
 * A person reference from a FHIR Reference: `Patient/123` (relative or absolute URL) → `fhir:Patient`,
 * `urn:uuid:…` → `fhir:fullUrl`. Undefined when the reference does not point to a Patient.
 */
export function personRefOf(ref: Reference | undefined): FhirPersonRef | undefined {
  const r = ref?.reference;
  if (typeof r !== 'string' || r.length === 0) return undefined;
  if (r.startsWith('urn:uuid:') || r.startsWith('urn:oid:')) return { system: FHIR_FULLURL_SYSTEM, value: r };
  const i = r.lastIndexOf('Patient/');
  if (i === -1 || (i > 0 && r[i - 1] !== '/')) return undefined;
  const id = segment(r, i + 8);
  return id ? { system: FHIR_PATIENT_SYSTEM, value: id } : undefined;
}

/** The logical id of a reference of the given type (`Encounter/abc` → `abc`); urn:uuid refs yield the uuid urn. */
export function refId(ref: Reference | undefined, type: string): string | undefined {
  const r = ref?.reference;
  if (typeof r !== 'string') return undefined;
  if (r.startsWith('urn:')) return r;
  const i = r.lastIndexOf(`${type}/`);
  if (i === -1 || (i > 0 && r.charCodeAt(i - 1) !== 47)) return undefined;
  return segment(r, i + type.length + 1) || undefined;
}

/** The path segment of `r` starting at `from` (up to the next `/` or the end). */
function segment(r: string, from: number): string {
  const end = r.indexOf('/', from);
  return end === -1 ? r.slice(from) : r.slice(from, end);
}

/** A number or undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A string truncated to `max` characters (OMOP varchar limits), or undefined. */
export function str(v: unknown, max = 50): string | undefined {
  return typeof v === 'string' && v.length > 0 ? (v.length > max ? v.slice(0, max) : v) : undefined;
}
