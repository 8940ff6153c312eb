import type { NodeStore } from '@openehds/analytics';
import type { BeaconQuery } from '@openehds/core';
import type { RawDatasetAnswer } from './granularity';
import { biosampleId, biosampleRecord, individualRecord } from './records';
import type { PersonScope } from './scope';
import type { EngineState } from './state';
import type { VariantMatch } from './variant-match';
import { variantsWithCarriers } from './variant-sql';

/** What the individuals and biosamples answers need besides the query. */
export interface PersonAnswerInput {
  store: NodeStore;
  state: EngineState;
  datasetId: string;
  assembly: string;
  match: VariantMatch | undefined;
  scope: PersonScope;
  /** Persons the filters allow; null = no filters. */
  cohort: ReadonlySet<number> | null;
  withRecords: boolean;
}

/**
 * The persons an individuals or biosamples query selects: those the filters' cohort holds, carrying a
 * matching variant when one is given (the variant engine decides what matches, so `/individuals` and
 * `/g_variants` agree, N wildcards and brackets included, which the cohort's variant criterion cannot
 * express), inside the caller's scope.
 */
async function selectedPersons(input: PersonAnswerInput): Promise<number[]> {
  let candidates: Iterable<number>;
  if (input.match) {
    const variants = await variantsWithCarriers(input.store, input.assembly, input.match);
    candidates = new Set(variants.flatMap((v) => [...v.carriers.keys()]));
  } else if (input.cohort) candidates = input.cohort;
  else {
    const rows = await input.store.all<{ person_id: number }>(
      'SELECT DISTINCT CAST(person_id AS DOUBLE) AS person_id FROM person',
    );
    candidates = rows.map((r) => r.person_id);
  }
  const out: number[] = [];
  for (const p of candidates)
    if (input.scope.counts(p) && (!input.cohort || input.cohort.has(p))) out.push(p);
  return out;
}

/** Raw answer of an individuals query; records (under a permit) ordered by pseudonym, then paged. */
export async function individualsAnswer(
  input: PersonAnswerInput,
  query: BeaconQuery,
): Promise<RawDatasetAnswer> {
  let persons = await selectedPersons(input);
  if (query.entryId !== undefined) persons = persons.filter((p) => input.scope.idOf(p) === query.entryId);
  const answer: RawDatasetAnswer = {
    datasetId: input.datasetId,
    count: persons.length,
    persons: persons.length,
  };
  if (!input.withRecords) return answer;
  const page = persons
    .map((p) => ({ p, id: input.scope.idOf(p)! }))
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(query.skip, query.skip + query.limit);
  answer.records = await individualRecords(input.store, page);
  return answer;
}

async function individualRecords(
  store: NodeStore,
  page: { p: number; id: string }[],
): Promise<Record<string, unknown>[]> {
  if (!page.length) return [];
  const ids = page.map((x) => x.p);
  const list = ids.map((_, i) => `$${i + 1}`).join(', ');
  // One after another: the store has one DuckDB connection.
  const people = await store.all<{ person_id: number; gender_concept_id: number }>(
    `SELECT CAST(person_id AS DOUBLE) AS person_id, any_value(gender_concept_id) AS gender_concept_id
       FROM person WHERE person_id IN (${list}) GROUP BY person_id`,
    ids,
  );
  const conditions = await store.all<{ person_id: number; code: string; vocabulary: string | null }>(
    `SELECT DISTINCT CAST(person_id AS DOUBLE) AS person_id, condition_source_value AS code, ehds_vocabulary AS vocabulary
       FROM condition_occurrence WHERE person_id IN (${list}) AND condition_source_value IS NOT NULL`,
    ids,
  );
  const features = await store.all<{ person_id: number; term: string; value: string | null }>(
    `SELECT DISTINCT CAST(person_id AS DOUBLE) AS person_id, observation_source_value AS term, value_as_string AS value
       FROM observation WHERE person_id IN (${list}) AND observation_source_value LIKE 'HP:%'`,
    ids,
  );
  const sex = new Map(people.map((r) => [r.person_id, Number(r.gender_concept_id)]));
  return page.map(({ p, id }) =>
    individualRecord({
      id,
      genderConceptId: sex.get(p) ?? 0,
      conditions: conditions.filter((c) => c.person_id === p),
      // As the cohort compiler reads HPO rows: 'excluded' (phenopackets) or 'false' (FHIR) mean absent.
      features: features
        .filter((f) => f.person_id === p)
        .map((f) => ({ term: f.term, excluded: f.value === 'excluded' || f.value === 'false' })),
    }),
  );
}

/** Raw answer of a biosamples query: the sequenced samples of the selected persons. */
export async function biosamplesAnswer(
  input: PersonAnswerInput,
  query: BeaconQuery,
): Promise<RawDatasetAnswer> {
  const persons = await selectedPersons(input);
  const samples = await input.state.samples();
  let entries = persons.flatMap((p) => (samples.get(p) ?? []).map((_, k) => ({ p, k: k + 1 })));
  const idOf = (e: { p: number; k: number }) => {
    const individualId = input.scope.idOf(e.p);
    return individualId === undefined ? undefined : biosampleId(individualId, e.k);
  };
  if (query.entryId !== undefined) entries = entries.filter((e) => idOf(e) === query.entryId);
  const answer: RawDatasetAnswer = {
    datasetId: input.datasetId,
    count: entries.length,
    persons: new Set(entries.map((e) => e.p)).size,
  };
  if (input.withRecords) {
    answer.records = entries
      .map((e) => ({ id: idOf(e)!, individualId: input.scope.idOf(e.p)! }))
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(query.skip, query.skip + query.limit)
      .map(biosampleRecord);
  }
  return answer;
}
