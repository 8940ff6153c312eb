import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import { AppError, type Problem } from '@openehds/core';

/**
 * A per-IP limit on the hub's public endpoints (Art. 50(1): the access infrastructure is protected
 * against abuse; OWASP ASVS V11.1.4 anti-automation). Discovery stays free (TEHDAS2 M4.1.1), but one
 * client cannot flood the catalogue, the transparency register or the feeds and starve everyone else.
 * Sign-in routes have their own, stricter limit (auth/rate-limit.ts).
 */

/** Requests allowed per window and client IP on the public endpoints; `perIp: 0` turns the limit off. */
export const PublicRateLimitSchema = z
  .object({
    perIp: z.number().int().min(0).default(300),
    windowSeconds: z.number().int().min(1).default(60),
  })
  .default({ perIp: 300, windowSeconds: 60 });

/** Rate limit of the public endpoints. */
export type PublicRateLimit = z.infer<typeof PublicRateLimitSchema>;

/**
 * URL prefixes of the public, unauthenticated endpoints: the dataset catalogue (JSON and RDF), the
 * transparency register and its Atom feed (Art. 57(1)(i), 58), well-known documents (JWKS), and the
 * sign-in page's lists, feasibility counts, the Beacon, the regulatory pathway navigator and the case-study
 * library. `/health` stays unlimited (load balancers poll it); federation endpoints are
 * authenticated by node signatures and polled by nodes, so they are not "public" here.
 */
export const PUBLIC_ROUTE_PREFIXES = [
  '/api/datasets',
  '/catalogue',
  '/api/register',
  '/register.atom',
  '/.well-known/',
  '/api/auth/providers',
  '/api/demo/',
  '/api/feasibility',
  '/api/beacon',
  '/api/pathway',
  '/api/case-studies',
] as const;

/** True when a route URL (as registered, `/api/datasets/:id`) is one of the public endpoints. */
export function isPublicRoute(url: string): boolean {
  return PUBLIC_ROUTE_PREFIXES.some((prefix) => url === prefix || url.startsWith(prefix));
}

/** 429 Too Many Requests (RFC 6585 §4) as problem+json; AppError has no 429 kind, so it overrides. */
export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'unavailable',
      `too many requests from your address; wait ${retryAfterSeconds} s and try again ` +
        '(public endpoints are rate-limited per client so that everyone gets served)',
    );
  }

  override get status(): number {
    return 429;
  }

  override toProblem(instance?: string): Problem {
    return {
      ...super.toProblem(instance),
      type: 'https://openehds.eu/problems/too-many-requests',
      title: 'too-many-requests',
    };
  }
}

type Hook = (...args: never[]) => unknown;
const hooksOf = (h: Hook | Hook[] | undefined): Hook[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);

/**
 * Limits every public route, including ones registered later by any feature: call it on the root
 * instance before any route. An `onRoute` hook appends the limiter to each route whose URL has a
 * public prefix, so a new register or catalogue endpoint is covered without touching this file.
 *
 * Why a scope of our own: the identity routes register @fastify/rate-limit inside their own
 * encapsulated scope (auth/rate-limit.ts), so it cannot reach routes outside it. Registering the
 * plugin again at the root would add its `onRoute` hook to the identity routes as well, and their
 * `config.rateLimit` would then be counted twice, with our 429 message in place of theirs. Here the
 * plugin lives in a child scope that has no routes; we only take a limiter from it (`scope.rateLimit`,
 * with the plugin's own store, headers and Retry-After) and attach it where we choose. Routes that
 * carry their own `config.rateLimit` are left to it.
 */
export async function registerPublicRateLimit(app: FastifyInstance, limits: PublicRateLimit): Promise<void> {
  if (limits.perIp === 0) return;
  let limiter: Hook | undefined;
  await app.register(async (scope) => {
    await scope.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new TooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
    });
    limiter = scope.rateLimit({ max: limits.perIp, timeWindow: limits.windowSeconds * 1000 }) as Hook;
  });
  const limit = limiter!;
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isPublicRoute(route.url) || route.config?.rateLimit) return;
    route.onRequest = [...hooksOf(route.onRequest as Hook | Hook[]), limit] as RouteOptions['onRequest'];
  });
}
