import { compileCohort, type NodeStore } from '@openehds/analytics';
import { invalid, type BeaconAccess, type BeaconQuery, type BeaconResultSet } from '@openehds/core';
import { filtersToCohort } from './filters';
import { fastVariantAnswer, variantAnswer } from './g-variants';
import { discloseAnswer, grantedGranularity, type RawDatasetAnswer } from './granularity';
import { biosamplesAnswer, individualsAnswer } from './individuals';
import { permitScope, publicScope, type PersonScope } from './scope';
import { engineState } from './refresh';
import { variantMatch } from './variant-match';

export { refreshBeaconIndex, beaconIndexStatus, beaconIndexSettled } from './refresh';
export type { BeaconIndexHooks, BeaconIndexStatus } from './refresh';
export { discloseAnswer, grantedGranularity, roundCount } from './granularity';
export type { RawDatasetAnswer } from './granularity';
export { filtersToCohort, SEX_TERMS } from './filters';
export { variantMatch, matchesVariant, MAX_RANGE_BASES } from './variant-match';
export type { VariantMatch } from './variant-match';
export type { PersonScope } from './scope';

/** What the engine needs to know about the node it runs at. */
export interface BeaconEngineContext {
  /** The published id of the node's dataset (one dataset per node, config). */
  datasetId: string;
  /** The assembly of the node's variants (`GRCh38`); a query naming another is refused. */
  assembly: string;
  /** The identifier system persons are unified by, for matching the opt-out registry. */
  identifierSystem: string;
  /** Clock (tests); dates ages and the opt-out registry. */
  now?: () => Date;
  /** Record ids under a permit; default: the permit's extract and its chain pseudonyms (scope.ts). */
  recordScope?: (permitId: string) => Promise<PersonScope>;
}

/**
 * Answers a Beacon v2 query at this node (issue 5 §2-3): one result set for the node's dataset, after
 * granularity and disclosure control (granularity.ts). Opted-out persons never count (Art. 71), records
 * only under a permit and only of its extract, named by its pseudonyms. Returns no set when the query
 * names other datasets. `includeResultsetResponses` is left to the response builder, which needs every
 * set for the summary. Throws `invalid` naming the parameter or filter at fault, `conflict` when a
 * permit's extract is not ready.
 */
export async function runBeaconQuery(
  store: NodeStore,
  query: BeaconQuery,
  access: BeaconAccess,
  ctx: BeaconEngineContext,
): Promise<BeaconResultSet[]> {
  if (query.datasetIds?.length && !query.datasetIds.includes(ctx.datasetId)) return [];
  if (
    query.entryType !== 'genomicVariant' &&
    query.entryType !== 'individual' &&
    query.entryType !== 'biosample'
  )
    throw invalid(
      `the query engine answers genomicVariant, individual and biosample queries, not ${query.entryType}`,
      [{ path: 'entryType', message: 'not a queryable entry type' }],
    );
  const clock = ctx.now ?? (() => new Date());
  const now = clock();
  const match = query.variant ? variantMatch(query.variant, ctx.assembly) : undefined;
  if (query.entryType === 'genomicVariant' && !match && query.entryId === undefined)
    throw invalid('a genomic variant query needs referenceName and start, or geneId', [
      { path: 'referenceName', message: 'required (or geneId)' },
    ]);
  // Filters are checked before anything is read, so a bad one fails the same way at every granularity.
  const cohortDefinition = query.filters.length ? filtersToCohort(query.filters, now) : null;
  const granularity = grantedGranularity(access, ctx.datasetId, query.requestedGranularity);
  // The snapshot, or while it is being rebuilt the store as it is now (refresh.ts; Art. 71).
  const state = await engineState(store, {
    assembly: ctx.assembly,
    identifierSystem: ctx.identifierSystem,
    clock,
  });

  let raw: RawDatasetAnswer | undefined;
  if (query.entryType === 'genomicVariant' && granularity !== 'record' && !cohortDefinition) {
    raw = await fastVariantAnswer(state, ctx.datasetId, match, query.entryId === undefined);
  }
  if (!raw) {
    const permitId = access.recordDatasets.find((d) => d.datasetId === ctx.datasetId)?.permitId;
    const scope =
      granularity === 'record' && permitId
        ? await (ctx.recordScope ?? ((id: string) => permitScope(store, id)))(permitId)
        : publicScope(state.excluded);
    let cohort: Set<number> | null = null;
    if (cohortDefinition) {
      const { sql, params } = compileCohort(cohortDefinition, 'duckdb');
      const rows = await store.all<{ person_id: number }>(
        `SELECT DISTINCT CAST(person_id AS DOUBLE) AS person_id FROM (${sql}) c`,
        params,
      );
      cohort = new Set(rows.map((r) => r.person_id));
    }
    const input = {
      store,
      state,
      datasetId: ctx.datasetId,
      assembly: ctx.assembly,
      match,
      scope,
      cohort,
      withRecords: granularity === 'record',
    };
    raw =
      query.entryType === 'genomicVariant'
        ? await variantAnswer(input, query)
        : query.entryType === 'individual'
          ? await individualsAnswer(input, query)
          : await biosamplesAnswer(input, query);
  }
  return [discloseAnswer(raw, granularity, access)];
}
