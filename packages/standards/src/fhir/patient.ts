import { parseFhirDate, toOmopDateTime } from './dates';
import { str } from './elements';
import {
  FHIR_PATIENT_SYSTEM,
  TYPE_EHR,
  type FhirMapContext,
  type FhirMapResult,
  type FhirMappedRow,
  type FhirPersonRef,
} from './types';

/** OMOP gender concepts (Gender vocabulary): FHIR AdministrativeGender male/female; others have no standard concept. */
const GENDER: Record<string, number> = { male: 8507, female: 8532 };

interface Patient {
  id?: string;
  gender?: string;
  birthDate?: string;
  identifier?: { system?: string; value?: string }[];
  deceasedDateTime?: string;
}

/**
 * Patient → OMOP person (+ death when `deceasedDateTime` is given). The person id derives from the node's
 * unifying identifier when the Patient carries it, so the same person loaded from another format (OMOP
 * CSV, phenopacket, VCF sample) lands on the same row; otherwise from the dataset and logical id.
 * `fullUrl` is the Bundle entry's fullUrl, registered as a further reference.
 */
export function mapPatient(p: Patient, ctx: FhirMapContext, fullUrl?: string): FhirMapResult {
  const id = p.id;
  if (typeof id !== 'string' || id === '') return { ok: false, reason: 'Patient has no id' };
  if (p.birthDate === undefined) {
    return { ok: false, reason: `Patient/${id} has no birthDate; OMOP person.year_of_birth is required` };
  }
  const birth = parseFhirDate(p.birthDate);
  if (!birth) {
    return {
      ok: false,
      reason: `Patient/${id} has an invalid birthDate '${String(p.birthDate)}' (expected YYYY, YYYY-MM or YYYY-MM-DD)`,
    };
  }
  const unifying = Array.isArray(p.identifier)
    ? p.identifier.find(
        (i) => i?.system === ctx.personIdentifierSystem && typeof i.value === 'string' && i.value,
      )
    : undefined;
  const refs: FhirPersonRef[] = [];
  if (unifying) refs.push({ system: ctx.personIdentifierSystem, value: unifying.value! });
  refs.push({ system: FHIR_PATIENT_SYSTEM, value: id });
  if (fullUrl) refs.push({ system: 'fhir:fullUrl', value: fullUrl });
  const personId = unifying
    ? ctx.stableId('person', ctx.personIdentifierSystem, unifying.value!)
    : ctx.stableId('person', FHIR_PATIENT_SYSTEM, ctx.datasetId, id);

  const rows: FhirMappedRow[] = [
    {
      table: 'person',
      row: {
        person_id: personId,
        gender_concept_id: GENDER[p.gender ?? ''] ?? 0,
        year_of_birth: birth.year,
        month_of_birth: birth.month,
        day_of_birth: birth.day,
        race_concept_id: 0,
        ethnicity_concept_id: 0,
        person_source_value: str(unifying?.value ?? id),
        gender_source_value: str(p.gender),
      },
    },
  ];
  if (p.deceasedDateTime !== undefined) {
    const d = toOmopDateTime(p.deceasedDateTime);
    if (!d)
      return {
        ok: false,
        reason: `Patient/${id} has an invalid deceasedDateTime '${String(p.deceasedDateTime)}'`,
      };
    rows.push({
      table: 'death',
      row: {
        person_id: personId,
        death_date: d.date,
        death_datetime: d.datetime,
        death_type_concept_id: TYPE_EHR,
      },
    });
  }
  return { ok: true, key: `Patient/${id}`, person: { refs }, rows };
}
