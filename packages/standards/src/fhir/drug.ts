import { firstDate, eventBase } from './event';
import { codingRows } from './codings';
import { num, pickCoding, str, type CodeableConcept } from './elements';
import {
  TYPE_EHR,
  TYPE_EHR_PRESCRIPTION,
  TYPE_PATIENT_SELF_REPORT,
  type FhirMapContext,
  type FhirMapResult,
} from './types';

interface MedicationRequest {
  id?: string;
  subject?: { reference?: string };
  encounter?: { reference?: string };
  medicationCodeableConcept?: CodeableConcept;
  authoredOn?: string;
  dosageInstruction?: { text?: string; route?: CodeableConcept }[];
  dispenseRequest?: {
    validityPeriod?: { start?: string; end?: string };
    quantity?: { value?: number };
    numberOfRepeatsAllowed?: number;
    expectedSupplyDuration?: { value?: number; unit?: string; code?: string };
  };
}

interface MedicationStatement {
  id?: string;
  subject?: { reference?: string };
  context?: { reference?: string };
  medicationCodeableConcept?: CodeableConcept;
  effectiveDateTime?: string;
  effectivePeriod?: { start?: string; end?: string };
  dateAsserted?: string;
  dosage?: { text?: string; route?: CodeableConcept }[];
}

interface Immunization {
  id?: string;
  patient?: { reference?: string };
  encounter?: { reference?: string };
  vaccineCode?: CodeableConcept;
  occurrenceDateTime?: string;
  recorded?: string;
  lotNumber?: string;
  route?: CodeableConcept;
  status?: string;
}

type Base = Exclude<ReturnType<typeof eventBase>, string>;
type Day = NonNullable<ReturnType<typeof firstDate>>;

/**
 * The drug_exposure row the three medication resources share; each passes what differs (type
 * concept, end, route, and its own extra columns). OMOP requires an end date: without one it is the start.
 */
function drugExposure(
  resourceType: string,
  base: Base,
  ctx: FhirMapContext,
  d: {
    start: Day;
    end: Day;
    type: number;
    code: ReturnType<typeof pickCoding>;
    /** The concept `code` was picked from: its other codings go to drug_exposure_coding. */
    concept: CodeableConcept | undefined;
    route?: CodeableConcept;
    extra: Record<string, unknown>;
  },
): FhirMapResult {
  const id = ctx.stableId(ctx.datasetId, resourceType, base.id);
  return {
    ok: true,
    key: base.key,
    rows: [
      {
        table: 'drug_exposure',
        personRef: base.personRef,
        row: {
          drug_exposure_id: id,
          drug_concept_id: 0,
          drug_exposure_start_date: d.start.date,
          drug_exposure_start_datetime: d.start.datetime,
          drug_exposure_end_date: d.end.date,
          drug_exposure_end_datetime: d.end.datetime,
          drug_type_concept_id: d.type,
          route_concept_id: 0,
          visit_occurrence_id: base.visitId,
          drug_source_value: str(d.code?.code),
          drug_source_concept_id: 0,
          route_source_value: str(pickCoding(d.route)?.code),
          ehds_vocabulary: d.code?.vocabulary,
          ...d.extra,
        },
      },
      ...codingRows('drug_exposure', id, base.personRef, d.concept, d.code),
    ],
  };
}

/** MedicationRequest → OMOP drug_exposure with type 'EHR prescription' (32838). */
export function mapMedicationRequest(m: MedicationRequest, ctx: FhirMapContext): FhirMapResult {
  const base = eventBase('MedicationRequest', m, ctx);
  if (typeof base === 'string') return { ok: false, reason: base };
  const start = firstDate(m.authoredOn, m.dispenseRequest?.validityPeriod?.start);
  if (!start) return { ok: false, reason: `${base.key} has no valid authoredOn` };
  const supply = m.dispenseRequest?.expectedSupplyDuration;
  const dosage = m.dosageInstruction?.[0];
  return drugExposure('MedicationRequest', base, ctx, {
    start,
    end: firstDate(m.dispenseRequest?.validityPeriod?.end) ?? start,
    type: TYPE_EHR_PRESCRIPTION,
    code: pickCoding(m.medicationCodeableConcept),
    concept: m.medicationCodeableConcept,
    route: dosage?.route,
    extra: {
      refills: num(m.dispenseRequest?.numberOfRepeatsAllowed),
      quantity: num(m.dispenseRequest?.quantity?.value),
      days_supply: supply?.code === 'd' || supply?.unit === 'days' ? num(supply.value) : undefined,
      sig: str(dosage?.text, 2000),
    },
  });
}

/** MedicationStatement → OMOP drug_exposure with type 'Patient self-report' (32865). */
export function mapMedicationStatement(m: MedicationStatement, ctx: FhirMapContext): FhirMapResult {
  const base = eventBase('MedicationStatement', m, ctx);
  if (typeof base === 'string') return { ok: false, reason: base };
  const start = firstDate(m.effectiveDateTime, m.effectivePeriod?.start, m.dateAsserted);
  if (!start) return { ok: false, reason: `${base.key} has no valid effective date or dateAsserted` };
  const dosage = m.dosage?.[0];
  return drugExposure('MedicationStatement', base, ctx, {
    start,
    end: firstDate(m.effectivePeriod?.end) ?? start,
    type: TYPE_PATIENT_SELF_REPORT,
    code: pickCoding(m.medicationCodeableConcept),
    concept: m.medicationCodeableConcept,
    route: dosage?.route,
    extra: { sig: str(dosage?.text, 2000) },
  });
}

/** Immunization → OMOP drug_exposure carrying the vaccine code (CVX in Synthea), type 'EHR'. */
export function mapImmunization(i: Immunization, ctx: FhirMapContext): FhirMapResult {
  const base = eventBase('Immunization', i, ctx);
  if (typeof base === 'string') return { ok: false, reason: base };
  if (i.status === 'not-done') return { ok: true, key: base.key, rows: [], skipped: 'immunization not done' };
  const start = firstDate(i.occurrenceDateTime, i.recorded);
  if (!start) return { ok: false, reason: `${base.key} has no valid occurrenceDateTime` };
  return drugExposure('Immunization', base, ctx, {
    start,
    end: start,
    type: TYPE_EHR,
    code: pickCoding(i.vaccineCode),
    concept: i.vaccineCode,
    route: i.route,
    extra: { lot_number: str(i.lotNumber) },
  });
}
