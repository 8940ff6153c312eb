import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@openehds/core';
import { cookieValue, SESSION_COOKIE } from '../auth/guard';
import type { Principal } from '../auth/roles';

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * The reader of a public page that shows more to some signed-in users (a draft to its author and
 * staff): null for an anonymous visitor. A bad bearer token is an error the caller must hear about;
 * a stale browser cookie only means the visitor is not signed in (as feasibility/routes.ts does).
 */
export async function optionalReader(
  request: FastifyRequest,
  reply: FastifyReply,
  signedIn: Guard,
): Promise<Principal | null> {
  const bearer = request.headers.authorization?.startsWith('Bearer ') === true;
  const cookie = cookieValue(request, SESSION_COOKIE) !== undefined;
  if (!bearer && !cookie) return null;
  try {
    await signedIn(request, reply);
  } catch (err) {
    if (bearer || !(err instanceof AppError)) throw err;
    return null;
  }
  return request.principal ?? null;
}
