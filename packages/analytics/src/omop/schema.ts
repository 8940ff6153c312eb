/**
 * The node's analytical model: the OMOP CDM 5.4 clinical tables the platform harmonises into, plus the
 * bookkeeping tables of ingestion (batches, files, quarantine, person identifiers) and a small variant
 * store. Column lists follow the official OMOP CDM 5.4 field-level specification exactly; a
 * conformance test compares them with `OMOP_CDMv5.4_Field_Level.csv`.
 *
 * Our additions to the OMOP tables all start with `ehds_`, so they can never clash with the standard:
 * - `ehds_vocabulary`: the coding system of the source code kept in `*_source_value`
 *   (no OHDSI vocabulary is shipped, so `*_concept_id` stays 0 unless a mapping is known);
 * - `ehds_file`, `ehds_line`, `ehds_batch`: provenance of every row (file, line or record, batch);
 * - `ehds_key`: a stable key of the source record, so ingesting the same record twice adds nothing.
 */

/** OMOP CDM field datatypes as the specification names them. */
export type OmopType = 'integer' | 'float' | 'date' | 'datetime' | `varchar(${string})`;

/** [name, type, required, primary key] */
export type OmopColumn = readonly [name: string, type: OmopType, required: boolean, primaryKey?: boolean];

/** The OMOP CDM 5.4 clinical tables a node keeps. */
export const OMOP_TABLES = {
  person: [
    ['person_id', 'integer', true, true],
    ['gender_concept_id', 'integer', true],
    ['year_of_birth', 'integer', true],
    ['month_of_birth', 'integer', false],
    ['day_of_birth', 'integer', false],
    ['birth_datetime', 'datetime', false],
    ['race_concept_id', 'integer', true],
    ['ethnicity_concept_id', 'integer', true],
    ['location_id', 'integer', false],
    ['provider_id', 'integer', false],
    ['care_site_id', 'integer', false],
    ['person_source_value', 'varchar(50)', false],
    ['gender_source_value', 'varchar(50)', false],
    ['gender_source_concept_id', 'integer', false],
    ['race_source_value', 'varchar(50)', false],
    ['race_source_concept_id', 'integer', false],
    ['ethnicity_source_value', 'varchar(50)', false],
    ['ethnicity_source_concept_id', 'integer', false],
  ],
  observation_period: [
    ['observation_period_id', 'integer', true, true],
    ['person_id', 'integer', true],
    ['observation_period_start_date', 'date', true],
    ['observation_period_end_date', 'date', true],
    ['period_type_concept_id', 'integer', true],
  ],
  visit_occurrence: [
    ['visit_occurrence_id', 'integer', true, true],
    ['person_id', 'integer', true],
    ['visit_concept_id', 'integer', true],
    ['visit_start_date', 'date', true],
    ['visit_start_datetime', 'datetime', false],
    ['visit_end_date', 'date', true],
    ['visit_end_datetime', 'datetime', false],
    ['visit_type_concept_id', 'integer', true],
    ['provider_id', 'integer', false],
    ['care_site_id', 'integer', false],
    ['visit_source_value', 'varchar(50)', false],
    ['visit_source_concept_id', 'integer', false],
    ['admitted_from_concept_id', 'integer', false],
    ['admitted_from_source_value', 'varchar(50)', false],
    ['discharged_to_concept_id', 'integer', false],
    ['discharged_to_source_value', 'varchar(50)', false],
    ['preceding_visit_occurrence_id', 'integer', false],
  ],
  condition_occurrence: [
    ['condition_occurrence_id', 'integer', true, true],
    ['person_id', 'integer', true],
    ['condition_concept_id', 'integer', true],
    ['condition_start_date', 'date', true],
    ['condition_start_datetime', 'datetime', false],
    ['condition_end_date', 'date', false],
    ['condition_end_datetime', 'datetime', false],
    ['condition_type_concept_id', 'integer', true],
    ['condition_status_concept_id', 'integer', false],
    ['stop_reason', 'varchar(20)', false],
    ['provider_id', 'integer', false],
    ['visit_occurrence_id', 'integer', false],
    ['visit_detail_id', 'integer', false],
    ['condition_source_value', 'varchar(50)', false],
    ['condition_source_concept_id', 'integer', false],
    ['condition_status_source_value', 'varchar(50)', false],
  ],
  drug_exposure: [
    ['drug_exposure_id', 'integer', true, true],
    ['person_id', 'integer', true],
    ['drug_concept_id', 'integer', true],
    ['drug_exposure_start_date', 'date', true],
    ['drug_exposure_start_datetime', 'datetime', false],
    ['drug_exposure_end_date', 'date', true],
    ['drug_exposure_end_datetime', 'datetime', false],
    ['verbatim_end_date', 'date', false],
    ['drug_type_concept_id', 'integer', true],
    ['stop_reason', 'varchar(20)', false],
    ['refills', 'integer', false],
    ['quantity', 'float', false],
    ['days_supply', 'integer', false],
    ['sig', 'varchar(max)', false],
    ['route_concept_id', 'integer', false],
    ['lot_number', 'varchar(50)', false],
    ['provider_id', 'integer', false],
    ['visit_occurrence_id', 'integer', false],
    ['visit_detail_id', 'integer', false],
    ['drug_source_value', 'varchar(50)', false],
    ['drug_source_concept_id', 'integer', false],
    ['route_source_value', 'varchar(50)', false],
    ['dose_unit_source_value', 'varchar(50)', false],
  ],
  procedure_occurrence: [
    ['procedure_occurrence_id', 'integer', true, true],
    ['person_id', 'integer', true],
    ['procedure_concept_id', 'integer', true],
    ['procedure_date', 'date', true],
    ['procedure_datetime', 'datetime', false],
    ['procedure_end_date', 'date', false],
    ['procedure_end_datetime', 'datetime', false],
    ['procedure_type_concept_id', 'integer', true],
    ['modifier_concept_id', 'integer', false],
    ['quantity', 'integer', false],
    ['provider_id', 'integer', false],
    ['visit_occurrence_id', 'integer', false],
    ['visit_detail_id', 'integer', false],
    ['procedure_source_value', 'varchar(50)', false],
    ['procedure_source_concept_id', 'integer', false],
    ['modifier_source_value', 'varchar(50)', false],
  ],
  measurement: [
    ['measurement_id', 'integer', true, true],
    ['person_id', 'integer', true],
    ['measurement_concept_id', 'integer', true],
    ['measurement_date', 'date', true],
    ['measurement_datetime', 'datetime', false],
    ['measurement_time', 'varchar(10)', false],
    ['measurement_type_concept_id', 'integer', true],
    ['operator_concept_id', 'integer', false],
    ['value_as_number', 'float', false],
    ['value_as_concept_id', 'integer', false],
    ['unit_concept_id', 'integer', false],
    ['range_low', 'float', false],
    ['range_high', 'float', false],
    ['provider_id', 'integer', false],
    ['visit_occurrence_id', 'integer', false],
    ['visit_detail_id', 'integer', false],
    ['measurement_source_value', 'varchar(50)', false],
    ['measurement_source_concept_id', 'integer', false],
    ['unit_source_value', 'varchar(50)', false],
    ['unit_source_concept_id', 'integer', false],
    ['value_source_value', 'varchar(50)', false],
    ['measurement_event_id', 'integer', false],
    ['meas_event_field_concept_id', 'integer', false],
  ],
  observation: [
    ['observation_id', 'integer', true, true],
    ['person_id', 'integer', true],
    ['observation_concept_id', 'integer', true],
    ['observation_date', 'date', true],
    ['observation_datetime', 'datetime', false],
    ['observation_type_concept_id', 'integer', true],
    ['value_as_number', 'float', false],
    ['value_as_string', 'varchar(60)', false],
    ['value_as_concept_id', 'integer', false],
    ['qualifier_concept_id', 'integer', false],
    ['unit_concept_id', 'integer', false],
    ['provider_id', 'integer', false],
    ['visit_occurrence_id', 'integer', false],
    ['visit_detail_id', 'integer', false],
    ['observation_source_value', 'varchar(50)', false],
    ['observation_source_concept_id', 'integer', false],
    ['unit_source_value', 'varchar(50)', false],
    ['qualifier_source_value', 'varchar(50)', false],
    ['value_source_value', 'varchar(50)', false],
    ['observation_event_id', 'integer', false],
    ['obs_event_field_concept_id', 'integer', false],
  ],
  death: [
    ['person_id', 'integer', true],
    ['death_date', 'date', true],
    ['death_datetime', 'datetime', false],
    ['death_type_concept_id', 'integer', false],
    ['cause_concept_id', 'integer', false],
    ['cause_source_value', 'varchar(50)', false],
    ['cause_source_concept_id', 'integer', false],
  ],
} as const satisfies Record<string, readonly OmopColumn[]>;

/** Name of an OMOP clinical table the node keeps. */
export type OmopTable = keyof typeof OMOP_TABLES;

/** Tables in load order (persons before the events that point to them). */
export const OMOP_TABLE_NAMES = Object.keys(OMOP_TABLES) as OmopTable[];

/** Extension columns added to every OMOP table (see the file comment). */
export const EHDS_COLUMNS = [
  ['ehds_vocabulary', 'VARCHAR'],
  ['ehds_file', 'VARCHAR'],
  ['ehds_line', 'BIGINT'],
  ['ehds_batch', 'VARCHAR'],
  ['ehds_key', 'VARCHAR'],
] as const;

/** DuckDB type for an OMOP datatype. */
export function duckType(type: OmopType): string {
  if (type === 'integer') return 'BIGINT';
  if (type === 'float') return 'DOUBLE';
  if (type === 'date') return 'DATE';
  if (type === 'datetime') return 'TIMESTAMP';
  return 'VARCHAR';
}
