import type { NodeStore } from '@openehds/analytics';

/**
 * A small population with known defects, inserted directly with SQL (tests of the quality checks and
 * the statistics; the ingest pipeline is tested on its own). Each defect is named where it is seeded,
 * and `SEEDED_NOW` is the date the expectations are computed for.
 */

/** The "today" the fixture's expected counts assume. */
export const SEEDED_NOW = new Date('2026-06-30T12:00:00Z');

const PROV = `'b1', 'fixture.ndjson'`;

/** Inserts the seeded population into `store`. */
export async function seedDefects(store: NodeStore): Promise<void> {
  await store.run(`INSERT INTO person (person_id, gender_concept_id, year_of_birth, month_of_birth, day_of_birth,
      race_concept_id, ethnicity_concept_id, ehds_batch, ehds_file) VALUES
    (1, 8507, 1960, 5, 10, 0, 0, ${PROV}),
    (2, 8532, 1975, 3, NULL, 0, 0, ${PROV}),
    (3, 8507, 1980, NULL, NULL, 0, 0, ${PROV}),
    (4, 8532, 1990, 7, 1, 0, 0, ${PROV}),
    (5, 8507, 2031, NULL, NULL, 0, 0, ${PROV}),      -- born in the future
    (6, 8532, 1940, NULL, NULL, 0, 0, ${PROV}),      -- dies before birth (see death)
    (7, 8507, 1950, NULL, NULL, 0, 0, ${PROV}),      -- has a condition after death
    (8, 8532, 2000, 13, NULL, 0, 0, ${PROV}),        -- month of birth 13
    (9, 0, 1985, NULL, NULL, 0, 0, ${PROV}),         -- gender not a Gender concept
    (10, 8507, 1970, NULL, NULL, 0, 0, ${PROV}),
    (10, 8507, 1970, NULL, NULL, 0, 0, NULL, NULL)   -- duplicate person_id, without provenance`);

  await store.run(`INSERT INTO observation_period (observation_period_id, person_id, observation_period_start_date,
      observation_period_end_date, period_type_concept_id, ehds_batch, ehds_file) VALUES
    (1, 1, DATE '2010-01-01', DATE '2020-12-31', 0, ${PROV}),
    (2, 1, DATE '2021-01-01', DATE '2025-12-31', 0, ${PROV}),  -- back-to-back with period 1
    (3, 2, DATE '2015-01-01', DATE '2014-01-01', 0, ${PROV}),  -- ends before it starts
    (4, 99, DATE '2015-01-01', DATE '2016-01-01', 0, ${PROV}), -- person 99 does not exist
    (5, 3, DATE '2018-01-01', DATE '2024-01-01', 0, ${PROV})`);

  await store.run(`INSERT INTO visit_occurrence (visit_occurrence_id, person_id, visit_concept_id, visit_start_date,
      visit_end_date, visit_type_concept_id, ehds_batch, ehds_file) VALUES
    (100, 1, 0, DATE '2019-03-01', DATE '2019-03-03', 0, ${PROV}),
    (101, 2, 0, DATE '2016-05-01', DATE '2016-05-01', 0, ${PROV}),
    (102, 4, 0, DATE '2022-02-02', DATE '2022-02-01', 0, ${PROV})  -- ends before it starts`);

  await store.run(`INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id,
      condition_start_date, condition_end_date, condition_type_concept_id, condition_source_value, ehds_vocabulary,
      visit_occurrence_id, ehds_batch, ehds_file) VALUES
    (1, 1, 0, DATE '2019-03-01', NULL, 0, 'E11.9', 'ICD10', 100, ${PROV}),
    (2, 2, 0, DATE '2016-05-01', NULL, 0, 'C61', 'ICD10', 101, ${PROV}),       -- prostate cancer in a woman
    (3, 3, 0, DATE '2020-01-01', NULL, 0, 'C61', 'ICD10', NULL, ${PROV}),
    (4, 7, 0, DATE '2021-06-01', NULL, 0, '44054006', 'SNOMED', NULL, ${PROV}), -- after death
    (5, 4, 0, DATE '1985-01-01', NULL, 0, 'I10', 'ICD10', 999, ${PROV}),       -- before birth; visit 999 missing
    (6, 3, 0, DATE '2020-01-01', NULL, 0, 'C61', 'ICD10', NULL, ${PROV}),      -- duplicate of 3
    (7, 1, 0, DATE '2019-04-01', DATE '2019-03-01', 0, NULL, NULL, NULL, ${PROV}), -- no code; ends before start
    (8, 10, 0, DATE '2018-01-01', NULL, 0, 'E11.9.9', 'ICD10', NULL, ${PROV}), -- malformed ICD-10
    (9, 2, 0, DATE '2017-01-01', NULL, 0, 'I10', 'ICD-10', NULL, ${PROV})      -- unknown coding system name`);

  await store.run(`INSERT INTO drug_exposure (drug_exposure_id, person_id, drug_concept_id, drug_exposure_start_date,
      drug_exposure_end_date, drug_type_concept_id, drug_source_value, ehds_vocabulary, days_supply, ehds_batch, ehds_file) VALUES
    (1, 1, 0, DATE '2019-03-01', DATE '2019-03-31', 0, 'A10BA02', 'ATC', 30, ${PROV}),
    (2, 2, 0, DATE '2016-05-01', DATE '2016-04-01', 0, 'A10BA02', 'ATC', 400, ${PROV}), -- ends before start; 400 days
    (3, 3, 0, DATE '2020-01-01', DATE '2020-01-10', 0, 'metformin', 'ATC', NULL, ${PROV}) -- not an ATC code`);

  await store.run(`INSERT INTO measurement (measurement_id, person_id, measurement_concept_id, measurement_date,
      measurement_type_concept_id, measurement_source_value, ehds_vocabulary, value_as_number, unit_source_value,
      ehds_batch, ehds_file) VALUES
    (1, 1, 0, DATE '2019-03-01', 0, '4548-4', 'LOINC', 7.1, '%', ${PROV}),
    (2, 2, 0, DATE '2016-05-01', 0, '4548-4', 'LOINC', 45, '%', ${PROV}),      -- HbA1c 45 %
    (3, 3, 0, DATE '2020-02-01', 0, '62238-1', 'LOINC', -5, 'mL/min/{1.73_m2}', ${PROV}), -- negative eGFR
    (4, 4, 0, DATE '2022-02-02', 0, '62238-1', 'LOINC', 85, NULL, ${PROV}),     -- value without unit
    (5, 1, 0, DATE '2019-03-01', 0, '39156-5', 'LOINC', 27.5, 'kg/m2', ${PROV}),
    (6, 1, 0, DATE '2019-03-01', 0, '8480-6', 'LOINC', NULL, NULL, ${PROV}),    -- no value
    (7, 3, 0, DATE '2020-02-01', 0, '8480-6', 'LOINC', 520, 'mm[Hg]', ${PROV}), -- systolic 520
    (8, 4, 0, DATE '2030-01-01', 0, '4548-4', 'LOINC', 5.5, '%', ${PROV})      -- dated in the future`);

  await store.run(`INSERT INTO death (person_id, death_date, ehds_batch, ehds_file) VALUES
    (6, DATE '1935-01-01', ${PROV}),  -- before birth (1940) and before 1950
    (7, DATE '2020-01-01', ${PROV}),
    (7, DATE '2020-01-02', ${PROV})   -- second death of person 7`);
}
