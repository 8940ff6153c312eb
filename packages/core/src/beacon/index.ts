export { BEACON_ENTRY_TYPES, BEACON_GRANULARITIES } from './query';
export type {
  BeaconAccess,
  BeaconEntryType,
  BeaconFilter,
  BeaconGranularity,
  BeaconQuery,
  BeaconResultSet,
  BeaconVariantQuery,
} from './query';
export { ASSEMBLY_ALIASES, BEACON_ASSEMBLIES, normaliseAssembly } from './assembly';
export type { BeaconAssembly } from './assembly';
export { normaliseReferenceName } from './reference-name';
export {
  BEACON_API_VERSION,
  DEFAULT_LIMIT,
  MAX_BASES_LENGTH,
  MAX_FILTERS,
  MAX_LIMIT,
  MAX_RANGE_BASES,
} from './limits';
export { describeErrors } from './request-error';
export type { BeaconRequestError } from './request-error';
export { BEACON_VARIANT_TYPES, parseVariant, VARIANT_PARAMETERS } from './parse-variant';
export { parseGetFilters, parsePostFilters } from './parse-filters';
export { parseGetRequest, parsePostRequest } from './parse-request';
export type { ParsedBeaconRequest, ParseOptions, ReceivedRequest } from './parse-request';
export { ENTRY_TYPES, entryTypeOfScope, returnedSchemas } from './entry-types';
export type { EntryTypeInfo } from './entry-types';
export {
  AGE_FILTERING_TERM,
  filteringTermsResponse,
  filteringTermsResults,
  SEX_FILTERING_TERMS,
} from './filtering-terms';
export type { BeaconFilteringTerm } from './filtering-terms';
export { filterText, informationalMeta, receivedRequestSummary, responseMeta } from './response-meta';
export { beaconErrorResponse, requestErrorResponse } from './error-response';
export type { BeaconErrorResponse } from './error-response';
export { beaconResultResponse, returnedGranularity } from './result-response';
export type { BeaconResultResponse, ResultResponseInput, ResultSetOut } from './result-response';
export { beaconInfoResponse, serviceInfo } from './info';
export type { BeaconDescription } from './info';
export {
  configurationResponse,
  entryTypeDefinition,
  entryTypesResponse,
  mapResponse,
  SERVED_ENTRY_TYPES,
} from './configuration';
export { cohortsResponse, datasetsResponse } from './collections';
export type { BeaconCohortInput, BeaconDatasetInput } from './collections';
