/**
 * How a node reaches its hub. The node always initiates (it opens no inbound port, DESIGN.md §1), so
 * a transport is one request/response call. Two implementations share this interface: HTTP (fetch)
 * for real deployments and an in-memory twin for tests, so a whole federation runs in one process.
 */

/** One call from node to hub. `path` is the API path (e.g. `/api/federation/pull`). */
export interface TransportRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Aborts the call (the node is stopping); the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** The hub's answer: status and parsed JSON body (problem+json on failure). */
export interface TransportResponse {
  status: number;
  body: unknown;
}

/** A node→hub channel. */
export interface Transport {
  /** Sends one request and resolves with the response, whatever its status. */
  request(req: TransportRequest): Promise<TransportResponse>;
}
