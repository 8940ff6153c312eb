/**
 * GA4GH Beacon v2 calls to the hub's Beacon network (issue 5 §2-3; hub `packages/server/src/beacon`).
 * Public: without a session the hub answers booleans, a signed-in account gets counts (rounded by the
 * HDAB's policy) and records only for the datasets of an active permit naming it. Each node's answer is
 * one result set (id = the node's published dataset id, `info.node` naming the node); every node asked
 * is listed in `info.nodes` with its status, so a node that did not answer shows up as such.
 *
 * Shapes mirror `@openehds/core`'s Beacon builders without importing them (DESIGN.md §2). Coordinates
 * are Beacon's: 0-based, half-open — a VCF POS p is `start: p - 1`.
 *
 * Errors: Beacon routes answer in Beacon's error model (`error { errorCode, errorMessage }`), not
 * problem+json; they are thrown as `BeaconApiError` (an `ApiError`), whose `issues` name each parameter
 * at fault (`issuesFor('start')`). A spent query budget is status 429; the message says when it refills.
 */
import { ApiError, type ApiIssue } from './api-error';
import { createHttp, type HttpOptions } from './http';

export type BeaconGranularityJson = 'boolean' | 'count' | 'record';
export type BeaconIncludeResultsets = 'HIT' | 'MISS' | 'ALL' | 'NONE';

/** A filter: an ontology term (`HP:0001250`, `ICD10:E11`, `SNOMED:38341003`, `NCIT:C16576`) or `age`. */
export interface BeaconFilterJson {
  id: string;
  operator?: '=' | '<' | '>' | '<=' | '>=' | '!';
  value?: string;
  includeDescendantTerms?: boolean;
  scope?: string;
}

/** Beacon variant request parameters (sequence, range, bracket or gene query). */
export interface BeaconVariantParameters {
  assemblyId?: string;
  referenceName?: string;
  /** 0-based start; two values for a bracket query. */
  start?: number | number[];
  /** 0-based exclusive end; two values for a bracket query. */
  end?: number | number[];
  referenceBases?: string;
  alternateBases?: string;
  variantType?: string;
  geneId?: string;
  variantMinLength?: number;
  variantMaxLength?: number;
}

/** One query: variant parameters (optional for individuals and biosamples), filters and options. */
export interface BeaconQueryInput extends BeaconVariantParameters {
  filters?: BeaconFilterJson[];
  /** What to ask for (Beacon's default: `boolean`); the hub answers at most what the caller may see. */
  requestedGranularity?: BeaconGranularityJson;
  includeResultsetResponses?: BeaconIncludeResultsets;
  skip?: number;
  limit?: number;
  /** Restricts the query to these published dataset ids. */
  datasets?: string[];
}

/** `meta.receivedRequestSummary`, as echoed by the Beacon. */
export interface BeaconReceivedRequestSummary {
  apiVersion: string;
  requestedSchemas: { entityType?: string; schema: string }[];
  pagination: { skip: number; limit: number };
  requestedGranularity: BeaconGranularityJson;
  includeResultsetResponses: BeaconIncludeResultsets;
  filters: string[];
  requestParameters?: Record<string, Record<string, unknown>>;
  testMode: boolean;
}

export interface BeaconResponseMeta {
  beaconId: string;
  apiVersion: string;
  returnedSchemas: { entityType?: string; schema: string }[];
  returnedGranularity: BeaconGranularityJson;
  receivedRequestSummary: BeaconReceivedRequestSummary;
}

/** The node that answered a result set (hub Beacon network). */
export interface BeaconNodeRef {
  id: string;
  name: string;
  country: string;
}

export interface BeaconFrequency {
  alleleCount: number;
  alleleNumber: number;
  alleleFrequency: number;
}

/** One dataset's (= one node's) answer. `results` is empty unless records may be seen. */
export interface BeaconResultSetJson {
  id: string;
  setType: string;
  exists: boolean;
  resultsCount: number;
  results: Record<string, unknown>[];
  info: {
    returnedGranularity: 'count' | 'record';
    /** True when the count was floored or rounded by the HDAB's disclosure control. */
    countAdjusted?: boolean;
    frequency?: BeaconFrequency;
    node?: BeaconNodeRef;
    [key: string]: unknown;
  };
}

/** How one node took part in a network query. */
export interface BeaconNodeStatus {
  nodeId: string;
  nodeName: string;
  country: string;
  /** The node's published datasets that were asked. */
  datasetIds: string[];
  status: 'ok' | 'offline' | 'timeout' | 'error' | 'refused';
  /** Whether this node has a hit (shown at every granularity: a yes/no per Beacon is public). */
  exists?: boolean;
  /** Why the node did not answer. */
  message?: string;
}

/** A boolean, count or record response (`response` absent for booleans). */
export interface BeaconResultResponseJson {
  meta: BeaconResponseMeta;
  responseSummary: { exists: boolean; numTotalResults?: number };
  response?: { resultSets: BeaconResultSetJson[] };
  info?: {
    disclosureControl?: { minCount: number; roundTo: number };
    /** Every node asked (hub Beacon network), with its status. */
    nodes?: BeaconNodeStatus[];
    [key: string]: unknown;
  };
}

/** `/info`. */
export interface BeaconInfoResponseJson {
  meta: { beaconId: string; apiVersion: string; returnedSchemas: { entityType?: string; schema: string }[] };
  response: {
    id: string;
    name: string;
    apiVersion: string;
    environment: string;
    organization: { id: string; name: string; [key: string]: unknown };
    description?: string;
    version: string;
    welcomeUrl?: string;
    alternativeUrl?: string;
    createDateTime?: string;
    updateDateTime?: string;
  };
}

export interface BeaconFilteringTermJson {
  id: string;
  type: string;
  label?: string;
  scopes: string[];
}

/** `/filtering_terms`. */
export interface BeaconFilteringTermsResponseJson {
  meta: { beaconId: string; apiVersion: string; returnedSchemas: unknown[] };
  response: {
    filteringTerms: BeaconFilteringTermJson[];
    resources: { id: string; name?: string; url?: string; nameSpacePrefix: string; iriPrefix?: string }[];
  };
}

/** One dataset in `/datasets`. */
export interface BeaconDatasetJson {
  id: string;
  name: string;
  description?: string;
  externalUrl?: string;
  version?: string;
  createDateTime?: string;
  updateDateTime?: string;
  info?: { node?: BeaconNodeRef; [key: string]: unknown };
}

/** `/datasets`. */
export interface BeaconDatasetsResponseJson {
  meta: BeaconResponseMeta;
  responseSummary: { exists: boolean; numTotalResults: number };
  response: { collections: BeaconDatasetJson[] };
}

/** A Beacon error (`error.errorCode` is the HTTP status). */
export interface BeaconErrorResponseJson {
  meta?: BeaconResponseMeta;
  error: { errorCode: number; errorMessage: string };
  info?: { errors?: { parameter: string; message: string }[] };
}

/** A Beacon error response as a typed error: `issues` name the parameters (`path` = parameter). */
export class BeaconApiError extends ApiError {
  readonly errorCode: number;
  /** Each parameter at fault, as the caller spelled it (`start`, `query.requestParameters.start`). */
  readonly errors: { parameter: string; message: string }[];

  constructor(status: number, body: BeaconErrorResponseJson) {
    const errors = body.info?.errors ?? [];
    const issues: ApiIssue[] = errors.map((e) => ({ path: e.parameter, message: e.message }));
    super(status, { title: 'beacon', detail: body.error.errorMessage, issues });
    this.name = 'BeaconApiError';
    this.errorCode = body.error.errorCode;
    this.errors = errors;
  }
}

/** Beacon calls to the hub. */
export interface BeaconClient {
  info(options?: { signal?: AbortSignal }): Promise<BeaconInfoResponseJson>;
  /** The union of the terms the nodes hold (HPO, ICD-10, SNOMED CT, sex, age). */
  filteringTerms(options?: { signal?: AbortSignal }): Promise<BeaconFilteringTermsResponseJson>;
  /** The published datasets the network answers for. */
  datasets(options?: { signal?: AbortSignal }): Promise<BeaconDatasetsResponseJson>;
  /** `/g_variants`: which datasets hold the variant, with counts and allele frequencies when allowed. */
  variants(query: BeaconQueryInput, options?: { signal?: AbortSignal }): Promise<BeaconResultResponseJson>;
  /** `/individuals` matching the filters (and carrying the variant, when given). */
  individuals(query: BeaconQueryInput, options?: { signal?: AbortSignal }): Promise<BeaconResultResponseJson>;
  /** `/biosamples` matching the filters (and carrying the variant, when given). */
  biosamples(query: BeaconQueryInput, options?: { signal?: AbortSignal }): Promise<BeaconResultResponseJson>;
}

/** Where the hub's Beacon network lives. */
export const BEACON_PATH = '/api/beacon';

const VARIANT_KEYS = [
  'assemblyId',
  'referenceName',
  'start',
  'end',
  'referenceBases',
  'alternateBases',
  'variantType',
  'geneId',
  'variantMinLength',
  'variantMaxLength',
] as const;

const asList = (v: number | number[]) => (Array.isArray(v) ? v : [v]);

/** The POST `beaconRequestBody` for a query (Beacon v2 request schema). */
export function beaconRequestBody(query: BeaconQueryInput): Record<string, unknown> {
  const requestParameters: Record<string, unknown> = {};
  for (const key of VARIANT_KEYS) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    requestParameters[key] = key === 'start' || key === 'end' ? asList(value as number | number[]) : value;
  }
  if (query.datasets?.length) requestParameters.datasets = { datasetIds: query.datasets };
  const body: Record<string, unknown> = {
    ...(Object.keys(requestParameters).length ? { requestParameters } : {}),
    ...(query.filters?.length ? { filters: query.filters } : {}),
    ...(query.requestedGranularity ? { requestedGranularity: query.requestedGranularity } : {}),
    ...(query.includeResultsetResponses
      ? { includeResultsetResponses: query.includeResultsetResponses }
      : {}),
    ...(query.skip !== undefined || query.limit !== undefined
      ? {
          pagination: {
            ...(query.skip !== undefined ? { skip: query.skip } : {}),
            ...(query.limit !== undefined ? { limit: query.limit } : {}),
          },
        }
      : {}),
  };
  return { meta: { apiVersion: 'v2.0.0' }, query: body };
}

function isBeaconError(e: ApiError): BeaconErrorResponseJson | null {
  const error = e.extensions.error as BeaconErrorResponseJson['error'] | undefined;
  if (!error || typeof error !== 'object' || typeof error.errorMessage !== 'string') return null;
  return {
    error,
    ...(e.extensions.meta ? { meta: e.extensions.meta as BeaconResponseMeta } : {}),
    ...(e.extensions.info ? { info: e.extensions.info as BeaconErrorResponseJson['info'] } : {}),
  };
}

/** Creates the Beacon client (same options as `createHubClient`; no token and no cookie → anonymous). */
export function createBeaconClient(options: HttpOptions): BeaconClient {
  const http = createHttp(options);
  const send = async <T>(request: Parameters<typeof http>[0]): Promise<T> => {
    try {
      return await http<T>(request);
    } catch (err) {
      const body = err instanceof ApiError ? isBeaconError(err) : null;
      if (body && err instanceof ApiError) throw new BeaconApiError(err.status, body);
      throw err;
    }
  };
  const get = <T>(path: string, signal?: AbortSignal) =>
    send<T>({ method: 'GET', path: `${BEACON_PATH}${path}`, ...(signal ? { signal } : {}) });
  const post = <T>(path: string, query: BeaconQueryInput, signal?: AbortSignal) =>
    send<T>({
      method: 'POST',
      path: `${BEACON_PATH}${path}`,
      json: beaconRequestBody(query),
      ...(signal ? { signal } : {}),
    });
  return {
    info: (o = {}) => get('/info', o.signal),
    filteringTerms: (o = {}) => get('/filtering_terms', o.signal),
    datasets: (o = {}) => get('/datasets', o.signal),
    variants: (query, o = {}) => post('/g_variants', query, o.signal),
    individuals: (query, o = {}) => post('/individuals', query, o.signal),
    biosamples: (query, o = {}) => post('/biosamples', query, o.signal),
  };
}
