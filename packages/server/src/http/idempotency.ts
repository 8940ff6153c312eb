import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '@openehds/db';
import { AppError, conflict, invalid, type Problem } from '@openehds/core';

/**
 * `Idempotency-Key` for the write API (IETF draft-ietf-httpapi-idempotency-key-header): a client that
 * retries a POST/PUT/PATCH/DELETE after a timeout or a dropped connection sends the same key, and the
 * hub answers with the first response instead of acting twice (a second application, a second
 * decision). Keys are scoped to the signed-in account, so one account cannot read another's answers.
 */

/** The request header carrying the key. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on a response that was replayed from the store rather than produced by the handler. */
export const REPLAYED_HEADER = 'idempotent-replayed';
/** How long a key and its stored response are kept (the draft leaves it to the server; 24 h is common). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/**
 * A key still marked in progress after this long belonged to a request that never finished (the hub
 * stopped mid-request); a retry may then take it over rather than getting 409 for a day.
 */
const ABANDONED_MS = 10 * 60_000;
/** `status_code` of a key whose first request is still running (the column is NOT NULL). */
const IN_PROGRESS = 0;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Response headers worth replaying; never `set-cookie` (a replay must not hand out a session). */
const REPLAYED_HEADERS = ['location', 'content-disposition'] as const;

/** A response as stored: its bytes (base64, so any content survives JSONB) and the headers to replay. */
export interface StoredResponse {
  contentType?: string;
  headers: Record<string, string>;
  base64: string;
}

/** What a key says about a new request. */
export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

/** 422: the key was first used for another request (draft §2.7). AppError has no 422 kind, so it overrides. */
export class IdempotencyKeyReused extends AppError {
  constructor() {
    super(
      'invalid',
      'this Idempotency-Key was already used for a different request (method, URL or body); ' +
        'send a new key with a new request, and the same key only to retry the same request',
      [{ path: 'header Idempotency-Key', message: 'already used for a different request' }],
    );
  }

  override get status(): number {
    return 422;
  }

  override toProblem(instance?: string): Problem {
    return {
      ...super.toProblem(instance),
      type: 'https://openehds.eu/problems/idempotency-key-reused',
      title: 'idempotency-key-reused',
    };
  }
}

/**
 * Reads the header: 1–255 printable ASCII characters. The draft defines it as a structured-field
 * string (`"…"`); the quoted form is unwrapped and a bare token is accepted too, as most clients send one.
 */
export function parseIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const raw = Array.isArray(value) ? value.join(', ') : value;
  const key = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (key.length < 1 || key.length > 255 || !/^[\x20-\x7e]+$/.test(key)) {
    throw invalid('the Idempotency-Key header is invalid', [
      {
        path: 'header Idempotency-Key',
        message: 'use 1 to 255 printable ASCII characters, e.g. a UUID generated for this request',
      },
    ]);
  }
  return key;
}

/** SHA-256 of what makes two requests "the same": method, URL with query, and body. */
export function requestHash(method: string, url: string, body: unknown): string {
  const hash = createHash('sha256').update(`${method}\n${url}\n`);
  if (body === undefined) hash.update('none');
  else if (Buffer.isBuffer(body)) hash.update('bytes:').update(body);
  else if (typeof body === 'string') hash.update(`text:${body}`);
  // A parsed JSON body: the retried request carries the same bytes, so the same key order.
  else hash.update(`json:${JSON.stringify(body)}`);
  return hash.digest('hex');
}

/**
 * Claims a key for a request, atomically: the first request inserts it as in progress; a later one
 * learns whether to replay, wait (409) or refuse (422). Expired and abandoned keys are removed first.
 */
export async function claimIdempotencyKey(
  db: Db,
  accountId: string,
  key: string,
  hash: string,
  now = new Date(),
): Promise<Claim> {
  await db.query(
    `DELETE FROM idempotency_key WHERE account_id = $1 AND key = $2
       AND (created_at < $3 OR (status_code = $5 AND created_at < $4))`,
    [
      accountId,
      key,
      new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString(),
      new Date(now.getTime() - ABANDONED_MS).toISOString(),
      IN_PROGRESS,
    ],
  );
  const inserted = await db.query(
    `INSERT INTO idempotency_key (account_id, key, request_hash, status_code, response, created_at)
     VALUES ($1, $2, $3, $4, '{}'::jsonb, $5)
     ON CONFLICT (account_id, key) DO NOTHING RETURNING key`,
    [accountId, key, hash, IN_PROGRESS, now.toISOString()],
  );
  if (inserted.length) return { kind: 'claimed' };
  const [row] = await db.query<{ request_hash: string; status_code: number; response: StoredResponse }>(
    'SELECT request_hash, status_code, response FROM idempotency_key WHERE account_id = $1 AND key = $2',
    [accountId, key],
  );
  // Gone between the insert and the select: its request failed and released it; the client retries.
  if (!row) return { kind: 'in-progress' };
  if (row.request_hash !== hash) return { kind: 'mismatch' };
  if (row.status_code === IN_PROGRESS) return { kind: 'in-progress' };
  return { kind: 'replay', status: row.status_code, response: row.response };
}

/** Keeps the first response of a claimed key. */
export async function storeIdempotentResponse(
  db: Db,
  accountId: string,
  key: string,
  status: number,
  response: StoredResponse,
): Promise<void> {
  await db.query(
    `UPDATE idempotency_key SET status_code = $3, response = $4::jsonb
     WHERE account_id = $1 AND key = $2 AND status_code = $5`,
    [accountId, key, status, JSON.stringify(response), IN_PROGRESS],
  );
}

/** Frees a claimed key whose request produced nothing worth replaying (a 5xx), so a retry runs again. */
export async function releaseIdempotencyKey(db: Db, accountId: string, key: string): Promise<void> {
  await db.query('DELETE FROM idempotency_key WHERE account_id = $1 AND key = $2 AND status_code = $3', [
    accountId,
    key,
    IN_PROGRESS,
  ]);
}

/** Removes keys older than the retention period; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const rows = await db.query('DELETE FROM idempotency_key WHERE created_at < $1 RETURNING key', [
    new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString(),
  ]);
  return rows.length;
}

type Hook = (...args: never[]) => unknown;
const hooksOf = (h: Hook | Hook[] | undefined): Hook[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);

/**
 * Adds idempotency to every write route, including routes registered later by any feature: call it
 * on the root instance before any route. Runs purges hourly while the app is open.
 *
 * Why `onRoute`: the key is scoped to the account, and a route authenticates in its own `preHandler`
 * (`requireRole` sets `request.principal`). Fastify 5 runs instance-level hooks (`app.addHook
 * ('preHandler')`) before route-level ones, so a global preHandler would see no principal yet; and
 * resolving the session a second time here would duplicate the guard (and touch the session twice).
 * An `onRoute` hook instead appends our preHandler after the route's own, so it runs once the route
 * has authenticated and checked the role, just before the handler, and never for a refused caller.
 * Routes without an account (public, node-signed) have no principal and ignore the header.
 */
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  const claimed = new WeakMap<FastifyRequest, { accountId: string; key: string; settled: boolean }>();

  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!WRITE_METHODS.has(request.method)) return;
    const header = request.headers[IDEMPOTENCY_HEADER];
    const principal = request.principal;
    if (header === undefined || !principal) return;
    const key = parseIdempotencyKey(header)!;
    if (/^multipart\//i.test(request.headers['content-type'] ?? '')) {
      // A streamed upload is read by the handler, after this hook: its bytes cannot be hashed here.
      throw invalid('Idempotency-Key is not supported on file uploads; send the upload without it', [
        { path: 'header Idempotency-Key', message: 'not supported on multipart requests' },
      ]);
    }
    const claim = await claimIdempotencyKey(
      db,
      principal.accountId,
      key,
      requestHash(request.method, request.url, request.body),
    );
    if (claim.kind === 'mismatch') throw new IdempotencyKeyReused();
    if (claim.kind === 'in-progress') {
      reply.header('retry-after', '1');
      throw conflict(
        'a request with this Idempotency-Key is still being processed; wait for its answer, then retry',
      );
    }
    if (claim.kind === 'replay') {
      const { response } = claim;
      reply.code(claim.status).header(REPLAYED_HEADER, 'true');
      for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
      if (response.contentType) reply.type(response.contentType);
      return reply.send(Buffer.from(response.base64, 'base64'));
    }
    claimed.set(request, { accountId: principal.accountId, key, settled: false });
  };

  // The handler's answer (or its error, rendered by the problem handler) passes here once serialised.
  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = claimed.get(request);
    if (!pending || pending.settled) return payload;
    pending.settled = true;
    const status = reply.statusCode;
    const replayable = (status >= 200 && status < 300) || (status >= 400 && status < 500);
    const bytes =
      payload === null || payload === undefined
        ? Buffer.alloc(0)
        : typeof payload === 'string'
          ? Buffer.from(payload)
          : Buffer.isBuffer(payload)
            ? payload
            : undefined; // a stream: not kept
    try {
      if (replayable && bytes) {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        const contentType = reply.getHeader('content-type');
        await storeIdempotentResponse(db, pending.accountId, pending.key, status, {
          ...(contentType !== undefined ? { contentType: String(contentType) } : {}),
          headers,
          base64: bytes.toString('base64'),
        });
      } else {
        await releaseIdempotencyKey(db, pending.accountId, pending.key);
      }
    } catch (err) {
      // The response itself is fine; a key that could not be kept is freed so a retry runs again.
      request.log.error({ err }, 'could not keep the response of an Idempotency-Key');
      await releaseIdempotencyKey(db, pending.accountId, pending.key).catch(() => undefined);
    }
    return payload;
  };

  // Safety net: a claimed key whose response never reached onSend (the connection dropped) is freed.
  const onResponse = async (request: FastifyRequest) => {
    const pending = claimed.get(request);
    if (pending && !pending.settled) {
      pending.settled = true;
      await releaseIdempotencyKey(db, pending.accountId, pending.key);
    }
  };

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = [route.method].flat();
    if (!methods.some((m) => WRITE_METHODS.has(m))) return;
    route.preHandler = [
      ...hooksOf(route.preHandler as Hook | Hook[]),
      preHandler,
    ] as RouteOptions['preHandler'];
    route.onSend = [...hooksOf(route.onSend as Hook | Hook[]), onSend] as RouteOptions['onSend'];
    route.onResponse = [
      ...hooksOf(route.onResponse as Hook | Hook[]),
      onResponse,
    ] as RouteOptions['onResponse'];
  });

  const timer = setInterval(() => {
    purgeExpiredIdempotencyKeys(db).catch((err: unknown) =>
      app.log.error({ err }, 'could not purge expired idempotency keys'),
    );
  }, 3600_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
