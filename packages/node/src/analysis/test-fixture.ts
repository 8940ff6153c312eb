import type { NodeStore } from '@openehds/analytics';
import type { SignedDocument } from '@openehds/core';
import { storePermit, type RegisteredPermit } from '../permits/registry';
import { prepareExtract } from '../extract/prepare';
import type { ExtractRecipe } from '../extract/store';

/**
 * Tests and demos only: a seeded population with what the analyses need — sex, birth year, type 2
 * diabetes (ICD-10 E11), BMI (LOINC 39156-5), an observation period and, for some, death — written
 * straight into the OMOP tables of a node store under one dataset's ingest batch.
 */
export interface SyntheticPerson {
  sex: 'female' | 'male';
  birthYear: number;
  diabetes: boolean;
  bmi: number | null;
  /** Days of observation from 2015-01-01. */
  followUpDays: number;
  /** Days from 2015-01-01 to death, when the person died under observation. */
  deathDay: number | null;
}

/** Deterministic persons (LCG seeded): diabetes depends on age, sex and BMI, so a logistic model fits. */
export function syntheticPersons(n: number, seed: number): SyntheticPerson[] {
  let s = seed >>> 0 || 1;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  return Array.from({ length: n }, () => {
    const sex = u() < 0.5 ? 'female' : 'male';
    const birthYear = 1935 + Math.floor(u() * 55);
    const bmi = u() < 0.1 ? null : Math.round((19 + u() * 18) * 10) / 10;
    const age = 2025 - birthYear;
    const eta = -7 + 0.05 * age + 0.15 * (bmi ?? 27) + (sex === 'male' ? 0.4 : 0);
    const diabetes = u() < 1 / (1 + Math.exp(-eta));
    const followUpDays = 200 + Math.floor(u() * 3000);
    const deathDay = u() < 0.3 + (diabetes ? 0.2 : 0) ? Math.floor(u() * followUpDays) : null;
    return { sex, birthYear, diabetes, bmi, followUpDays, deathDay };
  });
}

const date = (day: number) => new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** Writes the persons into the store under `datasetId`, person ids from `firstId`. */
export async function seedSyntheticPersons(
  store: NodeStore,
  datasetId: string,
  persons: readonly SyntheticPerson[],
  firstId = 1,
): Promise<number[]> {
  const batch = `batch-${datasetId}-${firstId}`;
  await store.run(
    `INSERT INTO ingest_batch (batch_id, dataset_id, started_at, status) VALUES ($1, $2, now(), 'DONE')`,
    [batch, datasetId],
  );
  const ids: number[] = [];
  for (const [k, p] of persons.entries()) {
    const id = firstId + k;
    ids.push(id);
    await store.run(
      `INSERT INTO person (person_id, gender_concept_id, year_of_birth, month_of_birth, day_of_birth, race_concept_id, ethnicity_concept_id, ehds_batch)
       VALUES ($1, $2, $3, 6, 15, 0, 0, $4)`,
      [id, p.sex === 'female' ? 8532 : 8507, p.birthYear, batch],
    );
    await store.run(
      `INSERT INTO observation_period VALUES ($1, $1, CAST($2 AS DATE), CAST($3 AS DATE), 32817, NULL, NULL, NULL, $4, NULL)`,
      [id, date(0), date(p.followUpDays), batch],
    );
    if (p.diabetes)
      await store.run(
        `INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_type_concept_id, condition_source_value, ehds_vocabulary, ehds_batch)
         VALUES ($1, $1, 0, CAST($2 AS DATE), 32817, 'E11.9', 'ICD10', $3)`,
        [id, date(30 + (id % 300)), batch],
      );
    if (p.bmi !== null)
      await store.run(
        `INSERT INTO measurement (measurement_id, person_id, measurement_concept_id, measurement_date, measurement_type_concept_id, value_as_number, measurement_source_value, ehds_vocabulary, ehds_batch)
         VALUES ($1, $1, 0, CAST($2 AS DATE), 32817, $3, '39156-5', 'LOINC', $4)`,
        [id, date(10), p.bmi, batch],
      );
    if (p.deathDay !== null)
      await store.run(
        `INSERT INTO death (person_id, death_date, ehds_batch) VALUES ($1, CAST($2 AS DATE), $3)`,
        [id, date(p.deathDay), batch],
      );
  }
  return ids;
}

/**
 * Registers a permit at the node as `permit.update` would (signature not checked: tests only) and
 * prepares its extract with the opt-out exception, so no registry is needed.
 */
export async function prepareTestExtract(
  store: NodeStore,
  input: {
    permitId: string;
    datasets: string[];
    variables: string[];
    period?: { from?: string; to?: string };
  },
): Promise<ExtractRecipe> {
  const now = new Date();
  const permit: RegisteredPermit = {
    permitId: input.permitId,
    rootId: input.permitId,
    previousId: null,
    version: 1,
    revision: 1,
    status: 'GRANTED',
    validFrom: new Date(now.getTime() - 86_400_000).toISOString(),
    validUntil: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
    activeFrom: now.toISOString(),
    activeUntil: null,
    renewals: 0,
    datasets: input.datasets,
    persons: [],
    signed: {
      type: 'openehds.permit/v1',
      document: {
        datasets: input.datasets.map((datasetId) => ({ datasetId })),
        variables: input.variables,
        period: input.period ?? {},
        optOutException: { granted: true, justification: 'test fixture' },
      },
    } as unknown as SignedDocument,
    receivedAt: now.toISOString(),
  };
  await storePermit(store, permit);
  const prepared = await prepareExtract(store, permit, [permit], {
    identifierSystem: 'https://openehds.eu/sid/person',
    now,
  });
  if (!('recipe' in prepared)) throw new Error(`extract not prepared: ${prepared.deferred}`);
  return prepared.recipe;
}
