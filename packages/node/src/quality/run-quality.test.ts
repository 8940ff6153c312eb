import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKS } from './catalogue';
import { seedDefects, SEEDED_NOW } from './fixture';
import { runQuality } from './run-quality';
import { qualityTrend } from './trend';

// Expected counts for the defects seeded in fixture.ts, worked out by hand from its rows:
// [check id, rows checked, rows failed, passed].
const EXPECTED: [string, number, number, boolean][] = [
  ['person.person_id.isPrimaryKey', 11, 2, false], // person 10 twice
  ['person.gender_concept_id.fkDomain', 11, 1, false], // person 9: gender 0
  ['person.year_of_birth.plausibleValueHigh', 11, 1, false], // person 5: born 2031
  ['person.month_of_birth.plausibleValueHigh', 4, 1, false], // person 8: month 13
  ['person.month_of_birth.measureValueCompleteness', 11, 7, false], // 7/11 > 20 %
  ['person.ehds_batch.measureValueCompleteness', 11, 1, false],
  ['person.ehds_file.measureValueCompleteness', 11, 1, false],
  ['observation_period.person_id.isForeignKey', 5, 1, false], // person 99
  ['observation_period.observation_period_end_date.plausibleTemporalAfter', 5, 1, false],
  ['observation_period.table.measureObservationPeriodOverlap', 4, 1, false], // person 1 back-to-back
  ['observation_period.table.measurePersonCompleteness', 11, 8, false],
  ['visit_occurrence.visit_end_date.plausibleTemporalAfter', 3, 1, false],
  ['visit_occurrence.table.measurePersonCompleteness', 11, 8, true], // DQD threshold 95 %
  ['condition_occurrence.table.measurePersonCompleteness', 11, 4, true],
  ['drug_exposure.table.measurePersonCompleteness', 11, 8, true],
  ['procedure_occurrence.table.measurePersonCompleteness', 11, 11, false], // no procedures at all
  ['measurement.table.measurePersonCompleteness', 11, 7, true],
  ['condition_occurrence.visit_occurrence_id.isForeignKey', 9, 1, false], // visit 999
  ['condition_occurrence.condition_start_date.plausibleAfterBirth', 9, 1, false],
  ['condition_occurrence.condition_start_date.plausibleBeforeDeath', 9, 1, false],
  ['condition_occurrence.condition_end_date.plausibleTemporalAfter', 1, 1, false],
  ['condition_occurrence.condition_source_value.measureValueCompleteness', 9, 1, false],
  ['condition_occurrence.ehds_vocabulary.measureValueCompleteness', 8, 0, true], // only rows with a code
  ['condition_occurrence.ehds_vocabulary.allowedValues', 8, 1, false], // 'ICD-10'
  ['condition_occurrence.condition_source_value.sourceValueFormat.ICD10', 6, 1, false], // 'E11.9.9'
  ['condition_occurrence.condition_source_value.sourceValueFormat.SNOMED', 1, 0, true],
  ['condition_occurrence.condition_source_value.codeSpecificity', 6, 4, false], // C61 ×3, I10
  ['condition_occurrence.condition_source_value.plausibleGender.prostate.ICD10', 3, 1, false],
  ['condition_occurrence.table.isDuplicateRecord', 9, 1, false],
  ['drug_exposure.drug_exposure_end_date.plausibleTemporalAfter', 3, 1, false],
  ['drug_exposure.days_supply.plausibleValueHigh', 2, 1, false],
  ['drug_exposure.drug_source_value.sourceValueFormat.ATC', 3, 1, false], // 'metformin'
  ['measurement.measurement_date.plausibleValueHigh', 8, 1, false], // 2030
  ['measurement.value_as_number.measureValueCompleteness', 8, 1, true], // 12.5 % ≤ 20 %
  ['measurement.unit_source_value.measureValueCompleteness', 7, 1, false], // eGFR 85 without unit
  ['measurement.value_as_number.plausibleValueHigh.hba1c', 3, 1, false], // 45 %
  ['measurement.value_as_number.plausibleValueLow.hba1c', 3, 0, true],
  ['measurement.value_as_number.plausibleValueLow.egfr', 2, 1, false], // −5
  ['measurement.value_as_number.plausibleValueHigh.systolic-bp', 1, 1, false], // 520 (the null value is not checked)
  ['death.table.isDuplicateRecord', 3, 1, false], // person 7 dies twice
  ['death.death_date.plausibleAfterBirth', 3, 1, false], // person 6
  ['death.death_date.plausibleValueLow', 3, 1, false], // 1935
];

describe('runQuality on the seeded population', () => {
  let store: NodeStore;
  beforeEach(async () => {
    store = await openNodeStore(':memory:');
    await seedDefects(store);
  });
  afterEach(() => store.close());

  it('catches each seeded defect with the exact row counts', async () => {
    const run = await runQuality(store, { datasetId: 'ds-1', now: SEEDED_NOW });
    const byId = new Map(run.checks.map((c) => [c.id, c]));
    for (const [id, checked, failed, passed] of EXPECTED) {
      const r = byId.get(id);
      expect(r, id).toBeDefined();
      expect([id, r?.rowsChecked, r?.rowsFailed, r?.passed]).toEqual([id, checked, failed, passed]);
    }
    // Checks not listed above find nothing wrong (or have nothing to check) in this population.
    const listed = new Set(EXPECTED.map(([id]) => id));
    const unexpected = run.checks.filter((c) => !listed.has(c.id) && c.rowsFailed > 0).map((c) => c.id);
    expect(unexpected).toEqual([]);
    // Empty tables make their field checks not applicable rather than passed evidence.
    expect(byId.get('procedure_occurrence.procedure_date.plausibleValueLow')?.notApplicable).toBe(true);
    expect(run.checks).toHaveLength(CHECKS.length);
  });

  it('stores one run and one result per check, counts only', async () => {
    const run = await runQuality(store, { datasetId: 'ds-1', now: SEEDED_NOW });
    const rows = await store.all<{ n: number; failed: number }>(
      `SELECT count(*) AS n, sum(rows_failed) AS failed FROM quality_result WHERE run_id = $1`,
      [run.runId],
    );
    expect(rows[0]?.n).toBe(CHECKS.length);
    expect(rows[0]?.failed).toBe(run.checks.reduce((s, c) => s + c.rowsFailed, 0));
    const cols = await store.all<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'quality_result'`,
    );
    expect(cols.map((c) => c.column_name)).not.toContain('person_id');
    const [stored] = await store.all<{ label: string }>(`SELECT label FROM quality_run WHERE run_id = $1`, [
      run.runId,
    ]);
    expect(JSON.parse(String(stored?.label)).score).toBe(run.label.score);
  });

  it('keeps the history: the trend shows the label improving once defects are fixed', async () => {
    const first = await runQuality(store, { datasetId: 'ds-1', now: SEEDED_NOW });
    // Prepare: fix some defects, then run again a day later.
    await store.run(`DELETE FROM death WHERE person_id = 7 AND death_date = DATE '2020-01-02'`);
    await store.run(`UPDATE measurement SET value_as_number = 6.5 WHERE measurement_id = 2`);
    await store.run(`UPDATE person SET year_of_birth = 2001 WHERE person_id = 5`);
    const later = new Date(SEEDED_NOW.getTime() + 86_400_000);
    const second = await runQuality(store, { datasetId: 'ds-1', now: later });
    await runQuality(store, { datasetId: 'other', now: later });

    const trend = await qualityTrend(store, 'ds-1');
    expect(trend.map((t) => t.runId)).toEqual([first.runId, second.runId]);
    expect(trend[0]?.ranAt).toBe(SEEDED_NOW.toISOString());
    expect(trend[1]?.checksFailed).toBe(first.label.checks.failed - 3);
    expect(trend[1]?.dimensions.accuracy).toBeGreaterThan(trend[0]?.dimensions.accuracy ?? 1);
    expect(trend[1]?.score).toBe(second.label.score);
  });

  it('applies the threshold given in the definition, not one in code', async () => {
    const base = CHECKS.find((c) => c.id === 'condition_occurrence.condition_source_value.codeSpecificity')!;
    const strict = await runQuality(store, { datasetId: 'ds-1', now: SEEDED_NOW, checks: [base] });
    const lenient = await runQuality(store, {
      datasetId: 'ds-1',
      now: SEEDED_NOW,
      checks: [{ ...base, thresholdPct: 70 }],
    });
    expect(strict.checks[0]?.passed).toBe(false); // 66.7 % > 50 %
    expect(lenient.checks[0]?.passed).toBe(true); // 66.7 % ≤ 70 %
    expect(lenient.checks[0]?.threshold).toBe(70);
  });

  it('measures coverage and timeliness from the data', async () => {
    const run = await runQuality(store, { datasetId: 'ds-1', now: SEEDED_NOW });
    expect(run.measures.persons).toBe(10); // person 10 counted once
    expect(run.measures.lastEventDate).toBe('2022-02-02'); // the 2030 measurement is left out
    expect(run.measures.firstEventDate).toBe('1935-01-01');
    expect(run.measures.sexShares).toEqual({ male: 0.5, female: 0.4, other: 0.1 });
    expect(run.measures.daysSinceLastIngest).toBeNull(); // rows were not ingested through a batch
    expect(run.label.notAssessed).toContain('compliance');
  });

  it('rejects a run without a dataset id', async () => {
    await expect(runQuality(store, { datasetId: ' ', now: SEEDED_NOW })).rejects.toThrow('dataset id');
  });
});
