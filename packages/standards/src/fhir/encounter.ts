import { firstDate, eventBase } from './event';
import { pickCoding, str, type CodeableConcept, type Coding } from './elements';
import { TYPE_EHR, type FhirMapContext, type FhirMapResult } from './types';

/**
 * FHIR v3 ActCode encounter class → OMOP Visit concept: 9201 Inpatient Visit, 9202 Outpatient Visit,
 * 9203 Emergency Room Visit. Other classes (home health, virtual…) have no mapping here → 0.
 */
const VISIT: Record<string, number> = {
  IMP: 9201,
  ACUTE: 9201,
  NONAC: 9201,
  AMB: 9202,
  EMER: 9203,
};

interface Encounter {
  id?: string;
  subject?: { reference?: string };
  class?: Coding | CodeableConcept[];
  type?: CodeableConcept[];
  period?: { start?: string; end?: string };
}

/** Encounter → OMOP visit_occurrence; its id is what other resources' `encounter` references resolve to. */
export function mapEncounter(e: Encounter, ctx: FhirMapContext): FhirMapResult {
  const base = eventBase('Encounter', e, ctx);
  if (typeof base === 'string') return { ok: false, reason: base };
  const start = firstDate(e.period?.start);
  if (!start) return { ok: false, reason: `${base.key} has no valid period.start` };
  const end = firstDate(e.period?.end) ?? start;
  // R4 `class` is one Coding; R5 made it a list of CodeableConcepts.
  const classCode = Array.isArray(e.class) ? e.class[0]?.coding?.[0]?.code : e.class?.code;
  const type = pickCoding(e.type?.[0]);
  return {
    ok: true,
    key: base.key,
    rows: [
      {
        table: 'visit_occurrence',
        personRef: base.personRef,
        row: {
          visit_occurrence_id: ctx.stableId(ctx.datasetId, 'Encounter', base.id),
          visit_concept_id: VISIT[classCode ?? ''] ?? 0,
          visit_start_date: start.date,
          visit_start_datetime: start.datetime,
          visit_end_date: end.date,
          visit_end_datetime: end.datetime,
          visit_type_concept_id: TYPE_EHR,
          visit_source_value: str(type?.code ?? classCode),
          ehds_vocabulary: type?.vocabulary,
        },
      },
    ],
  };
}
