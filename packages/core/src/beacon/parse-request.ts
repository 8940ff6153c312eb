import { ENTRY_TYPES } from './entry-types';
import type { BeaconFilteringTerm } from './filtering-terms';
import { BEACON_API_VERSION, DEFAULT_LIMIT, MAX_LIMIT } from './limits';
import { parseGetFilters, parsePostFilters } from './parse-filters';
import { asObject, listOf, readBoolean, readInt, readString, show, unknownKeys } from './parse-values';
import { parseVariant, VARIANT_PARAMETERS, type VariantParameter } from './parse-variant';
import {
  BEACON_GRANULARITIES,
  type BeaconEntryType,
  type BeaconGranularity,
  type BeaconQuery,
} from './query';
import type { BeaconRequestError } from './request-error';

/**
 * A Beacon v2 request — GET query parameters or a POST `beaconRequestBody` — → `BeaconQuery`, with
 * every error naming its parameter (issue 5 §2 and "Bad input"). Pure. Coordinates are Beacon's own
 * (0-based, half-open) and pass through unconverted; see parse-variant.ts.
 */

/** What the caller said beyond the query itself, echoed in `meta.receivedRequestSummary`. */
export interface ReceivedRequest {
  apiVersion: string;
  requestedSchemas: { entityType?: string; schema: string }[];
  testMode: boolean;
}

/** The parse: a best-effort query (defaults where a value was refused) and the errors, if any. */
export interface ParsedBeaconRequest {
  query: BeaconQuery;
  received: ReceivedRequest;
  errors: BeaconRequestError[];
}

export interface ParseOptions {
  /** The entry type of the endpoint (`/individuals` → individual). */
  entryType: BeaconEntryType;
  /** A single entry asked for by id (`/individuals/{id}`). */
  entryId?: string;
  /** Terms this Beacon holds; when given, filters naming other terms are refused. */
  filteringTerms?: readonly BeaconFilteringTerm[];
  /** Granularity when the request names none (the Beacon schema's default: boolean). */
  defaultGranularity?: BeaconGranularity;
}

const RESULTSET_RESPONSES = ['HIT', 'MISS', 'ALL', 'NONE'] as const;

// Beacon v2 request parameters this Beacon does not answer: refused by name rather than ignored, so a
// caller never mistakes an unapplied constraint for an answer.
const UNSUPPORTED = ['aminoacidChange', 'genomicAlleleShortForm', 'mateName', 'allele'];

// Entry types whose queries may carry variant parameters (individuals / biosamples carrying a variant).
const VARIANT_ENTRIES: readonly BeaconEntryType[] = ['genomicVariant', 'individual', 'biosample'];

const GET_PARAMETERS = [
  ...VARIANT_PARAMETERS,
  'filters',
  'requestedGranularity',
  'skip',
  'limit',
  'includeResultsetResponses',
  'datasets',
  'datasetIds',
  'requestedSchema',
  'testMode',
  // The v2 default model's OpenAPI (genomicVariations/endpoints.json) spells the GET parameter `geneid`.
  'geneid',
];

/** Parses GET query parameters (`?referenceName=1&start=100&end=200&filters=HP:0001250`). */
export function parseGetRequest(params: Record<string, unknown>, options: ParseOptions): ParsedBeaconRequest {
  const errors: BeaconRequestError[] = [];
  for (const key of Object.keys(params)) {
    if (UNSUPPORTED.includes(key)) errors.push({ parameter: key, message: unsupported(key) });
    else if (!GET_PARAMETERS.includes(key))
      errors.push({ parameter: key, message: 'unknown parameter for a Beacon v2 query' });
  }
  const variantRaw = pick(params, VARIANT_PARAMETERS);
  if (params.geneid !== undefined) {
    if (params.geneId !== undefined)
      errors.push({ parameter: 'geneid', message: 'give the gene once, as geneId or geneid' });
    else variantRaw.geneId = params.geneid;
  }
  const common = readCommon(
    {
      granularity: params.requestedGranularity,
      skip: params.skip,
      limit: params.limit,
      includeResultsetResponses: params.includeResultsetResponses,
      datasets: params.datasets ?? params.datasetIds,
    },
    (p) => (p === 'datasets' && params.datasets === undefined ? 'datasetIds' : p),
    options,
    errors,
  );
  const received: ReceivedRequest = {
    apiVersion: BEACON_API_VERSION,
    requestedSchemas:
      params.requestedSchema === undefined
        ? []
        : listOf(params.requestedSchema)
            .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
            .map((schema) => ({ entityType: options.entryType, schema: schema.trim() })),
    testMode:
      params.testMode === undefined ? false : (readBoolean(params.testMode, 'testMode', errors) ?? false),
  };
  const variant = variantFor(
    variantRaw,
    (p) => (p === 'geneId' && params.geneid !== undefined ? 'geneid' : p),
    options,
    errors,
  );
  const filters =
    params.filters === undefined ? [] : parseGetFilters(params.filters, termsOf(options), errors);
  requireSelection(options, Object.keys(variantRaw).length > 0, filters.length > 0, 'referenceName', errors);
  return { query: assemble(options, common, filters, variant), received, errors };
}

const BODY_KEYS = ['$schema', 'meta', 'query'];
const META_KEYS = ['$schema', 'apiVersion', 'requestedSchemas'];
const QUERY_KEYS = [
  'requestParameters',
  'filters',
  'includeResultsetResponses',
  'pagination',
  'requestedGranularity',
  'testMode',
];

/**
 * Parses a POST `beaconRequestBody`. `requestParameters` may be flat (`{ referenceName, start: [..] }`,
 * as the Beacon reference implementation sends it) or grouped under `g_variant` (the v2 default
 * model's request-parameter schema); `datasets: { datasetIds: [...] }` restricts the datasets. A
 * missing `meta` is tolerated (the schema requires it, but it carries nothing we need).
 */
export function parsePostRequest(body: unknown, options: ParseOptions): ParsedBeaconRequest {
  const errors: BeaconRequestError[] = [];
  const root = asObject(body, '(body)', errors) ?? {};
  unknownKeys(root, BODY_KEYS, '', errors);
  const meta = root.meta === undefined ? {} : (asObject(root.meta, 'meta', errors) ?? {});
  unknownKeys(meta, META_KEYS, 'meta.', errors);
  const q = root.query === undefined ? {} : (asObject(root.query, 'query', errors) ?? {});
  unknownKeys(q, QUERY_KEYS, 'query.', errors);

  const rp =
    q.requestParameters === undefined
      ? {}
      : (asObject(q.requestParameters, 'query.requestParameters', errors) ?? {});
  const grouped =
    rp.g_variant === undefined
      ? undefined
      : asObject(rp.g_variant, 'query.requestParameters.g_variant', errors);
  const variantSource = grouped ?? rp;
  const variantPath = grouped ? 'query.requestParameters.g_variant.' : 'query.requestParameters.';
  for (const key of Object.keys(variantSource)) {
    if (grouped === undefined && (key === 'g_variant' || key === 'datasets' || key === '$schema')) continue;
    if (UNSUPPORTED.includes(key))
      errors.push({ parameter: `${variantPath}${key}`, message: unsupported(key) });
    else if (!(VARIANT_PARAMETERS as readonly string[]).includes(key))
      errors.push({ parameter: `${variantPath}${key}`, message: 'unknown request parameter' });
  }
  if (grouped)
    for (const key of Object.keys(rp))
      if (!['g_variant', 'datasets', '$schema'].includes(key))
        errors.push({ parameter: `query.requestParameters.${key}`, message: 'unknown request parameter' });

  let datasets: unknown;
  if (rp.datasets !== undefined) {
    const d = rp.datasets;
    datasets =
      d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>).datasetIds : d;
  }
  const pagination =
    q.pagination === undefined ? {} : (asObject(q.pagination, 'query.pagination', errors) ?? {});
  unknownKeys(
    pagination,
    ['skip', 'limit', 'currentPage', 'nextPage', 'previousPage'],
    'query.pagination.',
    errors,
  );
  const common = readCommon(
    {
      granularity: q.requestedGranularity,
      skip: pagination.skip,
      limit: pagination.limit,
      includeResultsetResponses: q.includeResultsetResponses,
      datasets,
    },
    (p) =>
      p === 'skip' || p === 'limit'
        ? `query.pagination.${p}`
        : p === 'datasets'
          ? 'query.requestParameters.datasets.datasetIds'
          : `query.${p}`,
    options,
    errors,
  );
  const received: ReceivedRequest = {
    apiVersion:
      meta.apiVersion === undefined
        ? BEACON_API_VERSION
        : (readString(meta.apiVersion, 'meta.apiVersion', errors) ?? BEACON_API_VERSION),
    requestedSchemas: readRequestedSchemas(meta.requestedSchemas, errors),
    testMode: q.testMode === undefined ? false : (readBoolean(q.testMode, 'query.testMode', errors) ?? false),
  };
  const variant = variantFor(
    pick(variantSource, VARIANT_PARAMETERS),
    (p) => `${variantPath}${p}`,
    options,
    errors,
  );
  const filters = q.filters === undefined ? [] : parsePostFilters(q.filters, termsOf(options), errors);
  requireSelection(
    options,
    Object.keys(variantSource).some((k) => (VARIANT_PARAMETERS as readonly string[]).includes(k)),
    q.filters !== undefined,
    `${variantPath}referenceName`,
    errors,
  );
  return { query: assemble(options, common, filters, variant), received, errors };
}

interface Common {
  requestedGranularity: BeaconGranularity;
  includeResultsetResponses: BeaconQuery['includeResultsetResponses'];
  skip: number;
  limit: number;
  datasetIds?: string[];
}

function readCommon(
  raw: {
    granularity: unknown;
    skip: unknown;
    limit: unknown;
    includeResultsetResponses: unknown;
    datasets: unknown;
  },
  name: (p: string) => string,
  options: ParseOptions,
  errors: BeaconRequestError[],
): Common {
  const out: Common = {
    requestedGranularity: options.defaultGranularity ?? 'boolean',
    includeResultsetResponses: 'HIT',
    skip: 0,
    limit: DEFAULT_LIMIT,
  };
  if (raw.granularity !== undefined) {
    const g = typeof raw.granularity === 'string' ? raw.granularity.trim().toLowerCase() : raw.granularity;
    if ((BEACON_GRANULARITIES as readonly unknown[]).includes(g))
      out.requestedGranularity = g as BeaconGranularity;
    else
      errors.push({
        parameter: name('requestedGranularity'),
        message: `${show(raw.granularity)} is not one of ${BEACON_GRANULARITIES.join(', ')}`,
      });
  }
  if (raw.includeResultsetResponses !== undefined) {
    const v =
      typeof raw.includeResultsetResponses === 'string' ? raw.includeResultsetResponses.toUpperCase() : '';
    if ((RESULTSET_RESPONSES as readonly string[]).includes(v))
      out.includeResultsetResponses = v as Common['includeResultsetResponses'];
    else
      errors.push({
        parameter: name('includeResultsetResponses'),
        message: `${show(raw.includeResultsetResponses)} is not one of ${RESULTSET_RESPONSES.join(', ')}`,
      });
  }
  if (raw.skip !== undefined) out.skip = readInt(raw.skip, name('skip'), 0, errors) ?? 0;
  if (raw.limit !== undefined) {
    const limit = readInt(raw.limit, name('limit'), 1, errors);
    if (limit !== undefined && limit > MAX_LIMIT)
      errors.push({
        parameter: name('limit'),
        message: `${limit} is above the page size cap of ${MAX_LIMIT}; page through with skip`,
      });
    else if (limit !== undefined) out.limit = limit;
  }
  if (raw.datasets !== undefined) {
    const ids = listOf(raw.datasets).map((d) => (typeof d === 'string' ? d.trim() : d));
    const bad = ids.filter((d) => typeof d !== 'string' || !d);
    if (bad.length || !ids.length)
      errors.push({
        parameter: name('datasets'),
        message: `${show(raw.datasets)} is not a list of dataset ids`,
      });
    else out.datasetIds = [...new Set(ids as string[])];
  }
  return out;
}

function variantFor(
  raw: Partial<Record<VariantParameter, unknown>>,
  name: (p: VariantParameter) => string,
  options: ParseOptions,
  errors: BeaconRequestError[],
) {
  if (!Object.keys(raw).length) return undefined;
  if (!VARIANT_ENTRIES.includes(options.entryType)) {
    for (const p of Object.keys(raw) as VariantParameter[])
      errors.push({
        parameter: name(p),
        message: `not accepted on ${ENTRY_TYPES[options.entryType].path}; variant parameters go to /g_variants, /individuals or /biosamples`,
      });
    return undefined;
  }
  return parseVariant(raw, name, errors);
}

function assemble(
  options: ParseOptions,
  common: Common,
  filters: BeaconQuery['filters'],
  variant: BeaconQuery['variant'],
): BeaconQuery {
  return {
    entryType: options.entryType,
    ...(variant ? { variant } : {}),
    filters,
    requestedGranularity: common.requestedGranularity,
    includeResultsetResponses: common.includeResultsetResponses,
    skip: common.skip,
    limit: common.limit,
    ...(common.datasetIds ? { datasetIds: common.datasetIds } : {}),
    ...(options.entryId !== undefined ? { entryId: options.entryId } : {}),
  };
}

function readRequestedSchemas(
  raw: unknown,
  errors: BeaconRequestError[],
): ReceivedRequest['requestedSchemas'] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push({ parameter: 'meta.requestedSchemas', message: `${show(raw)} is not a list` });
    return [];
  }
  const out: ReceivedRequest['requestedSchemas'] = [];
  raw.forEach((item, i) => {
    const o = item as { entityType?: unknown; schema?: unknown } | null;
    if (!o || typeof o !== 'object' || typeof o.schema !== 'string')
      errors.push({
        parameter: `meta.requestedSchemas[${i}]`,
        message: 'needs a schema (and an entityType)',
      });
    else
      out.push({
        ...(typeof o.entityType === 'string' ? { entityType: o.entityType } : {}),
        schema: o.schema,
      });
  });
  return out;
}

/**
 * `/g_variants` with neither a variant parameter nor a filter would list every variant the node holds,
 * page by page: refused (the configuration says `nonFilteredQueriesAllowed: false` for variants).
 */
function requireSelection(
  options: ParseOptions,
  hasVariant: boolean,
  hasFilters: boolean,
  parameter: string,
  errors: BeaconRequestError[],
) {
  if (options.entryType !== 'genomicVariant' || options.entryId !== undefined || hasVariant || hasFilters)
    return;
  errors.push({
    parameter,
    message: 'a variant query needs a location (referenceName, start, …), a geneId or a filter',
  });
}

const termsOf = (options: ParseOptions) => (options.filteringTerms ? { terms: options.filteringTerms } : {});

const unsupported = (key: string) =>
  `${key} is a Beacon v2 parameter this Beacon does not answer; leave it out`;

function pick(raw: Record<string, unknown>, keys: readonly VariantParameter[]) {
  const out: Partial<Record<VariantParameter, unknown>> = {};
  for (const k of keys) if (raw[k] !== undefined) out[k] = raw[k];
  return out;
}
