import { BEACON_API_VERSION, DEFAULT_LIMIT } from './limits';
import type { ReceivedRequest } from './parse-request';
import type { BeaconFilter, BeaconGranularity, BeaconQuery } from './query';

/**
 * The `meta` section of Beacon responses. The v2.1.1 response schemas require `returnedGranularity`
 * and `receivedRequestSummary.requestedGranularity` on every query, count and error response, even
 * though the upstream examples leave them out (KNOWN-ISSUES.md §B) — we always emit them. Pure.
 */

export type SchemaRef = { entityType?: string; schema: string };

/** `meta` of informational documents (`/info`, `/map`, `/configuration`, …): beaconInformationalResponseMeta. */
export function informationalMeta(beaconId: string, returnedSchemas: SchemaRef[] = []) {
  return { beaconId, apiVersion: BEACON_API_VERSION, returnedSchemas };
}

/** How a filter is echoed: the request summary's `filters` is a list of strings (`age>=18`). */
export function filterText(f: BeaconFilter): string {
  return f.operator ? `${f.id}${f.operator === '!' ? '!' : f.operator}${f.value ?? ''}` : f.id;
}

/**
 * `receivedRequestSummary`: what the Beacon understood, after normalisation (`chr1` → `1`, `hg38` →
 * `GRCh38`). Variant parameters are echoed under `g_variant`, because the framework's
 * `requestParameters` schema only admits object values.
 */
export function receivedRequestSummary(
  query: BeaconQuery | undefined,
  received: ReceivedRequest | undefined,
) {
  const requestParameters: Record<string, Record<string, unknown>> = {};
  if (query?.variant) {
    const { form: _form, ...params } = query.variant;
    requestParameters.g_variant = params;
  }
  if (query?.datasetIds) requestParameters.datasets = { datasetIds: query.datasetIds };
  return {
    apiVersion: received?.apiVersion ?? BEACON_API_VERSION,
    requestedSchemas: received?.requestedSchemas ?? [],
    pagination: { skip: query?.skip ?? 0, limit: query?.limit ?? DEFAULT_LIMIT },
    requestedGranularity: query?.requestedGranularity ?? 'boolean',
    includeResultsetResponses: query?.includeResultsetResponses ?? 'HIT',
    filters: (query?.filters ?? []).map(filterText),
    ...(Object.keys(requestParameters).length ? { requestParameters } : {}),
    testMode: received?.testMode ?? false,
  };
}

/** `meta` of query, collection and error responses: beaconResponseMeta. */
export function responseMeta(input: {
  beaconId: string;
  returnedGranularity: BeaconGranularity;
  returnedSchemas?: SchemaRef[];
  query?: BeaconQuery;
  received?: ReceivedRequest;
}) {
  return {
    beaconId: input.beaconId,
    apiVersion: BEACON_API_VERSION,
    returnedSchemas: input.returnedSchemas ?? [],
    returnedGranularity: input.returnedGranularity,
    receivedRequestSummary: receivedRequestSummary(input.query, input.received),
  };
}
