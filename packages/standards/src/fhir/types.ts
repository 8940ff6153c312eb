/**
 * Output of the pure FHIR R4 → OMOP CDM 5.4 mappings. Structurally the same as the node's ingest
 * `MapResult` (packages/node/src/ingest/types.ts), declared here because `standards` may not import
 * the node runtime (DESIGN.md §2: arrows point inward).
 */

/** OMOP tables the FHIR mappings write. */
export type FhirTargetTable =
  | 'person'
  | 'death'
  | 'visit_occurrence'
  | 'condition_occurrence'
  | 'drug_exposure'
  | 'procedure_occurrence'
  | 'measurement'
  | 'observation'
  // A record's codings besides its row's own (see codings.ts).
  | 'condition_occurrence_coding'
  | 'drug_exposure_coding'
  | 'procedure_occurrence_coding'
  | 'measurement_coding'
  | 'observation_coding';

/** A person referred to by one of their identifiers (`fhir:Patient` + logical id, `fhir:fullUrl`, or a system URI). */
export interface FhirPersonRef {
  system: string;
  value: string;
}

/** One OMOP row; `person_id` is resolved by the caller from `personRef` when given. */
export interface FhirMappedRow {
  table: FhirTargetTable;
  row: Record<string, unknown>;
  personRef?: FhirPersonRef;
}

/** The result of mapping one FHIR resource. */
export type FhirMapResult =
  | {
      ok: true;
      /** `ResourceType/id`: stable across NDJSON and Bundle sources of the same resource. */
      key: string;
      person?: { refs: FhirPersonRef[] };
      rows: FhirMappedRow[];
      /** Set when the resource is deliberately not stored (no OMOP mapping, entered in error). */
      skipped?: string;
    }
  | { ok: false; reason: string };

/** What the mappings need from outside: the node's settings and the id function. */
export interface FhirMapContext {
  datasetId: string;
  /** Identifier system that unifies persons across formats, e.g. `https://openehds.eu/sid/person`. */
  personIdentifierSystem: string;
  /** Deterministic id for OMOP `*_id` columns (analytics' `stableId`), injected to keep this package pure. */
  stableId: (...parts: string[]) => number;
}

/** Identifier system for references by FHIR logical id (`Patient/123`). */
export const FHIR_PATIENT_SYSTEM = 'fhir:Patient';
/** Identifier system for references by Bundle entry fullUrl (`urn:uuid:…`). */
export const FHIR_FULLURL_SYSTEM = 'fhir:fullUrl';

/** OMOP type concept 'EHR' (Type Concept vocabulary), used where no more specific provenance is known. */
export const TYPE_EHR = 32817;
/** OMOP type concept 'EHR prescription'. */
export const TYPE_EHR_PRESCRIPTION = 32838;
/** OMOP type concept 'Patient self-report'. */
export const TYPE_PATIENT_SELF_REPORT = 32865;
