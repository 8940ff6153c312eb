import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '@openehds/db';
import { forbidden, unauthenticated } from '@openehds/core';
import { sessionPrincipal } from './service';
import type { Principal, Role } from './roles';

export const SESSION_COOKIE = 'ehds_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Reads the session token from `Authorization: Bearer` (CLI, automation) or the session cookie (browser). */
export function sessionToken(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const cookie = request.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) return undefined;
  try {
    return decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1));
  } catch {
    // A mangled cookie is no session (401), not an internal error.
    return undefined;
  }
}

/**
 * A preHandler that authenticates the request and checks its role; every non-public route uses one.
 * Browser requests that change state must also carry `X-Requested-With`, which a cross-site form
 * cannot set (CSRF defence on top of the SameSite=Strict cookie).
 */
export function requireRole(db: Db, idleMinutes: number, roles: readonly Role[] | 'any') {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = sessionToken(request);
    if (!token) throw unauthenticated('sign in first: no session cookie or bearer token');
    const principal = await sessionPrincipal(db, token, idleMinutes);
    if (!principal) throw unauthenticated('your session has expired or was idle too long; sign in again');
    // The token came from the cookie unless a Bearer header carried it; any other Authorization scheme
    // (which a cross-site page could not set either) must not waive the CSRF check.
    const viaCookie = !request.headers.authorization?.startsWith('Bearer ');
    if (
      viaCookie &&
      request.method !== 'GET' &&
      request.method !== 'HEAD' &&
      !request.headers['x-requested-with']
    ) {
      throw forbidden(
        'state-changing browser requests must send the X-Requested-With header (CSRF protection)',
      );
    }
    if (roles !== 'any' && !roles.includes(principal.role)) {
      throw forbidden(
        `this needs one of the roles ${roles.join(', ')}; you are signed in as ${principal.role}`,
      );
    }
    request.principal = principal;
  };
}
