import { firstDate, eventBase } from './event';
import { codingRows } from './codings';
import { pickCoding, str, type CodeableConcept } from './elements';
import { TYPE_EHR, type FhirMapContext, type FhirMapResult } from './types';

interface Condition {
  id?: string;
  subject?: { reference?: string };
  encounter?: { reference?: string };
  code?: CodeableConcept;
  clinicalStatus?: CodeableConcept;
  onsetDateTime?: string;
  onsetPeriod?: { start?: string };
  recordedDate?: string;
  abatementDateTime?: string;
  abatementPeriod?: { end?: string };
}

/**
 * Condition → OMOP condition_occurrence; the SNOMED or ICD-10 code is kept as source value with its
 * vocabulary, and the concept's other codings (ICD-10 beside SNOMED CT) in condition_occurrence_coding.
 */
export function mapCondition(c: Condition, ctx: FhirMapContext): FhirMapResult {
  const base = eventBase('Condition', c, ctx);
  if (typeof base === 'string') return { ok: false, reason: base };
  const start = firstDate(c.onsetDateTime, c.onsetPeriod?.start, c.recordedDate);
  if (!start) return { ok: false, reason: `${base.key} has no valid onset or recordedDate` };
  const end = firstDate(c.abatementDateTime, c.abatementPeriod?.end);
  const code = pickCoding(c.code);
  const id = ctx.stableId(ctx.datasetId, 'Condition', base.id);
  return {
    ok: true,
    key: base.key,
    rows: [
      {
        table: 'condition_occurrence',
        personRef: base.personRef,
        row: {
          condition_occurrence_id: id,
          condition_concept_id: 0,
          condition_start_date: start.date,
          condition_start_datetime: start.datetime,
          condition_end_date: end?.date,
          condition_end_datetime: end?.datetime,
          condition_type_concept_id: TYPE_EHR,
          visit_occurrence_id: base.visitId,
          condition_source_value: str(code?.code),
          condition_source_concept_id: 0,
          condition_status_source_value: str(c.clinicalStatus?.coding?.[0]?.code),
          ehds_vocabulary: code?.vocabulary,
        },
      },
      ...codingRows('condition_occurrence', id, base.personRef, c.code, code),
    ],
  };
}
