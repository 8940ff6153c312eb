export { ingest, DEFAULT_PERSON_IDENTIFIER_SYSTEM } from './pipeline/ingest';
export type { IngestOptions, IngestProgress } from './pipeline/ingest';
export type { IngestReport, IngestError, IngestedFileReport, TypeCounts } from './pipeline/report';
export { readLines, readHead, openText, isGzip } from './io/read-lines';
export { ADAPTERS, detectAdapter } from './adapters/index';
export type {
  FormatAdapter,
  MapContext,
  MapResult,
  MappedRow,
  PersonRef,
  SourceFormat,
  SourceRecord,
  TargetTable,
} from './types';
