import type { Transport, TransportRequest, TransportResponse } from '@openehds/core';

/**
 * The HTTP transport: the node calls the hub's API with fetch. The hub URL may carry a path prefix
 * (a reverse proxy); signatures cover the API path only, so the prefix does not matter to them.
 */
export function createHttpTransport(hubUrl: string): Transport {
  const base = hubUrl.replace(/\/+$/, '');
  return {
    async request(req: TransportRequest): Promise<TransportResponse> {
      const res = await fetch(`${base}${req.path}`, {
        method: req.method,
        headers:
          req.body === undefined
            ? { accept: 'application/json' }
            : { 'content-type': 'application/json', accept: 'application/json' },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: req.signal,
      });
      const text = await res.text();
      let body: unknown = text;
      if (text && /json/.test(res.headers.get('content-type') ?? '')) body = JSON.parse(text);
      return { status: res.status, body };
    },
  };
}
