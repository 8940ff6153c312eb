import { returnedSchemas } from './entry-types';
import type { ReceivedRequest } from './parse-request';
import type { BeaconQuery } from './query';
import { responseMeta } from './response-meta';

/**
 * `/datasets` and `/cohorts` (beaconCollectionsResponse). Dataset and cohort descriptions are public
 * catalogue metadata (Art. 77, HealthDCAT-AP), not personal data, so they are shown to every caller;
 * no count of persons is added here beyond what the catalogue already publishes. Pure.
 */

export interface BeaconDatasetInput {
  id: string;
  name: string;
  description?: string;
  /** The dataset's page in the HDAB catalogue. */
  externalUrl?: string;
  version?: string;
  createDateTime?: string;
  updateDateTime?: string;
}

export interface BeaconCohortInput {
  id: string;
  name: string;
  cohortType: 'study-defined' | 'beacon-defined' | 'user-defined';
  /** Only a size the catalogue already publishes (rounded by the node's statistics). */
  cohortSize?: number;
}

function collections(
  beaconId: string,
  query: BeaconQuery,
  received: ReceivedRequest | undefined,
  items: Record<string, unknown>[],
) {
  const page = items.slice(query.skip, query.skip + query.limit);
  return {
    meta: responseMeta({
      beaconId,
      returnedGranularity: 'record',
      returnedSchemas: returnedSchemas(query.entryType),
      query,
      ...(received ? { received } : {}),
    }),
    responseSummary: { exists: items.length > 0, numTotalResults: items.length },
    response: { collections: page },
  };
}

/** `/datasets`: the datasets this Beacon answers for (restricted by `datasets` when asked). */
export function datasetsResponse(
  beaconId: string,
  query: BeaconQuery,
  datasets: readonly BeaconDatasetInput[],
  received?: ReceivedRequest,
) {
  const wanted = query.datasetIds ? datasets.filter((d) => query.datasetIds!.includes(d.id)) : datasets;
  return collections(
    beaconId,
    query,
    received,
    wanted.map((d) => ({ ...d })),
  );
}

/** `/cohorts`. */
export function cohortsResponse(
  beaconId: string,
  query: BeaconQuery,
  cohorts: readonly BeaconCohortInput[],
  received?: ReceivedRequest,
) {
  return collections(
    beaconId,
    query,
    received,
    cohorts.map((c) => ({ ...c })),
  );
}
