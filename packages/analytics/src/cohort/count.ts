import type { CohortDefinition, CohortDefinitionInput } from '@openehds/core';
import type { NodeStore } from '../store/node-store';
import { compileCohort } from './compile';

/**
 * A cohort's raw size at this node, with the persons behind it. RAW: personal data, never to leave the
 * node. It is the hook for disclosure control (issue 4 §2): the engine rounds/suppresses `count`
 * (Art. 73(2), only anonymous results leave the SPE) and its differencing guard compares `personIds`
 * with the cohorts queried before under the same permit, refusing a count whose difference from an
 * earlier one would single out fewer persons than the threshold.
 */
export interface RawCohortCount {
  count: number;
  /** Distinct person ids, ascending. */
  personIds: number[];
  /** Marks the value as not yet disclosure-controlled, so no code path mistakes it for a releasable one. */
  disclosure: 'raw';
}

/** Runs a cohort definition on the node store (DuckDB). Throws `invalid` for a bad definition. */
export async function countCohort(
  store: NodeStore,
  definition: CohortDefinitionInput | CohortDefinition,
): Promise<RawCohortCount> {
  const { sql, params } = compileCohort(definition, 'duckdb');
  const rows = await store.all<{ person_id: number }>(sql, params);
  const personIds = rows.map((r) => Number(r.person_id)).sort((a, b) => a - b);
  return { count: personIds.length, personIds, disclosure: 'raw' };
}
