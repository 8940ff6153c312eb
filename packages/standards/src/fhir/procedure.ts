import { firstDate, eventBase } from './event';
import { codingRows } from './codings';
import { pickCoding, str, type CodeableConcept } from './elements';
import { TYPE_EHR, type FhirMapContext, type FhirMapResult } from './types';

interface Procedure {
  id?: string;
  subject?: { reference?: string };
  encounter?: { reference?: string };
  code?: CodeableConcept;
  performedDateTime?: string;
  performedPeriod?: { start?: string; end?: string };
}

/** Procedure → OMOP procedure_occurrence (the code's other codings in procedure_occurrence_coding). */
export function mapProcedure(p: Procedure, ctx: FhirMapContext): FhirMapResult {
  const base = eventBase('Procedure', p, ctx);
  if (typeof base === 'string') return { ok: false, reason: base };
  const start = firstDate(p.performedDateTime, p.performedPeriod?.start);
  if (!start)
    return { ok: false, reason: `${base.key} has no valid performedDateTime or performedPeriod.start` };
  const end = firstDate(p.performedPeriod?.end);
  const code = pickCoding(p.code);
  const id = ctx.stableId(ctx.datasetId, 'Procedure', base.id);
  return {
    ok: true,
    key: base.key,
    rows: [
      {
        table: 'procedure_occurrence',
        personRef: base.personRef,
        row: {
          procedure_occurrence_id: id,
          procedure_concept_id: 0,
          procedure_date: start.date,
          procedure_datetime: start.datetime,
          procedure_end_date: end?.date,
          procedure_end_datetime: end?.datetime,
          procedure_type_concept_id: TYPE_EHR,
          visit_occurrence_id: base.visitId,
          procedure_source_value: str(code?.code),
          procedure_source_concept_id: 0,
          ehds_vocabulary: code?.vocabulary,
        },
      },
      ...codingRows('procedure_occurrence', id, base.personRef, p.code, code),
    ],
  };
}
