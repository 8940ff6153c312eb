import type { NodeStore } from '@openehds/analytics';
import { eventsUnionSql, RECORD_TABLES } from '../describe/events';
import type { DataMeasures } from './types';

/**
 * Coverage (Art. 78(3)(d)) and timeliness (Art. 78(3)(b)) measures of the node store: aggregates only.
 * Event dates outside [1850, today] are left out here; the plausibility checks report them.
 */

const DAY_MS = 86_400_000;

/** Age band of 10 years for the label's representativity comparison ('0-9' … '90+'). */
export function ageBand10(age: number): string {
  if (age >= 90) return '90+';
  const lo = Math.max(0, Math.floor(age / 10) * 10);
  return `${lo}-${lo + 9}`;
}

function days(from: string | null, to: Date): number | null {
  if (!from) return null;
  return Math.floor((to.getTime() - new Date(from).getTime()) / DAY_MS);
}

function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

/** Measures the store as of `now`. */
export async function measureData(store: NodeStore, now: Date): Promise<DataMeasures> {
  const today = now.toISOString().slice(0, 10);
  const counts = await store.all<Record<string, number>>(
    `SELECT ${RECORD_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`,
  );
  const c = counts[0] ?? {};
  // Unique individuals: a person_id repeated in person (a defect the checks report) is one person.
  const [unique] = await store.all<{ n: number }>(`SELECT count(DISTINCT person_id) AS n FROM person`);
  const persons = Number(unique?.n ?? 0);
  const records = RECORD_TABLES.reduce((s, t) => s + Number(c[t] ?? 0), 0);

  const [span] = await store.all<{ first: unknown; last: unknown }>(
    `SELECT min(d) AS first, max(d) AS last FROM (${eventsUnionSql(today)})`,
  );
  const firstEventDate = iso(span?.first);
  const lastEventDate = iso(span?.last);
  const spanYears =
    firstEventDate && lastEventDate
      ? (new Date(lastEventDate).getTime() - new Date(firstEventDate).getTime()) / DAY_MS / 365.25
      : 0;

  // Art. 78(3)(d) "average time a person stays in the data": observation periods when there are any,
  // else each person's first-to-last event span.
  const [stay] = await store.all<{ op: number | null; ev: number | null }>(
    `SELECT (SELECT avg(y) FROM (SELECT sum(datediff('day', observation_period_start_date, observation_period_end_date)) / 365.25 AS y
              FROM observation_period GROUP BY person_id)) AS op,
            (SELECT avg(datediff('day', a, b) / 365.25) FROM (SELECT min(d) AS a, max(d) AS b FROM (${eventsUnionSql(today)}) GROUP BY person_id)) AS ev`,
  );
  const meanYearsInData = stay?.op ?? stay?.ev ?? null;

  const sexRows = await store.all<{ g: number; n: number }>(
    `SELECT g, count(*) AS n FROM (SELECT person_id, any_value(gender_concept_id) AS g FROM person GROUP BY 1) GROUP BY 1`,
  );
  const sexShares = { male: 0, female: 0, other: 0 };
  for (const r of sexRows) {
    const key = r.g === 8507 ? 'male' : r.g === 8532 ? 'female' : 'other';
    sexShares[key] += persons ? r.n / persons : 0;
  }

  // Age at the person's last event (today when they have none), from the year of birth.
  const ageRows = await store.all<{ age: number; n: number }>(
    `SELECT year(coalesce(e.last, DATE '${today}')) - p.year_of_birth AS age, count(*) AS n
       FROM (SELECT person_id, min(year_of_birth) AS year_of_birth FROM person GROUP BY 1) p LEFT JOIN (SELECT person_id, max(d) AS last FROM (${eventsUnionSql(today)}) GROUP BY person_id) e
       ON e.person_id = p.person_id GROUP BY 1`,
  );
  const ageBandShares: Record<string, number> = {};
  for (const r of ageRows) {
    if (r.age === null || r.age < 0) continue;
    const band = ageBand10(r.age);
    ageBandShares[band] = (ageBandShares[band] ?? 0) + r.n / persons;
  }

  const [ingest] = await store.all<{ at: unknown }>(
    `SELECT max(finished_at) AS at FROM ingest_batch WHERE finished_at IS NOT NULL`,
  );
  const lastIngestAt = ingest?.at ? new Date(ingest.at as string).toISOString() : null;

  return {
    persons,
    records,
    firstEventDate,
    lastEventDate,
    spanYears: Math.round(spanYears * 100) / 100,
    meanYearsInData: meanYearsInData === null ? null : Math.round(meanYearsInData * 100) / 100,
    sexShares,
    ageBandShares,
    daysSinceLastEvent: days(lastEventDate, now),
    lastIngestAt,
    daysSinceLastIngest: days(lastIngestAt, now),
  };
}
