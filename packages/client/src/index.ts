export { ApiError, toApiError, parseProblem, networkError, normalisePath } from './api-error';
export type { ApiIssue, ProblemDetails } from './api-error';
export { createHttp, joinUrl, requestHeaders, CSRF_HEADER, CSRF_VALUE } from './http';
export type { HttpOptions, HttpRequest, HttpSend } from './http';
export {
  emptyQuery,
  fromSearchParams,
  toSearchParams,
  toggleFacet,
  hasFilters,
  FACET_KEYS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from './dataset-query';
export type { DatasetQuery, FacetKey } from './dataset-query';
export { createHubClient, RDF_FORMATS } from './hub-client';
export type { HubClient, RdfFormat } from './hub-client';
export { createNodeClient, ingestPath } from './node-client';
export type { NodeClient } from './node-client';
export type {
  Role,
  LangText,
  Principal,
  SignInResult,
  DemoAccount,
  DemoAccounts,
  AccessRights,
  Temporal,
  QualitySummary,
  DatasetSummary,
  FacetCount,
  DatasetFacets,
  DatasetSearchResult,
  DatasetDescription,
  DcatAgent,
  DcatLegalBasis,
  DcatDerived,
  DcatQualityLabel,
  SuppressibleCount,
  PyramidCell,
  YearCount,
  ConditionCount,
  DatasetStatistics,
  DimensionSource,
  QualityDimension,
  FailedCheck,
  DatasetQuality,
  DatasetDetail,
  NodeStatus,
  HubNode,
  AuditEvent,
  AuditVerification,
  HolderNode,
} from './types';
export type {
  IngestCounts,
  IngestRejection,
  IngestedFile,
  IngestReport,
  IngestBatch,
  QualityCheckResult,
  QualityTrendPoint,
  LabelBasis,
  LabelDimension,
  NodeLabel,
  NodeQuality,
  DatasetDraft,
  NodeDataset,
  PublishResult,
} from './node-types';
