import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignInRateLimit } from './identity-config';
import { TooManyRequests } from './problems';

/**
 * Limits sign-in attempts (OWASP ASVS V2.2.1: anti-automation against credential stuffing and
 * password guessing). Registered in the auth routes' own scope with `global: false`, so only routes
 * that ask for it are limited. Answers 429 problem+json with Retry-After.
 */
export async function registerSignInRateLimit(scope: FastifyInstance): Promise<void> {
  await scope.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new TooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}

/** Route config limiting a route per client IP. */
export function perIpLimit(limits: SignInRateLimit) {
  return { rateLimit: { max: limits.perIp, timeWindow: limits.windowSeconds * 1000 } };
}

/**
 * A preHandler limiting attempts per username whatever the IP, so spreading guesses over many
 * addresses does not help. It may lock a username out for one window; that is the accepted cost.
 */
export function perUsernameLimit(scope: FastifyInstance, limits: SignInRateLimit) {
  const limiter = scope.createRateLimit({
    max: limits.perUsername,
    timeWindow: limits.windowSeconds * 1000,
    keyGenerator: (request) => {
      const username = (request.body as { username?: unknown } | null)?.username;
      return `username:${typeof username === 'string' ? username.trim().toLowerCase() : ''}`;
    },
  });
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const result = await limiter(request);
    if (!result.isAllowed && result.isExceeded) {
      const after = Math.max(1, result.ttlInSeconds);
      reply.header('retry-after', after);
      throw new TooManyRequests(after);
    }
  };
}
