import type { CohortEventType } from '@openehds/core';

/** Where each kind of event lives in the OMOP CDM 5.4 store: its table, date and source-code columns. */
export interface EventSource {
  table: string;
  date: string;
  code: string;
}

export const EVENT_SOURCES: Record<CohortEventType, EventSource> = {
  condition: { table: 'condition_occurrence', date: 'condition_start_date', code: 'condition_source_value' },
  measurement: { table: 'measurement', date: 'measurement_date', code: 'measurement_source_value' },
  drug: { table: 'drug_exposure', date: 'drug_exposure_start_date', code: 'drug_source_value' },
  procedure: { table: 'procedure_occurrence', date: 'procedure_date', code: 'procedure_source_value' },
  // HPO features land in `observation` (phenopackets and FHIR Observations coded with HPO).
  phenotype: { table: 'observation', date: 'observation_date', code: 'observation_source_value' },
};

/**
 * `observation.value_as_string` of a feature recorded as absent: a phenopacket's `excluded: true`
 * becomes 'excluded'; a FHIR Observation with `valueBoolean: false` becomes 'false'.
 */
export const ABSENT_VALUES = ['excluded', 'false'] as const;
