import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ageBand5, deriveStatistics } from './statistics';
import { publishGroup } from './suppress';

const NOW = new Date('2026-06-30T00:00:00Z');

// 12 men born 1980 (ids 1–12), 13 women born 1990 (13–25), 3 women born 2000 (26–28); all last seen in 2020.
async function seed(store: NodeStore): Promise<void> {
  await store.run(`INSERT INTO person (person_id, gender_concept_id, year_of_birth, race_concept_id, ethnicity_concept_id)
    SELECT i, CASE WHEN i <= 12 THEN 8507 ELSE 8532 END, CASE WHEN i <= 12 THEN 1980 WHEN i <= 25 THEN 1990 ELSE 2000 END, 0, 0
    FROM range(1, 29) r(i)`);
  await store.run(`INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date,
      condition_type_concept_id, condition_source_value, ehds_vocabulary)
    SELECT i, i, 0, DATE '2020-06-01', 0, 'E11.9', 'ICD10' FROM range(1, 26) r(i)
    UNION ALL SELECT 100 + i, i, 0, DATE '2020-06-01', 0, 'C61', 'ICD10' FROM range(1, 4) r(i)`);
  await store.run(`INSERT INTO measurement (measurement_id, person_id, measurement_concept_id, measurement_date,
      measurement_type_concept_id, measurement_source_value, ehds_vocabulary, value_as_number)
    SELECT i, i, 0, DATE '2020-03-01', 0, '4548-4', 'LOINC', 6.0 FROM range(26, 29) r(i)`);
  await store.run(`INSERT INTO visit_occurrence (visit_occurrence_id, person_id, visit_concept_id, visit_start_date, visit_end_date,
      visit_type_concept_id) VALUES (1, 1, 0, DATE '2019-01-01', DATE '2019-01-01', 0)`);
}

describe('deriveStatistics', () => {
  let store: NodeStore;
  beforeEach(async () => {
    store = await openNodeStore(':memory:');
    await seed(store);
  });
  afterEach(() => store.close());

  it('derives the description statistics from the data', async () => {
    const s = await deriveStatistics(store, { now: NOW });
    expect(s.numberOfUniqueIndividuals).toEqual({ value: 28, suppressed: false });
    expect(s.numberOfRecords.total).toEqual({ value: 28 + 28 + 3 + 1, suppressed: false });
    expect(s.numberOfRecords.byTable.condition_occurrence).toEqual({ value: 28, suppressed: false });
    expect(s.numberOfRecords.byTable.drug_exposure).toEqual({ value: 0, suppressed: false });
    expect(s.typicalAge).toEqual({ min: 20, max: 40, suppressed: false });
    expect(s.temporalCoverage).toEqual({ start: '2019-01-01', end: '2020-06-01' });
    expect(s.codingSystems).toEqual(['ICD10', 'LOINC']);
    expect(s.healthCategories.map((c) => c.code)).toEqual(['EHRS']);
  });

  it('suppresses small cells, with a complementary cell where a total is public', async () => {
    const s = await deriveStatistics(store, { now: NOW });
    // Women aged 20 (3) are a small cell; the next smallest cell (12 men aged 40) is withheld with it.
    expect(s.agePyramid).toEqual([
      { band: '20-24', sex: 'female', value: null, suppressed: true },
      { band: '30-34', sex: 'female', value: 13, suppressed: false },
      { band: '40-44', sex: 'male', value: null, suppressed: true },
    ]);
    // 3 measurements and 1 visit are small cells; with two withheld, no complementary cell is needed.
    expect(s.numberOfRecords.byTable.measurement).toEqual({ value: null, suppressed: true });
    expect(s.numberOfRecords.byTable.visit_occurrence).toEqual({ value: null, suppressed: true });
    expect(s.recordsPerYear).toEqual([
      { year: 2019, value: null, suppressed: true },
      { year: 2020, value: null, suppressed: true },
    ]);
    expect(s.topConditions).toEqual([
      {
        code: 'E11.9',
        vocabulary: 'ICD10',
        persons: { value: 25, suppressed: false },
        records: { value: 25, suppressed: false },
      },
      {
        code: 'C61',
        vocabulary: 'ICD10',
        persons: { value: null, suppressed: true },
        records: { value: null, suppressed: true },
      },
    ]);
    const json = JSON.stringify(s);
    expect(json).not.toMatch(/"value":[1-9],/); // no published count below the threshold
  });

  it('withholds population figures of a small population and honours the threshold option', async () => {
    await store.run(`DELETE FROM person WHERE person_id > 5`);
    const s = await deriveStatistics(store, { now: NOW });
    expect(s.numberOfUniqueIndividuals).toEqual({ value: null, suppressed: true });
    expect(s.typicalAge).toEqual({ min: null, max: null, suppressed: true });
    const loose = await deriveStatistics(store, { now: NOW, smallCellThreshold: 3 });
    expect(loose.numberOfUniqueIndividuals).toEqual({ value: 5, suppressed: false });
    expect(loose.smallCellThreshold).toBe(3);
  });

  it('adds the genomic category when variants are stored', async () => {
    await store.run(
      `INSERT INTO variant (variant_id, assembly, chrom, start0, ref, alt) VALUES (1, 'GRCh38', '22', 10516172, 'A', 'G')`,
    );
    const s = await deriveStatistics(store, { now: NOW });
    expect(s.healthCategories.map((c) => c.code)).toEqual(['EHRS', 'HGPD']);
  });
});

describe('suppression helpers', () => {
  it('bands ages by 5 years', () => {
    expect([0, 4, 5, 42, 94, 95, 103].map(ageBand5)).toEqual([
      '0-4',
      '0-4',
      '5-9',
      '40-44',
      '90-94',
      '95+',
      '95+',
    ]);
  });

  it('withholds a complementary cell only when exactly one cell is small', () => {
    expect(publishGroup([50, 3, 20, 0], 10).map((c) => c.value)).toEqual([50, null, null, 0]);
    expect(publishGroup([50, 3, 4, 20], 10).map((c) => c.value)).toEqual([50, null, null, 20]);
    expect(publishGroup([50, 20], 10).map((c) => c.value)).toEqual([50, 20]);
  });
});
