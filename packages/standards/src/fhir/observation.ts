import { firstDate, eventBase, type EventBase } from './event';
import { codingRows } from './codings';
import { hasCode, num, pickCoding, str, type CodeableConcept } from './elements';
import { TYPE_EHR, type FhirMapContext, type FhirMapResult, type FhirMappedRow } from './types';

interface Quantity {
  value?: number;
  unit?: string;
  code?: string;
}

interface ObservationValue {
  code?: CodeableConcept;
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  valueString?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  referenceRange?: { low?: Quantity; high?: Quantity }[];
}

interface Observation extends ObservationValue {
  id?: string;
  subject?: { reference?: string };
  encounter?: { reference?: string };
  category?: CodeableConcept[];
  effectiveDateTime?: string;
  effectivePeriod?: { start?: string };
  effectiveInstant?: string;
  issued?: string;
  component?: ObservationValue[];
}

/**
 * Observation → OMOP measurement when it is a lab result or vital sign or carries a quantity (OMOP CDM
 * 5.4 conventions: measurements are results of a test with a numeric or categorical result), else
 * observation. Component observations (blood pressure) become one row per component. A code's other
 * codings (LOINC beside a local code, HPO beside SNOMED CT) go to `<table>_coding` for each row.
 */
export function mapObservation(o: Observation, ctx: FhirMapContext): FhirMapResult {
  const base = eventBase('Observation', o, ctx);
  if (typeof base === 'string') return { ok: false, reason: base };
  const when = firstDate(o.effectiveDateTime, o.effectivePeriod?.start, o.effectiveInstant, o.issued);
  if (!when) return { ok: false, reason: `${base.key} has no valid effective date or issued` };
  const isMeasurement =
    o.valueQuantity !== undefined || hasCode(o.category, 'laboratory') || hasCode(o.category, 'vital-signs');
  const parts: ObservationValue[] =
    Array.isArray(o.component) && o.component.length > 0 && o.valueQuantity === undefined ? o.component : [o];
  const rows: FhirMappedRow[] = [];
  for (let i = 0; i < parts.length; i++) {
    // A component row's id includes its position; the whole observation keeps the plain id.
    const idParts = parts.length === 1 && parts[0] === o ? [base.id] : [base.id, String(i)];
    rows.push(
      ...(isMeasurement
        ? measurementRow(parts[i]!, 'Observation', idParts, base, when, ctx)
        : observationRow(parts[i]!, 'Observation', idParts, base, when, ctx)),
    );
  }
  return { ok: true, key: base.key, rows };
}

interface DiagnosticReport {
  id?: string;
  subject?: { reference?: string };
  encounter?: { reference?: string };
  category?: CodeableConcept[];
  code?: CodeableConcept;
  effectiveDateTime?: string;
  effectivePeriod?: { start?: string };
  issued?: string;
}

/**
 * DiagnosticReport → one row carrying the report code: measurement for laboratory reports (v2-0074 LAB),
 * else observation. Its `result` Observations are separate resources and map on their own.
 */
export function mapDiagnosticReport(d: DiagnosticReport, ctx: FhirMapContext): FhirMapResult {
  const base = eventBase('DiagnosticReport', d, ctx);
  if (typeof base === 'string') return { ok: false, reason: base };
  const when = firstDate(d.effectiveDateTime, d.effectivePeriod?.start, d.issued);
  if (!when) return { ok: false, reason: `${base.key} has no valid effective date or issued` };
  const value: ObservationValue = { code: d.code };
  const rows = hasCode(d.category, 'LAB')
    ? measurementRow(value, 'DiagnosticReport', [base.id], base, when, ctx)
    : observationRow(value, 'DiagnosticReport', [base.id], base, when, ctx);
  return { ok: true, key: base.key, rows };
}

type When = { date: string; datetime?: string };

function measurementRow(
  v: ObservationValue,
  type: string,
  idParts: string[],
  base: EventBase,
  when: When,
  ctx: FhirMapContext,
): FhirMappedRow[] {
  const code = pickCoding(v.code);
  const q = v.valueQuantity;
  const range = v.referenceRange?.[0];
  const id = ctx.stableId(ctx.datasetId, type, ...idParts);
  const row: FhirMappedRow = {
    table: 'measurement',
    personRef: base.personRef,
    row: {
      measurement_id: id,
      measurement_concept_id: 0,
      measurement_date: when.date,
      measurement_datetime: when.datetime,
      measurement_type_concept_id: TYPE_EHR,
      value_as_number: num(q?.value) ?? num(v.valueInteger),
      value_as_concept_id: 0,
      unit_concept_id: 0,
      range_low: num(range?.low?.value),
      range_high: num(range?.high?.value),
      visit_occurrence_id: base.visitId,
      measurement_source_value: str(code?.code),
      measurement_source_concept_id: 0,
      unit_source_value: str(q?.code ?? q?.unit),
      value_source_value: str(pickCoding(v.valueCodeableConcept)?.code ?? v.valueString),
      ehds_vocabulary: code?.vocabulary,
    },
  };
  return [row, ...codingRows('measurement', id, base.personRef, v.code, code)];
}

function observationRow(
  v: ObservationValue,
  type: string,
  idParts: string[],
  base: EventBase,
  when: When,
  ctx: FhirMapContext,
): FhirMappedRow[] {
  const code = pickCoding(v.code);
  const q = v.valueQuantity;
  const valueText =
    v.valueString ??
    v.valueCodeableConcept?.text ??
    v.valueCodeableConcept?.coding?.[0]?.display ??
    (typeof v.valueBoolean === 'boolean' ? String(v.valueBoolean) : undefined);
  const id = ctx.stableId(ctx.datasetId, type, ...idParts);
  const row: FhirMappedRow = {
    table: 'observation',
    personRef: base.personRef,
    row: {
      observation_id: id,
      observation_concept_id: 0,
      observation_date: when.date,
      observation_datetime: when.datetime,
      observation_type_concept_id: TYPE_EHR,
      value_as_number: num(q?.value) ?? num(v.valueInteger),
      value_as_string: str(valueText, 60),
      value_as_concept_id: 0,
      unit_concept_id: 0,
      visit_occurrence_id: base.visitId,
      observation_source_value: str(code?.code),
      observation_source_concept_id: 0,
      unit_source_value: str(q?.code ?? q?.unit),
      value_source_value: str(pickCoding(v.valueCodeableConcept)?.code),
      ehds_vocabulary: code?.vocabulary,
    },
  };
  return [row, ...codingRows('observation', id, base.personRef, v.code, code)];
}
