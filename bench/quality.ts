/**
 * Benchmark of the quality suite (DESIGN.md §6): `runQuality` (all checks, batched, plus coverage
 * measures, label and storage) against its anchor, the same checks on the populated tables written by
 * hand as plain DuckDB count queries, run side by side in the same process on the same store.
 * Usage: node --import tsx bench/quality.ts [--scale k]   (k × 100,000 persons)
 */
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { runQuality } from '../packages/node/src/quality/run-quality';

const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const PERSONS = Math.round(100_000 * (Number.isFinite(scale) && scale > 0 ? scale : 1));
const NOW = new Date('2026-06-30T00:00:00Z');

async function generate(store: NodeStore, n: number): Promise<void> {
  const prov = `'bench-batch', 'bench.ndjson'`;
  await store.run(`INSERT INTO person (person_id, gender_concept_id, year_of_birth, month_of_birth, race_concept_id,
      ethnicity_concept_id, ehds_batch, ehds_file)
    SELECT i, CASE WHEN i % 2 = 0 THEN 8507 ELSE 8532 END, 1930 + i % 80, 1 + i % 12, 0, 0, ${prov} FROM range(1, ${n + 1}) r(i)`);
  await store.run(`INSERT INTO observation_period (observation_period_id, person_id, observation_period_start_date,
      observation_period_end_date, period_type_concept_id, ehds_batch, ehds_file)
    SELECT i, i, DATE '2012-01-01' + CAST(i % 1000 AS INT), DATE '2024-01-01' + CAST(i % 700 AS INT), 0, ${prov} FROM range(1, ${n + 1}) r(i)`);
  await store.run(`INSERT INTO visit_occurrence (visit_occurrence_id, person_id, visit_concept_id, visit_start_date,
      visit_end_date, visit_type_concept_id, ehds_batch, ehds_file)
    SELECT i, i, 9202, DATE '2015-01-01' + CAST(i % 3000 AS INT), DATE '2015-01-01' + CAST(i % 3000 AS INT) + CAST(i % 3 AS INT), 0, ${prov}
    FROM range(1, ${n + 1}) r(i)`);
  await store.run(`INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id,
      condition_start_date, condition_type_concept_id, condition_source_value, ehds_vocabulary, visit_occurrence_id, ehds_batch, ehds_file)
    SELECT i * 3 + k, i, 0, DATE '2014-01-01' + CAST((i * 7 + k * 97) % 4000 AS INT), 0,
      ['E11.9', 'I10', 'C61', 'J45.9', 'C50.9', 'N40', '44054006'][1 + (i + k) % 7],
      CASE WHEN (i + k) % 7 = 6 THEN 'SNOMED' ELSE 'ICD10' END, CASE WHEN k = 0 THEN i END, ${prov}
    FROM range(1, ${n + 1}) r(i), range(0, 3) s(k)`);
  await store.run(`INSERT INTO measurement (measurement_id, person_id, measurement_concept_id, measurement_date,
      measurement_type_concept_id, measurement_source_value, ehds_vocabulary, value_as_number, unit_source_value, ehds_batch, ehds_file)
    SELECT i * 4 + k, i, 0, DATE '2014-01-01' + CAST((i * 11 + k * 31) % 4000 AS INT), 0,
      ['4548-4', '62238-1', '39156-5', '8480-6'][1 + k], 'LOINC',
      CASE WHEN i % 997 = 0 THEN -1 ELSE [5.0 + (i % 60) / 10.0, 20.0 + i % 100, 18.0 + i % 20, 100.0 + i % 80][1 + k] END,
      ['%', 'mL/min/{1.73_m2}', 'kg/m2', 'mm[Hg]'][1 + k], ${prov}
    FROM range(1, ${n + 1}) r(i), range(0, 4) s(k)`);
  await store.run(`INSERT INTO death (person_id, death_date, ehds_batch, ehds_file)
    SELECT i, DATE '2023-01-01' + CAST(i % 300 AS INT), ${prov} FROM range(1, ${n + 1}) r(i) WHERE i % 100 = 0`);
}

// The anchor: the same checks on the populated tables, written by hand as plain DuckDB SQL.
const BIRTH = `(SELECT person_id, any_value(gender_concept_id) AS g,
  min(coalesce(CAST(birth_datetime AS DATE), try(make_date(year_of_birth::INT, month_of_birth::INT, day_of_birth::INT)),
    try(make_date(year_of_birth::INT, month_of_birth::INT, 1)), try(make_date(year_of_birth::INT, 1, 1)))) AS b FROM person GROUP BY 1)`;
const DEATH = `(SELECT person_id, min(death_date) AS dd FROM death GROUP BY 1)`;
const T = `DATE '2026-07-01'`;
const life = (
  f: string,
) => `count(*) FILTER (WHERE ${f} < DATE '1950-01-01'), count(*) FILTER (WHERE ${f} > ${T}),
  count(*) FILTER (WHERE ${f} < p.b), count(*) FILTER (WHERE ${f} > d.dd + INTERVAL 60 DAY)`;
const prov = `count(*) FILTER (WHERE ehds_batch IS NULL), count(*) FILTER (WHERE ehds_file IS NULL)`;
const pk = (t: string, f: string) =>
  `SELECT sum(n), coalesce(sum(n) FILTER (WHERE n > 1), 0) FROM (SELECT count(*) n FROM ${t} GROUP BY ${f})`;
const range = (codes: string, units: string | null, lo: number, hi: number) => {
  const w = `measurement_source_value IN (${codes}) AND ehds_vocabulary = 'LOINC' AND value_as_number IS NOT NULL${units ? ` AND (unit_source_value IS NULL OR unit_source_value IN (${units}))` : ''}`;
  return `count(*) FILTER (WHERE ${w}), count(*) FILTER (WHERE ${w} AND value_as_number < ${lo}), count(*) FILTER (WHERE ${w} AND value_as_number > ${hi})`;
};
const gender = (vocab: string, where: string, expected: number) =>
  `count(*) FILTER (WHERE ehds_vocabulary = '${vocab}' AND (${where})), count(*) FILTER (WHERE ehds_vocabulary = '${vocab}' AND (${where}) AND p.g <> ${expected})`;
const sw = (codes: string[]) => codes.map((c) => `starts_with(condition_source_value, '${c}')`).join(' OR ');

const ANCHOR: string[] = [
  `SELECT count(*), count(*) FILTER (WHERE gender_concept_id IS NULL), count(*) FILTER (WHERE gender_concept_id NOT IN (8507, 8532, 8521, 8551, 8570)),
     count(*) FILTER (WHERE year_of_birth IS NULL), count(*) FILTER (WHERE year_of_birth < 1850), count(*) FILTER (WHERE year_of_birth > 2027),
     count(month_of_birth), count(*) FILTER (WHERE month_of_birth < 1), count(*) FILTER (WHERE month_of_birth > 12),
     count(day_of_birth), count(*) FILTER (WHERE day_of_birth < 1), count(*) FILTER (WHERE day_of_birth > 31),
     count(birth_datetime), count(*) FILTER (WHERE birth_datetime < DATE '1850-01-01'), count(*) FILTER (WHERE birth_datetime > ${T}),
     count(*) FILTER (WHERE month_of_birth IS NULL), ${prov},
     count(*) FILTER (WHERE o.k IS NULL), count(*) FILTER (WHERE v.k IS NULL), count(*) FILTER (WHERE c.k IS NULL),
     count(*) FILTER (WHERE dr.k IS NULL), count(*) FILTER (WHERE pr.k IS NULL), count(*) FILTER (WHERE m.k IS NULL)
   FROM person t
   LEFT JOIN (SELECT DISTINCT person_id k FROM observation_period) o ON o.k = t.person_id
   LEFT JOIN (SELECT DISTINCT person_id k FROM visit_occurrence) v ON v.k = t.person_id
   LEFT JOIN (SELECT DISTINCT person_id k FROM condition_occurrence) c ON c.k = t.person_id
   LEFT JOIN (SELECT DISTINCT person_id k FROM drug_exposure) dr ON dr.k = t.person_id
   LEFT JOIN (SELECT DISTINCT person_id k FROM procedure_occurrence) pr ON pr.k = t.person_id
   LEFT JOIN (SELECT DISTINCT person_id k FROM measurement) m ON m.k = t.person_id`,
  pk('person', 'person_id'),
  `SELECT count(*), count(*) FILTER (WHERE pp.k IS NULL), ${life('observation_period_start_date')},
     count(*) FILTER (WHERE observation_period_end_date < observation_period_start_date),
     count(*) FILTER (WHERE observation_period_end_date > ${T}), ${prov}
   FROM observation_period t LEFT JOIN (SELECT DISTINCT person_id k FROM person) pp ON pp.k = t.person_id
   LEFT JOIN ${BIRTH} p ON p.person_id = t.person_id LEFT JOIN ${DEATH} d ON d.person_id = t.person_id`,
  pk('observation_period', 'observation_period_id'),
  `SELECT count(DISTINCT person_id), count(DISTINCT person_id) FILTER (WHERE s <= pe + INTERVAL 1 DAY) FROM (SELECT person_id,
     observation_period_start_date s, max(observation_period_end_date) OVER (PARTITION BY person_id ORDER BY observation_period_start_date
     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) pe FROM observation_period)`,
  `SELECT count(*), count(*) FILTER (WHERE pp.k IS NULL), ${life('visit_start_date')},
     count(*) FILTER (WHERE visit_end_date < visit_start_date), ${prov}
   FROM visit_occurrence t LEFT JOIN (SELECT DISTINCT person_id k FROM person) pp ON pp.k = t.person_id
   LEFT JOIN ${BIRTH} p ON p.person_id = t.person_id LEFT JOIN ${DEATH} d ON d.person_id = t.person_id`,
  pk('visit_occurrence', 'visit_occurrence_id'),
  `SELECT count(*), count(*) FILTER (WHERE pp.k IS NULL), count(*) FILTER (WHERE t.visit_occurrence_id IS NOT NULL AND vv.k IS NULL),
     ${life('condition_start_date')}, count(*) FILTER (WHERE condition_end_date < condition_start_date),
     count(*) FILTER (WHERE condition_source_value IS NULL),
     count(*) FILTER (WHERE condition_source_value IS NOT NULL AND ehds_vocabulary IS NULL),
     count(*) FILTER (WHERE ehds_vocabulary NOT IN ('SNOMED', 'ICD10', 'ICD10CM', 'ICD9CM', 'HPO', 'ORPHA')),
     count(*) FILTER (WHERE ehds_vocabulary = 'ICD10' AND NOT regexp_full_match(condition_source_value, '^[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,4})?$')),
     count(*) FILTER (WHERE ehds_vocabulary = 'SNOMED' AND NOT regexp_full_match(condition_source_value, '^[0-9]{6,18}$')),
     count(*) FILTER (WHERE ehds_vocabulary = 'HPO' AND NOT regexp_full_match(condition_source_value, '^HP:[0-9]{7}$')),
     count(*) FILTER (WHERE ehds_vocabulary = 'ICD10' AND length(replace(condition_source_value, '.', '')) < 4),
     ${gender('ICD10', sw(['C61', 'N40', 'N41', 'N42']), 8507)},
     ${gender('SNOMED', `condition_source_value IN ('399068003', '254900004', '266569009')`, 8507)},
     ${gender('ICD10', sw(['C51', 'C52', 'C53', 'C54', 'C55', 'C56', 'N70', 'N71', 'N80', 'N81']), 8532)},
     ${gender('ICD10', sw(['C50']), 8532)}, ${gender('ICD10', sw(['O']), 8532)}, ${prov}
   FROM condition_occurrence t LEFT JOIN (SELECT DISTINCT person_id k FROM person) pp ON pp.k = t.person_id
   LEFT JOIN (SELECT DISTINCT visit_occurrence_id k FROM visit_occurrence) vv ON vv.k = t.visit_occurrence_id
   LEFT JOIN ${BIRTH} p ON p.person_id = t.person_id LEFT JOIN ${DEATH} d ON d.person_id = t.person_id`,
  pk('condition_occurrence', 'condition_occurrence_id'),
  `SELECT sum(n), sum(n - 1) FROM (SELECT count(*) n FROM condition_occurrence GROUP BY person_id, condition_source_value, ehds_vocabulary, condition_start_date)`,
  `SELECT count(*), count(*) FILTER (WHERE pp.k IS NULL), count(*) FILTER (WHERE t.visit_occurrence_id IS NOT NULL AND vv.k IS NULL),
     ${life('measurement_date')}, count(*) FILTER (WHERE measurement_source_value IS NULL), count(*) FILTER (WHERE value_as_number IS NULL),
     count(*) FILTER (WHERE value_as_number IS NOT NULL AND unit_source_value IS NULL),
     count(*) FILTER (WHERE ehds_vocabulary NOT IN ('LOINC', 'SNOMED')),
     count(*) FILTER (WHERE ehds_vocabulary = 'LOINC' AND NOT regexp_full_match(measurement_source_value, '^[0-9]{1,7}-[0-9]$')),
     ${range(`'4548-4', '17856-6'`, `'%'`, 3, 20)}, ${range(`'59261-8'`, `'mmol/mol'`, 9, 195)},
     ${range(`'33914-3', '48642-3', '48643-1', '50044-7', '62238-1', '69405-9', '98979-8'`, null, 1, 200)},
     ${range(`'39156-5'`, `'kg/m2', 'kg/m²'`, 10, 80)}, ${range(`'8480-6'`, `'mm[Hg]', 'mmHg'`, 50, 300)},
     ${range(`'8462-4'`, `'mm[Hg]', 'mmHg'`, 20, 200)}, ${range(`'8867-4'`, `'/min', 'beats/min', '{beats}/min'`, 20, 300)},
     ${range(`'29463-7', '3141-9'`, `'kg'`, 0.2, 500)}, ${range(`'8302-2', '8306-3'`, `'cm'`, 20, 260)}, ${prov}
   FROM measurement t LEFT JOIN (SELECT DISTINCT person_id k FROM person) pp ON pp.k = t.person_id
   LEFT JOIN (SELECT DISTINCT visit_occurrence_id k FROM visit_occurrence) vv ON vv.k = t.visit_occurrence_id
   LEFT JOIN ${BIRTH} p ON p.person_id = t.person_id LEFT JOIN ${DEATH} d ON d.person_id = t.person_id`,
  pk('measurement', 'measurement_id'),
  `SELECT sum(n), sum(n - 1) FROM (SELECT count(*) n FROM measurement GROUP BY person_id, measurement_source_value, measurement_date, measurement_datetime, value_as_number)`,
  `SELECT count(*), count(*) FILTER (WHERE pp.k IS NULL), count(*) FILTER (WHERE death_date < DATE '1950-01-01'),
     count(*) FILTER (WHERE death_date > ${T}), count(*) FILTER (WHERE death_date < p.b), ${prov}
   FROM death t LEFT JOIN (SELECT DISTINCT person_id k FROM person) pp ON pp.k = t.person_id LEFT JOIN ${BIRTH} p ON p.person_id = t.person_id`,
  `SELECT sum(n), sum(n - 1) FROM (SELECT count(*) n FROM death GROUP BY person_id)`,
];

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [(performance.now() - t0) / 1000, out];
}

const store = await openNodeStore(':memory:');
await generate(store, PERSONS);
const anchor = async () => {
  let failed = 0;
  for (const sql of ANCHOR) {
    const reader = await store.connection.runAndReadAll(sql);
    failed += reader.getRows().length;
  }
  return failed;
};
const ours = () => runQuality(store, { datasetId: 'bench', now: NOW });

// Warm-up once each (DuckDB caches), then alternate and keep the best of three.
await anchor();
await ours();
const oursTimes: number[] = [];
const anchorTimes: number[] = [];
let run: Awaited<ReturnType<typeof ours>> | undefined;
for (let i = 0; i < 3; i++) {
  const [a] = await time(anchor);
  anchorTimes.push(a);
  const [o, r] = await time(ours);
  oursTimes.push(o);
  run = r;
}
const oursS = Math.min(...oursTimes);
const anchorS = Math.min(...anchorTimes);
console.log(
  JSON.stringify({
    bench: 'quality',
    patients: PERSONS,
    checks: run?.checks.length,
    failing_checks: run?.label.checks.failed,
    ours_s: Number(oursS.toFixed(3)),
    anchor_s: Number(anchorS.toFixed(3)),
    ratio: Number((oursS / anchorS).toFixed(2)),
  }),
);
store.close();
