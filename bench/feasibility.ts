/**
 * Benchmark of a feasibility count (issue 4, Benchmarks): a cohort definition using every criterion
 * type (`exampleCohortDefinition`), compiled by `compileCohort`, against its anchors on the same data:
 * - the same query hand-written in SQL, run in the same DuckDB (goal: ours ≤ 1.5× it);
 * - native PostgreSQL 15 with indexes, when DATABASE_URL is set (goal: ours on DuckDB ≤ 1× it): the
 *   hand-written query there (its anchor), and our postgres-dialect compilation for reference.
 * Data: seeded synthetic OMOP rows generated in SQL (`range()` / `generate_series()`), not through FHIR:
 * 1M persons and 10M condition rows at scale 1. Times are p50 over several runs after a warm-up.
 * Disclosure control is not in the timed path yet (its engine is another piece of issue 4); `ours_ids_s`
 * times `countCohort`, which returns the raw count with the person ids its differencing guard needs.
 *
 *   node --import tsx bench/feasibility.ts [--scale k]          (k × 1,000,000 persons)
 *   DATABASE_URL=postgres://… node --import tsx bench/feasibility.ts --scale 0.1
 */
import { exampleCohortDefinition } from '@openehds/core';
import { openPostgres, type Db } from '@openehds/db';
import { cohortPostgresDdl, compileCohortCount, countCohort, openNodeStore } from '@openehds/analytics';

const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const PERSONS = Math.max(1000, Math.round(1_000_000 * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
const CONDITIONS_PER_PERSON = 10;
const RUNS = 5;
const PG_RUNS = 3;

type Dialect = 'duckdb' | 'postgres';

/** A deterministic pseudo-random number in [0, 1000003) of a row and a salt: identical on both engines. */
const h = (i: string, salt: number) => `((${i} * 2654435761 + ${salt * 1013904223}) % 1000003)`;
const series = (d: Dialect, name: string, from: number, to: number) =>
  d === 'duckdb' ? `range(${from}, ${to + 1}) ${name}` : `generate_series(${from}, ${to}) ${name}`;

/** A VALUES table of weighted codes, slot k = 0..n-1 (generated text: our constants, no user input). */
function slots(
  name: string,
  weighted: [code: string, vocabulary: string, weight: number][],
): [string, number] {
  const rows: string[] = [];
  for (const [code, vocab, weight] of weighted) {
    for (let w = 0; w < weight; w++) rows.push(`(${rows.length}, '${code}', '${vocab}')`);
  }
  return [`(VALUES ${rows.join(', ')}) ${name}(slot, code, vocab)`, rows.length];
}

const FILLER_ICD = ['I10', 'J45.9', 'K21.9', 'M54.5', 'E78.5', 'F32.9', 'N39.0', 'J06.9', 'R51', 'Z00.0'];

/** INSERT … SELECT statements producing the same rows on DuckDB and PostgreSQL. */
function generation(d: Dialect, n: number): string[] {
  const [cond, condN] = slots('c', [
    ['E11.9', 'ICD10', 2],
    ['E11.65', 'ICD10', 1],
    ['E10.9', 'ICD10', 1],
    ['44054006', 'SNOMED', 1],
    ...FILLER_ICD.map((c): [string, string, number] => [c, 'ICD10', 9]),
    ['I21.0', 'ICD10', 5],
  ]);
  const [drug, drugN] = slots('c', [
    ['A10BA02', 'ATC', 6],
    ['A10BB01', 'ATC', 1],
    ['A10AB01', 'ATC', 1],
    ['C09AA05', 'ATC', 5],
    ['C10AA05', 'ATC', 4],
    ['N02BE01', 'ATC', 3],
  ]);
  const [proc, procN] = slots('c', [
    ['265764009', 'SNOMED', 1],
    ['80146002', 'SNOMED', 9],
    ['73761001', 'SNOMED', 10],
  ]);
  const [hpo, hpoN] = slots('c', [
    ['HP:0000819', 'HPO', 5],
    ['HP:0001250', 'HPO', 3],
    ['HP:0002099', 'HPO', 2],
  ]);
  const date = (base: string, x: string) => `DATE '${base}' + CAST(${x} AS INTEGER)`;
  // Each person is active ~3 years from a base date: their events cluster, as in a real record.
  const event = (x: string) => date('2006-01-01', `${h('i', 7)} % 5000 + ${x} % 1100`);
  const S = series(d, 'r(i)', 1, n);
  return [
    `INSERT INTO person (person_id, gender_concept_id, year_of_birth, month_of_birth, day_of_birth, race_concept_id, ethnicity_concept_id)
     SELECT i, CASE WHEN ${h('i', 1)} % 50 = 0 THEN 0 WHEN ${h('i', 1)} % 2 = 0 THEN 8507 ELSE 8532 END,
       1925 + ${h('i', 2)} % 85, 1 + ${h('i', 3)} % 12, 1 + ${h('i', 4)} % 28, 0, 0 FROM ${S}`,
    `INSERT INTO observation_period (observation_period_id, person_id, observation_period_start_date, observation_period_end_date, period_type_concept_id)
     SELECT i, i, ${date('2005-01-01', `${h('i', 7)} % 5000 + 365 - ${h('i', 5)} % 200`)},
       ${date('2009-01-01', `${h('i', 7)} % 5000 + ${h('i', 6)} % 300`)}, 32817 FROM ${S}`,
    `INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date,
       condition_type_concept_id, condition_source_value, ehds_vocabulary)
     SELECT i * ${CONDITIONS_PER_PERSON} + k, i, 0, ${event(h('(i + k * 7)', 11))}, 32817, c.code, c.vocab
     FROM ${S} CROSS JOIN ${series(d, 's(k)', 0, CONDITIONS_PER_PERSON - 1)} JOIN ${cond} ON c.slot = ${h('(i * 16 + k)', 12)} % ${condN}`,
    `INSERT INTO measurement (measurement_id, person_id, measurement_concept_id, measurement_date, measurement_type_concept_id,
       value_as_number, unit_source_value, measurement_source_value, ehds_vocabulary)
     SELECT i * 4 + k, i, 0, ${event(h('(i + k * 3)', 20))}, 32817,
       CASE WHEN k < 2 THEN 4.5 + (${h('(i + k)', 21)} % 70) / 10.0 WHEN k = 2 THEN 70 + ${h('i', 22)} % 150 ELSE 17 + ${h('i', 23)} % 25 END,
       CASE WHEN k < 2 THEN CASE WHEN ${h('(i + k)', 24)} % 10 = 0 THEN 'mmol/mol' ELSE '%' END WHEN k = 2 THEN 'mg/dL' ELSE 'kg/m2' END,
       CASE WHEN k < 2 THEN '4548-4' WHEN k = 2 THEN '2345-7' ELSE '39156-5' END, 'LOINC'
     FROM ${S} CROSS JOIN ${series(d, 's(k)', 0, 3)}`,
    `INSERT INTO drug_exposure (drug_exposure_id, person_id, drug_concept_id, drug_exposure_start_date, drug_exposure_end_date,
       drug_type_concept_id, drug_source_value, ehds_vocabulary)
     SELECT i * 3 + k, i, 0, ${event(h('(i + k * 5)', 30))}, ${event(h('(i + k * 5)', 30))} + 30,
       32817, c.code, c.vocab
     FROM ${S} CROSS JOIN ${series(d, 's(k)', 0, 2)} JOIN ${drug} ON c.slot = ${h('(i * 4 + k)', 31)} % ${drugN}`,
    `INSERT INTO procedure_occurrence (procedure_occurrence_id, person_id, procedure_concept_id, procedure_date,
       procedure_type_concept_id, procedure_source_value, ehds_vocabulary)
     SELECT i, i, 0, ${event(h('i', 40))}, 32817, c.code, c.vocab
     FROM ${S} JOIN ${proc} ON c.slot = ${h('i', 41)} % ${procN} WHERE i % 2 = 0`,
    `INSERT INTO observation (observation_id, person_id, observation_concept_id, observation_date, observation_type_concept_id,
       value_as_string, observation_source_value, ehds_vocabulary)
     SELECT i, i, 0, ${event(h('i', 50))}, 32879,
       CASE WHEN ${h('i', 51)} % 4 = 0 THEN 'excluded' END, c.code, c.vocab
     FROM ${S} JOIN ${hpo} ON c.slot = ${h('i', 52)} % ${hpoN} WHERE i % 2 = 0`,
    `INSERT INTO genotype (variant_id, person_id, sample, gt, zygosity)
     SELECT 1 + ${h('i', 60)} % 2000, i, CAST(i AS VARCHAR), '0/1', 'heterozygous' FROM ${S} WHERE i % 5 = 0`,
  ];
}

/** Variants: 2,000 across ten genes (generated apart: a VALUES join that reads the same on both engines). */
function variantSql(d: Dialect): string {
  const genes = ['HNF1A', 'HNF4A', 'GCK', 'BRCA1', 'BRCA2', 'TP53', 'CFTR', 'LDLR', 'APOB', 'PCSK9'];
  return `INSERT INTO variant (variant_id, assembly, chrom, start0, ref, alt, gene)
    SELECT j, 'GRCh38', CAST(1 + j % 22 AS VARCHAR), j * 1000, 'A', 'G', g.gene
    FROM ${series(d, 'v(j)', 1, 2000)} JOIN (VALUES ${genes.map((g, k) => `(${k}, '${g}')`).join(', ')}) g(k, gene) ON g.k = j % ${genes.length}`;
}

const AGE = `(EXTRACT(YEAR FROM i.index_date) - p.year_of_birth - CASE WHEN EXTRACT(MONTH FROM i.index_date) * 100
  + EXTRACT(DAY FROM i.index_date) < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1) THEN 1 ELSE 0 END)`;
const inPeriod = (alias: string, date: string) => `EXISTS (SELECT 1 FROM observation_period o
    WHERE o.person_id = ${alias}.person_id AND ${date} BETWEEN o.observation_period_start_date AND o.observation_period_end_date)`;

/**
 * The anchor: `exampleCohortDefinition` written by hand, as an analyst who knows this data would
 * (codes in one spelling, so plain LIKE / = on the source value). Portable SQL: runs on both engines.
 */
const HAND_WRITTEN = `
WITH idx AS (
  SELECT co.person_id, MIN(co.condition_start_date) AS index_date FROM condition_occurrence co
  WHERE co.condition_source_value LIKE 'E11%' AND co.ehds_vocabulary IN ('ICD10', 'ICD10CM')
    AND ${inPeriod('co', 'co.condition_start_date')}
  GROUP BY co.person_id
)
SELECT count(*) AS n FROM person p JOIN idx i ON i.person_id = p.person_id
WHERE EXISTS (SELECT 1 FROM observation_period o WHERE o.person_id = p.person_id
    AND o.observation_period_start_date <= i.index_date - 180 AND i.index_date <= o.observation_period_end_date)
  AND ${AGE} BETWEEN 18 AND 80
  AND p.gender_concept_id IN (8507, 8532)
  AND EXISTS (SELECT 1 FROM measurement m WHERE m.person_id = p.person_id
    AND m.measurement_source_value = '4548-4' AND m.ehds_vocabulary = 'LOINC' AND m.value_as_number >= 6.5
    AND m.unit_source_value = '%' AND m.measurement_date BETWEEN i.index_date - 365 AND i.index_date
    AND ${inPeriod('m', 'm.measurement_date')})
  AND EXISTS (SELECT 1 FROM drug_exposure de WHERE de.person_id = p.person_id
    AND de.drug_source_value LIKE 'A10BA%' AND de.ehds_vocabulary = 'ATC'
    AND de.drug_exposure_start_date BETWEEN i.index_date AND i.index_date + 365
    AND ${inPeriod('de', 'de.drug_exposure_start_date')})
  AND (EXISTS (SELECT 1 FROM genotype g JOIN variant v ON v.variant_id = g.variant_id
         WHERE g.person_id = p.person_id AND v.gene = 'HNF1A' AND v.assembly = 'GRCh38')
    OR EXISTS (SELECT 1 FROM observation ob WHERE ob.person_id = p.person_id
         AND ob.observation_source_value = 'HP:0000819'
         AND (ob.value_as_string IS NULL OR ob.value_as_string NOT IN ('excluded', 'false'))
         AND ${inPeriod('ob', 'ob.observation_date')}))
  AND NOT EXISTS (SELECT 1 FROM condition_occurrence c10 WHERE c10.person_id = p.person_id
    AND c10.condition_source_value LIKE 'E10%' AND c10.ehds_vocabulary IN ('ICD10', 'ICD10CM')
    AND ${inPeriod('c10', 'c10.condition_start_date')})
  AND NOT EXISTS (SELECT 1 FROM procedure_occurrence po WHERE po.person_id = p.person_id
    AND po.procedure_source_value = '265764009' AND po.ehds_vocabulary = 'SNOMED'
    AND ${inPeriod('po', 'po.procedure_date')})`;

/** Indexes an analyst would give PostgreSQL for this workload. */
const PG_INDEXES = [
  'CREATE INDEX ON person (person_id)',
  'CREATE INDEX ON observation_period (person_id, observation_period_start_date, observation_period_end_date)',
  'CREATE INDEX ON condition_occurrence (condition_source_value text_pattern_ops, person_id, condition_start_date)',
  'CREATE INDEX ON condition_occurrence (person_id)',
  'CREATE INDEX ON measurement (measurement_source_value, person_id, measurement_date)',
  'CREATE INDEX ON drug_exposure (drug_source_value text_pattern_ops, person_id, drug_exposure_start_date)',
  'CREATE INDEX ON procedure_occurrence (procedure_source_value, person_id)',
  'CREATE INDEX ON observation (observation_source_value, person_id)',
  'CREATE INDEX ON variant (gene)',
  'CREATE INDEX ON genotype (person_id)',
  'CREATE INDEX ON genotype (variant_id)',
];

const p50 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [(performance.now() - t0) / 1000, out];
}
const round = (x: number, d = 3) => Number(x.toFixed(d));
const log = (msg: string) => process.stderr.write(`feasibility: ${msg}\n`);

// ---- DuckDB: ours vs the hand-written query ---------------------------------------------------------
const store = await openNodeStore(':memory:');
let [genS] = await timed(async () => {
  for (const sql of [...generation('duckdb', PERSONS), variantSql('duckdb')]) await store.run(sql);
});
const [{ rows: conditionRows } = { rows: 0 }] = await store.all<{ rows: number }>(
  'SELECT count(*) AS rows FROM condition_occurrence',
);
log(`generated ${PERSONS} persons, ${conditionRows} condition rows in DuckDB in ${genS.toFixed(1)} s`);

const compiled = compileCohortCount(exampleCohortDefinition, 'duckdb');
const ours = async () => Number((await store.all<{ n: number }>(compiled.sql, compiled.params))[0]?.n);
const anchor = async () => Number((await store.all<{ n: number }>(HAND_WRITTEN))[0]?.n);
const oursIds = async () => (await countCohort(store, exampleCohortDefinition)).count;

const counts = { ours: await ours(), anchor: await anchor(), ids: await oursIds() }; // warm-up
if (counts.ours !== counts.anchor || counts.ids !== counts.anchor) {
  throw new Error(`compiled and hand-written queries disagree: ${JSON.stringify(counts)}`);
}
const oursT: number[] = [];
const anchorT: number[] = [];
const idsT: number[] = [];
for (let r = 0; r < RUNS; r++) {
  anchorT.push((await timed(anchor))[0]);
  oursT.push((await timed(ours))[0]);
  idsT.push((await timed(oursIds))[0]);
}
store.close();

// ---- PostgreSQL 15 with indexes (when DATABASE_URL is set) ------------------------------------------
let pgResult: Record<string, number> | undefined;
const url = process.env.DATABASE_URL;
if (url) {
  const schema = `bench_feasibility_${process.pid}`;
  const admin = await openPostgres(url);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const pg: Db = await openPostgres(
    `${url}${url.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`,
  );
  try {
    [genS] = await timed(async () => {
      // UNLOGGED only speeds the load; reads are the same as on a logged table.
      for (const ddl of cohortPostgresDdl())
        await pg.exec(ddl.replace('CREATE TABLE', 'CREATE UNLOGGED TABLE'));
      for (const sql of [...generation('postgres', PERSONS), variantSql('postgres')]) await pg.exec(sql);
      for (const sql of PG_INDEXES) await pg.exec(sql);
      await pg.exec('VACUUM ANALYZE');
    });
    log(`loaded and indexed PostgreSQL in ${genS.toFixed(1)} s`);
    const pgCompiled = compileCohortCount(exampleCohortDefinition, 'postgres');
    const pgAnchor = async () => Number((await pg.query<{ n: number }>(HAND_WRITTEN))[0]?.n);
    const pgOurs = async () =>
      Number((await pg.query<{ n: number }>(pgCompiled.sql, pgCompiled.params))[0]?.n);
    const pgCounts = { anchor: await pgAnchor(), ours: await pgOurs() };
    if (pgCounts.anchor !== counts.anchor || pgCounts.ours !== counts.anchor) {
      throw new Error(`PostgreSQL disagrees with DuckDB (${counts.anchor}): ${JSON.stringify(pgCounts)}`);
    }
    const a: number[] = [];
    const o: number[] = [];
    for (let r = 0; r < PG_RUNS; r++) {
      a.push((await timed(pgAnchor))[0]);
      o.push((await timed(pgOurs))[0]);
    }
    pgResult = { pg_anchor_s: round(p50(a)), pg_ours_s: round(p50(o)) };
  } finally {
    await pg.close();
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}

const oursS = p50(oursT);
console.log(
  JSON.stringify({
    bench: 'feasibility',
    patients: PERSONS,
    condition_rows: conditionRows,
    cohort: counts.ours,
    runs: RUNS,
    ours_s: round(oursS),
    anchor_s: round(p50(anchorT)),
    ratio: round(oursS / p50(anchorT), 2),
    ours_ids_s: round(p50(idsT)),
    ...(pgResult
      ? { ...pgResult, pg_runs: PG_RUNS, ratio_vs_pg: round(oursS / pgResult.pg_anchor_s!, 2) }
      : { pg: 'skipped: DATABASE_URL not set' }),
  }),
);
