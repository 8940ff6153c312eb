import { compileCohort, type NodeStore } from '@openehds/analytics';
import type { CohortDefinition } from '@openehds/core';
import { ensureSdcTables } from './sdc-store';
import { serialisedBy } from './serial';

/**
 * The disclosure-control engine keeps cohorts as sets of 32-bit ids (`Uint32Array`, 4 bytes a person),
 * but the node's OMOP `person_id`s are 64-bit (derived at ingest). So each person gets a small integer
 * the first time a count sees them, kept in the store: stable across restarts, so the cell-key noise of
 * a set of persons and the per-permit history mean the same persons tomorrow. It never leaves the node.
 */

/**
 * Gives every person without one the next index (serialised: two counts must not hand out one twice).
 * `person` has no primary key in the node store (ingest enforces idempotence another way), and a
 * person can have more than one row, hence DISTINCT.
 */
export function indexNewPersons(store: NodeStore): Promise<void> {
  return serialisedBy(`${store.path}\nperson-index`, async () => {
    await ensureSdcTables(store);
    await store.run(
      `INSERT INTO sdc_person_index (person_id, idx)
       SELECT n.person_id, (SELECT coalesce(max(idx), 0) FROM sdc_person_index) + row_number() OVER (ORDER BY n.person_id)
       FROM (SELECT DISTINCT p.person_id FROM person p
             WHERE NOT EXISTS (SELECT 1 FROM sdc_person_index i WHERE i.person_id = p.person_id)) n`,
    );
  });
}

/** One member of a cohort: the node's person id and its index for the engine. */
export interface CohortMember {
  personId: number;
  idx: number;
}

/**
 * Runs the compiled cohort query (`compileCohort`, parameterised) on the node store and returns its
 * members with their indexes. RAW: personal data that never leaves the node; the caller releases only
 * through `releaseCount`.
 */
export async function cohortMembers(store: NodeStore, definition: CohortDefinition): Promise<CohortMember[]> {
  const { sql, params } = compileCohort(definition, 'duckdb');
  const query = () =>
    store.all<{ person_id: number; idx: number | null }>(
      `SELECT c.person_id, i.idx FROM (${sql}) c LEFT JOIN sdc_person_index i ON i.person_id = c.person_id`,
      params,
    );
  await ensureSdcTables(store);
  let rows = await query();
  // Persons ingested since the last count have no index yet: give them one and ask again.
  if (rows.some((r) => r.idx === null)) {
    await indexNewPersons(store);
    rows = await query();
  }
  return rows.map((r) => ({ personId: Number(r.person_id), idx: Number(r.idx) }));
}
