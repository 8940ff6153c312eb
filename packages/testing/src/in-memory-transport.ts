import type { FastifyInstance } from 'fastify';
import type { Transport, TransportRequest, TransportResponse } from '@openehds/core';

/**
 * The in-memory twin of the HTTP transport: requests go straight into the hub's Fastify app through
 * `app.inject`, with no socket, so a hub and many nodes run in one test process (DESIGN.md §5) and
 * still pass through the same routes, validation, problem+json and audit as over HTTP.
 */
export function createInMemoryTransport(app: FastifyInstance): Transport {
  return {
    async request(req: TransportRequest): Promise<TransportResponse> {
      req.signal?.throwIfAborted();
      const call = app.inject({
        method: req.method,
        url: req.path,
        ...(req.body === undefined
          ? {}
          : { payload: req.body as object, headers: { 'content-type': 'application/json' } }),
        ...(req.signal ? { signal: req.signal } : {}),
      });
      const res = await abortable(call, req.signal);
      const type = String(res.headers['content-type'] ?? '');
      return { status: res.statusCode, body: res.body && /json/.test(type) ? res.json() : res.body };
    },
  };
}

/**
 * Wraps a transport so a test can alter what passes through it, in either direction: the stand-in
 * for a network attacker between node and hub.
 */
export function createTamperingTransport(
  inner: Transport,
  tamper: {
    request?: (req: TransportRequest) => TransportRequest;
    response?: (res: TransportResponse, req: TransportRequest) => TransportResponse;
  },
): Transport {
  return {
    async request(req) {
      const sent = tamper.request ? tamper.request(req) : req;
      const res = await inner.request(sent);
      return tamper.response ? tamper.response(res, sent) : res;
    },
  };
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
