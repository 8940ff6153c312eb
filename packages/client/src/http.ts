import { ApiError, networkError, toApiError } from './api-error';

/** The header every state-changing browser request sends; the hub refuses cookie-authenticated writes without it (CSRF). */
export const CSRF_HEADER = 'X-Requested-With';
/** The value of the CSRF header. */
export const CSRF_VALUE = 'openehds';

/** How to reach an API: base URL (empty for same origin in the browser), optional bearer token. */
export interface HttpOptions {
  /** `https://hub.example.eu`, or '' in the browser to call the page's own origin. */
  baseUrl: string;
  /** Bearer token (CLI, node, or the short-lived node token in the browser); omitted → session cookie. */
  token?: string | (() => string | undefined);
  /** fetch implementation; defaults to the global one (browser, Node ≥ 18). */
  fetch?: typeof fetch;
  /** Sent with browser requests so the HttpOnly session cookie travels; ignored by Node. */
  credentials?: RequestCredentials;
}

/** A request to send: method, path with query, and an optional JSON or raw body. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  accept?: string;
  /** 'text' returns the body as text even when it is JSON (e.g. JSON-LD to save as a file). */
  responseType?: 'json' | 'text';
  signal?: AbortSignal;
}

/** Sends one request; resolves to the parsed JSON (or text), rejects with `ApiError`. */
export type HttpSend = <T>(request: HttpRequest) => Promise<T>;

/** Joins a base URL and a path without doubling or dropping the slash. */
export function joinUrl(baseUrl: string, path: string): string {
  if (!baseUrl) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The headers for a request: Accept, Content-Type, bearer token and, for every non-GET, the CSRF header. */
export function requestHeaders(request: HttpRequest, token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { Accept: request.accept ?? 'application/json' };
  if (request.json !== undefined) headers['Content-Type'] = 'application/json';
  else if (request.contentType) headers['Content-Type'] = request.contentType;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (request.method !== 'GET') headers[CSRF_HEADER] = CSRF_VALUE;
  return headers;
}

/** Creates the sender that every client method goes through, so auth and error mapping live in one place. */
export function createHttp(options: HttpOptions): HttpSend {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const tokenOf = (): string | undefined =>
    typeof options.token === 'function' ? options.token() : options.token;
  return async <T>(request: HttpRequest): Promise<T> => {
    let response: Response;
    try {
      const init: RequestInit & { duplex?: 'half' } = {
        method: request.method,
        headers: requestHeaders(request, tokenOf()),
        body: request.json !== undefined ? JSON.stringify(request.json) : request.body,
        credentials: options.credentials,
        signal: request.signal,
      };
      // Node's fetch streams a ReadableStream body only in half-duplex mode (a large file is never buffered).
      if (typeof ReadableStream !== 'undefined' && request.body instanceof ReadableStream)
        init.duplex = 'half';
      response = await doFetch(joinUrl(options.baseUrl, request.path), init);
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') throw err;
      throw networkError(err);
    }
    const text = await response.text();
    if (!response.ok) throw toApiError(response.status, response.headers.get('content-type'), text);
    if (!text) return undefined as T;
    if (request.responseType === 'text') return text as T;
    const type = response.headers.get('content-type') ?? '';
    if (!/json/i.test(type)) return text as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, { detail: 'the server sent a response that is not valid JSON' });
    }
  };
}
