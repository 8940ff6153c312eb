import { createHttp, type HttpOptions } from './http';
import type {
  DatasetDraft,
  IngestBatch,
  IngestReport,
  NodeDataset,
  NodeQuality,
  PublishResult,
} from './node-types';

/** A node's local API as typed methods (bearer token required). */
export interface NodeClient {
  /** Ingests one file sent as the raw request body; the node re-runs the quality checks after. */
  ingest(filename: string, body: BodyInit): Promise<IngestReport>;
  batches(): Promise<IngestBatch[]>;
  quality(): Promise<NodeQuality>;
  runQuality(): Promise<NodeQuality>;
  dataset(): Promise<NodeDataset>;
  /** Saves the draft and returns it as stored; a 400 `ApiError` lists every field at fault in `issues`. */
  saveDraft(draft: DatasetDraft): Promise<DatasetDraft>;
  publish(): Promise<PublishResult>;
}

/** The path of the ingest endpoint for a file name (also used by the browser's XHR upload). */
export function ingestPath(filename: string): string {
  return `/api/ingest?filename=${encodeURIComponent(filename)}`;
}

/** Creates a client for one node; `options.baseUrl` is the node's URL and `options.token` its bearer token. */
export function createNodeClient(options: HttpOptions): NodeClient {
  const send = createHttp(options);
  return {
    ingest: (filename, body) =>
      send<IngestReport>({
        method: 'POST',
        path: ingestPath(filename),
        body,
        contentType: 'application/octet-stream',
      }),
    batches: async () =>
      (await send<{ batches: IngestBatch[] }>({ method: 'GET', path: '/api/ingest/batches' })).batches,
    quality: () => send<NodeQuality>({ method: 'GET', path: '/api/quality' }),
    runQuality: () => send<NodeQuality>({ method: 'POST', path: '/api/quality/run', json: {} }),
    dataset: () => send<NodeDataset>({ method: 'GET', path: '/api/dataset' }),
    saveDraft: async (draft) =>
      (await send<{ draft: DatasetDraft }>({ method: 'PUT', path: '/api/dataset', json: draft })).draft,
    publish: () => send<PublishResult>({ method: 'POST', path: '/api/dataset/publish', json: {} }),
  };
}
