import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, exampleCohortDefinition } from '@openehds/core';
import { openNodeStore, type NodeStore } from '../store/node-store';
import { cohortCases } from './cohort-cases';
import { buildCohortFixture, loadCohortFixture } from './cohort-fixture';
import { compileCohort, compileCohortCount } from './compile';
import { countCohort } from './count';

const fixture = buildCohortFixture();
let store: NodeStore;

beforeAll(async () => {
  store = await openNodeStore(':memory:');
  await loadCohortFixture(fixture, (sql, params) => store.run(sql, params));
});
afterAll(() => store.close());

describe('cohort compiler on DuckDB (the node store)', () => {
  for (const c of cohortCases(fixture)) {
    it(c.name, async () => {
      const result = await countCohort(store, c.definition);
      expect(result.personIds).toEqual([...c.expected].sort((a, b) => a - b));
      expect(result.count).toBe(c.expected.length);
      expect(result.disclosure).toBe('raw');
      const count = compileCohortCount(c.definition, 'duckdb');
      const [row] = await store.all<{ n: number }>(count.sql, count.params);
      expect(row?.n).toBe(c.expected.length);
    });
  }

  it('runs the example that uses every criterion type', async () => {
    // Person 901 satisfies it once given HNF1A, a metformin start and an age at index: shows the
    // combination is wired, not only each criterion alone.
    await store.run(
      `INSERT INTO variant (variant_id, assembly, chrom, start0, ref, alt, gene) VALUES (9, 'GRCh38', '12', 120978000, 'G', 'A', 'HNF1A')`,
    );
    await store.run(
      `INSERT INTO genotype (variant_id, person_id, gt, zygosity) VALUES (9, 901, '0/1', 'heterozygous'), (9, 902, '0/1', 'heterozygous')`,
    );
    await store.run(`INSERT INTO drug_exposure (drug_exposure_id, person_id, drug_concept_id, drug_exposure_start_date,
      drug_exposure_end_date, drug_type_concept_id, drug_source_value, ehds_vocabulary)
      VALUES (90001, 901, 0, DATE '2020-03-01', DATE '2020-03-01', 0, 'A10BA02', 'ATC')`);
    try {
      const result = await countCohort(store, exampleCohortDefinition);
      expect(result.personIds).toEqual([901]);
    } finally {
      await store.run('DELETE FROM genotype WHERE variant_id = 9');
      await store.run('DELETE FROM variant WHERE variant_id = 9');
      await store.run('DELETE FROM drug_exposure WHERE drug_exposure_id = 90001');
    }
  });

  it('puts every user value in a parameter, none in the SQL text', () => {
    const { sql, params } = compileCohort(
      {
        index: {
          event: { type: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } },
        },
        minPriorObservationDays: 123,
        inclusion: [
          {
            criteria: [
              {
                type: 'measurement',
                codes: { vocabulary: 'LOINC', codes: ['4548-4'] },
                value: { min: 6.25 },
                unit: 'mmol/mol',
              },
              { type: 'age', min: 47, at: '2024-06-15' },
              { type: 'variant', chrom: '13', pos: 32340301, ref: 'A', alt: 'G', gene: 'BRCA2' },
              { type: 'phenotype', terms: ['HP:0001250'] },
              {
                type: 'condition',
                codes: { vocabulary: 'ICD10', codes: ['J45'] },
                window: { startDays: -731, endDays: 17 },
              },
            ],
          },
        ],
      },
      'postgres',
    );
    for (const v of [
      'E11',
      '4548-4',
      '6.25',
      'mmol/mol',
      '47',
      '2024-06-15',
      '32340300',
      'BRCA2',
      'HP:0001250',
      'J45',
      '731',
      '17',
      '123',
      'LOINC',
      'GRCh38',
    ]) {
      expect(sql.replace(/\$\d+/g, '$')).not.toContain(v);
    }
    expect(params).toEqual(
      expect.arrayContaining([
        'E11%',
        '%:E11%',
        6.25,
        'mmol/mol',
        47,
        '2024-06-15',
        32340300,
        'BRCA2',
        -731,
        17,
        123,
      ]),
    );
    expect(sql).toMatch(/\$\d+/);
  });

  it('refuses an invalid definition with every bad field', () => {
    expect(() =>
      compileCohort({ inclusion: [{ criteria: [{ type: 'age' }, { type: 'sex', values: [] }] }] }, 'duckdb'),
    ).toThrow(AppError);
    try {
      compileCohort({ inclusion: [{ criteria: [{ type: 'age' }, { type: 'sex', values: [] }] }] }, 'duckdb');
    } catch (e) {
      expect((e as AppError).issues.map((i) => i.path)).toEqual([
        'inclusion[0].criteria[0]',
        'inclusion[0].criteria[1].values',
        'inclusion[0].criteria[0].at',
      ]);
    }
  });
});
