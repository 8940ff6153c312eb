import type { CohortEventType } from '@openehds/core';

/**
 * Where each kind of event lives in the OMOP CDM 5.4 store: its table, row id, date and source-code
 * columns, and the table of its rows' additional codings (whose `row_id` is the row id).
 */
export interface EventSource {
  table: string;
  id: string;
  /** The table of the rows' additional codings (see `codingDdl`). */
  coding: string;
  date: string;
  code: string;
}

export const EVENT_SOURCES: Record<CohortEventType, EventSource> = {
  condition: {
    table: 'condition_occurrence',
    id: 'condition_occurrence_id',
    coding: 'condition_occurrence_coding',
    date: 'condition_start_date',
    code: 'condition_source_value',
  },
  measurement: {
    table: 'measurement',
    id: 'measurement_id',
    coding: 'measurement_coding',
    date: 'measurement_date',
    code: 'measurement_source_value',
  },
  drug: {
    table: 'drug_exposure',
    id: 'drug_exposure_id',
    coding: 'drug_exposure_coding',
    date: 'drug_exposure_start_date',
    code: 'drug_source_value',
  },
  procedure: {
    table: 'procedure_occurrence',
    id: 'procedure_occurrence_id',
    coding: 'procedure_occurrence_coding',
    date: 'procedure_date',
    code: 'procedure_source_value',
  },
  // HPO features land in `observation` (phenopackets and FHIR Observations coded with HPO).
  phenotype: {
    table: 'observation',
    id: 'observation_id',
    coding: 'observation_coding',
    date: 'observation_date',
    code: 'observation_source_value',
  },
};

/**
 * `observation.value_as_string` of a feature recorded as absent: a phenopacket's `excluded: true`
 * becomes 'excluded'; a FHIR Observation with `valueBoolean: false` becomes 'false'.
 */
export const ABSENT_VALUES = ['excluded', 'false'] as const;
