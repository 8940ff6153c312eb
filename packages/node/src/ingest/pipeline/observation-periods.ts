import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stableId, type NodeStore } from '@openehds/analytics';
import { CsvSink } from './csv-sink';

/** OMOP type concept of a period derived from the EHR's own records (OMOP Type Concept 32817 "EHR"). */
export const EHR_PERIOD_TYPE = 32817;

/** `ehds_file` of a derived period: it comes from no file, and marks the period as ours to replace. */
export const DERIVED_FILE = 'derived';

/**
 * The date of each clinical event: the day it happened or started, and a visit's end (the person was
 * under observation until then). Planned ends (a drug's supply, a condition's abatement) are not
 * observations of the person and may lie in the future, so they do not extend a period.
 */
const EVENT_DATES: readonly [table: string, column: string][] = [
  ['visit_occurrence', 'visit_start_date'],
  ['visit_occurrence', 'visit_end_date'],
  ['condition_occurrence', 'condition_start_date'],
  ['drug_exposure', 'drug_exposure_start_date'],
  ['procedure_occurrence', 'procedure_date'],
  ['measurement', 'measurement_date'],
  ['observation', 'observation_date'],
];

/** The tables whose rows make a person's observation period worth (re)deriving. */
const TOUCHING = ['person', 'death', ...new Set(EVENT_DATES.map(([t]) => t))];

/**
 * Persons whose period is (re)derived: those this batch loaded rows for, and those of this dataset with
 * no period at all (so a run whose derivation failed is healed by the next one), less every person with
 * a period given by the source (an OMOP CSV observation_period), which is never overridden.
 */
function targetsSql(): string {
  const touched = TOUCHING.map((t) => `SELECT person_id FROM ${t} WHERE ehds_batch = $1`).join(' UNION ');
  return `SELECT person_id FROM (
      ${touched}
      UNION SELECT person_id FROM person WHERE starts_with(ehds_key, $2)
        AND person_id NOT IN (SELECT person_id FROM observation_period)
    ) WHERE person_id IS NOT NULL AND person_id NOT IN (
      SELECT person_id FROM observation_period WHERE ehds_file IS DISTINCT FROM '${DERIVED_FILE}')`;
}

/**
 * One period per person from the earliest to the latest event date, the end capped at death (but never
 * before the start, so the period stays valid when events are dated after death).
 */
function periodsSql(): string {
  // Each table is reduced to one (first, last) per person before the union: far fewer rows to combine.
  const byTable = new Map<string, string[]>();
  for (const [t, c] of EVENT_DATES) byTable.set(t, [...(byTable.get(t) ?? []), c]);
  const events = [...byTable]
    .map(([t, cols]) => {
      const lo = cols.length > 1 ? `least(${cols.map((c) => `min(${c})`).join(', ')})` : `min(${cols[0]})`;
      const hi = cols.length > 1 ? `greatest(${cols.map((c) => `max(${c})`).join(', ')})` : `max(${cols[0]})`;
      return `SELECT person_id, ${lo} AS s, ${hi} AS e FROM ${t}
        WHERE person_id IN (SELECT person_id FROM targets) GROUP BY person_id`;
    })
    .join('\n      UNION ALL ');
  return `WITH targets AS (${targetsSql()}),
    events AS (
      ${events}
    ),
    span AS (SELECT person_id, min(s) AS s, max(e) AS e FROM events WHERE s IS NOT NULL GROUP BY person_id),
    died AS (SELECT person_id, min(death_date) AS dd FROM death WHERE person_id IN (SELECT person_id FROM targets)
      GROUP BY person_id)
    SELECT span.person_id AS p, s::VARCHAR AS s,
      greatest(s, CASE WHEN dd IS NOT NULL AND dd < e THEN dd ELSE e END)::VARCHAR AS e
    FROM span LEFT JOIN died USING (person_id)`;
}

/** Where the derivation writes its staging file, and the run it belongs to. */
export interface DeriveOptions {
  datasetId: string;
  batchId: string;
  tmpDir: string;
}

/**
 * Derives observation periods where the source gives none (FHIR has no such resource), following the
 * OMOP convention for EHR data: one period per person spanning their recorded events (OMOP CDM 5.4,
 * OBSERVATION_PERIOD user guide). Runs in its own transaction after a run's batches: derived periods of
 * the persons concerned are replaced, so a later run extends them instead of adding overlapping ones.
 * Returns the number of periods written.
 */
export async function deriveObservationPeriods(store: NodeStore, opts: DeriveOptions): Promise<number> {
  const { datasetId, batchId } = opts;
  return store.transaction(async () => {
    const rows = await store.all<{ p: number; s: string; e: string }>(periodsSql(), [
      batchId,
      `${datasetId}|`,
    ]);
    if (rows.length === 0) return 0;
    const sink = new CsvSink(Math.max(1 << 16, rows.length * 48));
    for (const r of rows) {
      // The id is stable per dataset and person, so re-deriving a period keeps its id.
      sink.num(stableId(datasetId, 'derived:observation_period', String(r.p)));
      sink.byte(44);
      sink.num(r.p);
      sink.byte(44);
      sink.text(r.s);
      sink.byte(44);
      sink.text(r.e);
      sink.byte(10);
    }
    const path = join(opts.tmpDir, 'observation-periods.csv');
    writeFileSync(path, sink.bytes());
    const src = `read_csv('${path}', header=false, delim=',', auto_detect=false,
      columns={'id':'BIGINT','p':'BIGINT','s':'DATE','e':'DATE'})`;
    await store.run(
      `DELETE FROM observation_period WHERE ehds_file = '${DERIVED_FILE}' AND person_id IN (SELECT p FROM ${src})`,
    );
    await store.run(
      `INSERT INTO observation_period (observation_period_id, person_id, observation_period_start_date,
         observation_period_end_date, period_type_concept_id, ehds_file, ehds_batch, ehds_key)
       SELECT id, p, s, e, ${EHR_PERIOD_TYPE}, '${DERIVED_FILE}', $1, $2 || p::VARCHAR FROM ${src}`,
      [batchId, `${datasetId}|derived:observation_period/`],
    );
    return rows.length;
  });
}
