import { returnedSchemas } from './entry-types';
import type { ReceivedRequest } from './parse-request';
import type { BeaconAccess, BeaconGranularity, BeaconQuery, BeaconResultSet } from './query';
import { responseMeta } from './response-meta';

/**
 * The answer to a query, at the granularity the caller may see (issue 5 §3): a boolean response, a
 * count response, or a result-set response with records. The engine already applied granularity and
 * disclosure control; this builder enforces it again — records only for the datasets the caller's
 * permit covers, counts only when counts are allowed — so a defect upstream cannot leak through the
 * response. Pure; the hub's Beacon network builds its merged answers with it too.
 */

const RANK: Record<BeaconGranularity, number> = { boolean: 0, count: 1, record: 2 };
const lower = (a: BeaconGranularity, b: BeaconGranularity) => (RANK[a] <= RANK[b] ? a : b);

/** The granularity of the answer: what was asked, capped by what the caller may see. */
export function returnedGranularity(
  query: BeaconQuery,
  access: BeaconAccess,
  resultSets: readonly BeaconResultSet[],
): BeaconGranularity {
  const recordable = new Set(access.recordDatasets.map((d) => d.datasetId));
  if (query.requestedGranularity === 'record' && resultSets.some((s) => recordable.has(s.id)))
    return 'record';
  return lower(query.requestedGranularity, access.granularity);
}

export interface ResultResponseInput {
  beaconId: string;
  query: BeaconQuery;
  received?: ReceivedRequest;
  access: BeaconAccess;
  resultSets: readonly BeaconResultSet[];
}

/** One result set as a response lists it. */
export interface ResultSetOut {
  id: string;
  setType: string;
  exists: boolean;
  resultsCount: number;
  results: Record<string, unknown>[];
  info: {
    returnedGranularity: 'count' | 'record';
    countAdjusted?: boolean;
    frequency?: BeaconResultSet['frequency'];
    [key: string]: unknown;
  };
}

/** A boolean, count or result-set response (`response` and `info` absent for booleans). */
export interface BeaconResultResponse {
  meta: ReturnType<typeof responseMeta>;
  responseSummary: { exists: boolean; numTotalResults?: number };
  response?: { resultSets: ResultSetOut[] };
  info?: { disclosureControl?: { minCount: number; roundTo: number }; [key: string]: unknown };
}

/** Boolean, count or result-set response, whichever `returnedGranularity` gives. */
export function beaconResultResponse(input: ResultResponseInput): BeaconResultResponse {
  const { query, access } = input;
  const granularity = returnedGranularity(query, access, input.resultSets);
  const recordable = new Set(access.recordDatasets.map((d) => d.datasetId));
  // A set's counts are visible when counts are allowed for everyone's datasets or its records are.
  const setCountable = (s: BeaconResultSet) =>
    s.resultsCount !== undefined && (access.granularity === 'count' || recordable.has(s.id));
  const meta = responseMeta({
    beaconId: input.beaconId,
    returnedGranularity: granularity,
    returnedSchemas: returnedSchemas(query.entryType),
    query,
    ...(input.received ? { received: input.received } : {}),
  });
  const exists = input.resultSets.some((s) => s.exists);
  if (granularity === 'boolean') return { meta, responseSummary: { exists } };

  const visible = input.resultSets.filter(setCountable);
  const numTotalResults = visible.reduce((n, s) => n + (s.resultsCount ?? 0), 0);
  const shown = visible.filter((s) => included(query.includeResultsetResponses, s.exists));
  const resultSets = shown.map((s): ResultSetOut => {
    const records = granularity === 'record' && recordable.has(s.id) && s.results ? s.results : undefined;
    return {
      id: s.id,
      setType: s.setType,
      exists: s.exists,
      resultsCount: s.resultsCount ?? 0,
      // Required by the result-set schema; empty where only the count may be seen.
      results: records ?? [],
      info: {
        returnedGranularity: records ? 'record' : 'count',
        ...(s.countAdjusted ? { countAdjusted: true } : {}),
        ...(s.frequency ? { frequency: s.frequency } : {}),
      },
    };
  });
  const info = {
    // Lets a client show "<10" or "≈" instead of a bare number (EHDS.md §16 [OURS]).
    disclosureControl: { minCount: access.minCount, roundTo: access.roundTo },
  };
  const responseSummary = { exists, numTotalResults };
  if (granularity === 'count')
    return {
      meta,
      responseSummary,
      ...(query.includeResultsetResponses === 'NONE' ? {} : { response: { resultSets } }),
      info,
    };
  return { meta, responseSummary, response: { resultSets }, info };
}

function included(mode: BeaconQuery['includeResultsetResponses'], exists: boolean): boolean {
  return mode === 'ALL' || (mode === 'HIT' && exists) || (mode === 'MISS' && !exists);
}
