import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '@openehds/db';
import { forbidden, unauthenticated } from '@openehds/core';
import { lookupSession } from './service';
import { API_TOKEN_PREFIX, apiTokenPrincipal, type ApiTokenScope } from './api-tokens';
import type { Principal, Role } from './roles';

export const SESSION_COOKIE = 'ehds_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** Set when the request authenticated with a personal API token rather than a session. */
    apiToken?: { id: string; scopes: ApiTokenScope[] };
  }
}

/** The value of one cookie of the request, or undefined (also for a mangled, undecodable value). */
export function cookieValue(request: FastifyRequest, name: string): string | undefined {
  const cookie = request.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`));
  if (!cookie) return undefined;
  try {
    return decodeURIComponent(cookie.slice(name.length + 1));
  } catch {
    // A mangled cookie is no credential (401), not an internal error.
    return undefined;
  }
}

/** Reads the session token from `Authorization: Bearer` (CLI, automation) or the session cookie (browser). */
export function sessionToken(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  return cookieValue(request, SESSION_COOKIE);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A preHandler that authenticates the request and checks its role; every non-public route uses one.
 * A Bearer credential is a session token or a personal API token (`ehds_pat_…`, acting with its
 * account's role, limited to GET routes with the `read` scope). Browser requests that change state
 * must also carry `X-Requested-With`, which a cross-site form cannot set (CSRF defence on top of the
 * SameSite=Strict cookie); Bearer requests are not sent by browsers on their own and need no such header.
 */
export function requireRole(db: Db, idleMinutes: number, roles: readonly Role[] | 'any') {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = sessionToken(request);
    if (!token) throw unauthenticated('sign in first: no session cookie or bearer token');
    const viaBearer = request.headers.authorization?.startsWith('Bearer ') === true;
    let principal: Principal;
    if (viaBearer && token.startsWith(API_TOKEN_PREFIX)) {
      const found = await apiTokenPrincipal(db, token);
      if (!found) throw unauthenticated('this API token is unknown, revoked or expired; create a new one');
      if (!SAFE_METHODS.has(request.method) && !found.scopes.includes('write')) {
        throw forbidden(
          'this API token has only the read scope; create one with the write scope to change things',
        );
      }
      principal = found.principal;
      request.apiToken = { id: found.tokenId, scopes: found.scopes };
    } else {
      const found = await lookupSession(db, token, idleMinutes);
      if (found === 'mfa-required') {
        throw unauthenticated(
          `the role of this account needs a sign-in with an authenticator code; sign in again`,
        );
      }
      if (found === 'unknown') {
        throw unauthenticated('your session has expired or was idle too long; sign in again');
      }
      principal = found;
    }
    // Any other Authorization scheme (which a cross-site page could not set either) must not waive the
    // CSRF check: only Bearer does.
    if (!viaBearer && !SAFE_METHODS.has(request.method) && !request.headers['x-requested-with']) {
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
