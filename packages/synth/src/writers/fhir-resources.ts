/**
 * One synthetic person as FHIR R4 resources. References are `Type/id` for the Bulk Data layout
 * and `urn:uuid:id` inside transaction Bundles (FHIR R4 §3.1.0.1.2: resolved on POST).
 */
import { CKD_STAGE_CODES, CONDITIONS, type Code } from '../conditions';
import { LABS, LAB_REPORT, SMOKING_STATUS, type LabKey } from '../labs';
import { ATC_SYSTEM } from '../medications';
import type { PatientCondition, SynthPatient } from '../patient';
import { isoDate, isoDateTime, DAY_MS } from '../time';

/** Identifier system of the cross-format person identifier. */
export const PERSON_ID_SYSTEM = 'https://openehds.eu/sid/person';

const SCT = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const CVX = 'http://hl7.org/fhir/sid/cvx';
const ACT = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const CLASS_DISPLAY = { AMB: 'ambulatory', IMP: 'inpatient encounter', EMER: 'emergency' } as const;

/** The FHIR resource types written, in Bulk Data file order. */
export const FHIR_TYPES = [
  'Patient',
  'Encounter',
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'Procedure',
  'Immunization',
  'DiagnosticReport',
] as const;

/** A FHIR resource type written by the generator. */
export type FhirType = (typeof FHIR_TYPES)[number];

/** A FHIR resource as a plain JSON object. */
export type FhirResource = { resourceType: FhirType; id: string } & Record<string, unknown>;

/** How references are written. */
export type RefStyle = 'relative' | 'urn';

/** Calls `emit` once per resource of the person, Patient first. */
export function forEachResource(p: SynthPatient, style: RefStyle, emit: (r: FhirResource) => void): void {
  const ref = (type: FhirType, id: string): { reference: string } => ({
    reference: style === 'urn' ? `urn:uuid:${id}` : `${type}/${id}`,
  });
  const subject = ref('Patient', p.id);
  const enc = (i: number): { reference: string } => ref('Encounter', (p.encounters[i] as { id: string }).id);
  const alive = p.deathDay === undefined;
  const condById = new Map<string, PatientCondition>();
  for (const c of p.conditions) condById.set(c.key, c);

  emit({
    resourceType: 'Patient',
    id: p.id,
    identifier: [{ system: PERSON_ID_SYSTEM, value: p.identifier }],
    name: [{ use: 'official', family: p.family, given: [p.given] }],
    gender: p.sex,
    birthDate: isoDate(p.birthDay),
    ...(p.deathDay !== undefined ? { deceasedDateTime: isoDate(p.deathDay) } : { deceasedBoolean: false }),
    address: [{ country: p.country }],
  });

  p.encounters.forEach((e) => {
    const reason = e.reason ? CONDITIONS[e.reason].snomed : undefined;
    emit({
      resourceType: 'Encounter',
      id: e.id,
      status: 'finished',
      class: { system: ACT, code: e.cls, display: CLASS_DISPLAY[e.cls] },
      type: [{ coding: [{ system: SCT, code: e.type.code, display: e.type.display }], text: e.type.display }],
      subject,
      period: { start: isoDateTime(e.start), end: isoDateTime(e.end) },
      ...(reason
        ? { reasonCode: [{ coding: [{ system: SCT, code: reason.code, display: reason.display }] }] }
        : {}),
    });
  });

  for (const c of p.conditions) {
    const codes = c.key === 'ckd' && c.stage ? CKD_STAGE_CODES[c.stage] : CONDITIONS[c.key];
    const recorded = c.encounter !== undefined ? p.encounters[c.encounter] : undefined;
    emit({
      resourceType: 'Condition',
      id: c.id,
      clinicalStatus: coded('http://terminology.hl7.org/CodeSystem/condition-clinical', {
        code: 'active',
        display: 'Active',
      }),
      verificationStatus: coded('http://terminology.hl7.org/CodeSystem/condition-ver-status', {
        code: 'confirmed',
        display: 'Confirmed',
      }),
      category: [
        coded('http://terminology.hl7.org/CodeSystem/condition-category', {
          code: 'encounter-diagnosis',
          display: 'Encounter Diagnosis',
        }),
      ],
      code: {
        coding: [
          { system: SCT, code: codes.snomed.code, display: codes.snomed.display },
          { system: ICD10, code: codes.icd10.code, display: codes.icd10.display },
        ],
        text: codes.snomed.display,
      },
      subject,
      ...(c.encounter !== undefined ? { encounter: enc(c.encounter) } : {}),
      onsetDateTime: isoDate(c.onsetDay),
      ...(recorded ? { recordedDate: isoDateTime(recorded.start) } : {}),
    });
  }

  for (const o of p.observations) {
    if (o.key === 'smoking') {
      emit({
        resourceType: 'Observation',
        id: o.id,
        status: 'final',
        category: SOCIAL_HISTORY,
        code: SMOKING_CODE,
        subject,
        encounter: enc(o.encounter),
        effectiveDateTime: isoDateTime(o.time),
        valueCodeableConcept: { coding: [{ system: SCT, code: o.code?.code, display: o.code?.display }] },
      });
      continue;
    }
    const lab = LAB_JSON[o.key];
    emit({
      resourceType: 'Observation',
      id: o.id,
      status: 'final',
      category: lab.category,
      code: lab.code,
      subject,
      encounter: enc(o.encounter),
      effectiveDateTime: isoDateTime(o.time),
      valueQuantity: { value: o.value, unit: lab.unit, system: UCUM, code: lab.unit },
    });
  }

  for (const m of p.medications) {
    const medication = {
      coding: [{ system: ATC_SYSTEM, code: m.atc.code, display: m.atc.display }],
      text: m.atc.display,
    };
    const reason = condById.get(m.reason);
    const reasonReference = reason ? [ref('Condition', reason.id)] : undefined;
    const ended = !alive || m.endDay < p.obsEnd;
    emit({
      resourceType: 'MedicationRequest',
      id: m.id,
      status: ended ? 'completed' : 'active',
      intent: 'order',
      medicationCodeableConcept: medication,
      subject,
      encounter: enc(m.encounter),
      authoredOn: isoDateTime(m.time),
      ...(reasonReference ? { reasonReference } : {}),
      dispenseRequest: { validityPeriod: { start: isoDate(m.startDay), end: isoDate(m.endDay) } },
    });
    if (m.statement) {
      const end = m.statement.endDay ?? (alive ? undefined : p.obsEnd);
      emit({
        resourceType: 'MedicationStatement',
        id: m.statement.id,
        basedOn: [ref('MedicationRequest', m.id)],
        status: end === undefined ? 'active' : 'completed',
        medicationCodeableConcept: medication,
        subject,
        context: enc(m.encounter),
        effectivePeriod: { start: isoDate(m.startDay), ...(end !== undefined ? { end: isoDate(end) } : {}) },
        dateAsserted: isoDateTime(m.time),
        ...(reasonReference ? { reasonReference } : {}),
      });
    }
  }

  for (const pr of p.procedures) {
    const reason = pr.reason ? condById.get(pr.reason) : undefined;
    emit({
      resourceType: 'Procedure',
      id: pr.id,
      status: 'completed',
      code: {
        coding: [{ system: SCT, code: pr.code.code, display: pr.code.display }],
        text: pr.code.display,
      },
      subject,
      encounter: enc(pr.encounter),
      performedDateTime: isoDateTime(pr.time),
      ...(reason ? { reasonReference: [ref('Condition', reason.id)] } : {}),
    });
  }

  for (const im of p.immunizations) {
    emit({
      resourceType: 'Immunization',
      id: im.id,
      status: 'completed',
      vaccineCode: {
        coding: [{ system: CVX, code: im.cvx.code, display: im.cvx.display }],
        text: im.cvx.display,
      },
      patient: subject,
      encounter: enc(im.encounter),
      occurrenceDateTime: isoDateTime(im.time),
      primarySource: true,
    });
  }

  for (const r of p.reports) {
    emit({
      resourceType: 'DiagnosticReport',
      id: r.id,
      status: 'final',
      category: [
        coded('http://terminology.hl7.org/CodeSystem/v2-0074', { code: 'LAB', display: 'Laboratory' }),
      ],
      code: {
        coding: [{ system: LOINC, code: LAB_REPORT.loinc, display: LAB_REPORT.display }],
        text: LAB_REPORT.display,
      },
      subject,
      encounter: enc(r.encounter),
      effectiveDateTime: isoDateTime(r.time),
      issued: isoDateTime(r.time + DAY_MS / 8),
      result: r.results.map((i) => ref('Observation', (p.observations[i] as { id: string }).id)),
    });
  }
}

// Codings shared by every Observation of a kind, built once (the writer's hot path).
const LAB_JSON = Object.fromEntries(
  Object.values(LABS).map((l) => [
    l.key,
    {
      category: [observationCategory(l.category)],
      code: { coding: [{ system: LOINC, code: l.loinc, display: l.display }] },
      unit: l.unit,
    },
  ]),
) as Record<LabKey, { category: unknown[]; code: unknown; unit: string }>;
const SOCIAL_HISTORY = [observationCategory('social-history')];
const SMOKING_CODE = {
  coding: [{ system: LOINC, code: SMOKING_STATUS.loinc, display: SMOKING_STATUS.display }],
};

function coded(system: string, c: Code): { coding: { system: string; code: string; display: string }[] } {
  return { coding: [{ system, code: c.code, display: c.display }] };
}

function observationCategory(code: string): { coding: { system: string; code: string; display: string }[] } {
  const display =
    {
      laboratory: 'Laboratory',
      'vital-signs': 'Vital Signs',
      exam: 'Exam',
      'social-history': 'Social History',
    }[code] ?? code;
  return coded('http://terminology.hl7.org/CodeSystem/observation-category', { code, display });
}
