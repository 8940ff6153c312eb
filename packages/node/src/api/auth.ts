import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated, verifyAccessToken } from '@openehds/core';

/** Who may call the node's local API, and how each caller proves it. */
export interface LocalAuth {
  /** The node's id at the hub (the audience of hub-issued tokens); null until registered. */
  nodeId(): string | null;
  /** The hub's public key (PEM), learnt at registration; null until then. */
  hubPublicKey(): string | null;
  /** The node operator's own token (kept in the data dir, mode 600), for the CLI on the holder's side. */
  operatorToken: string;
}

/** The caller of a local API request. */
export interface LocalCaller {
  subject: string;
  via: 'operator-token' | 'hub-token';
}

/**
 * Authenticates a local API request: either the operator token, or a short-lived token the hub issued
 * to a signed-in data holder of this node's organisation (checked against the hub's key and this
 * node's id). Only data holders get through; no other role touches a node's data.
 */
export function authenticate(request: FastifyRequest, auth: LocalAuth): LocalCaller {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) throw unauthenticated('send Authorization: Bearer <token>');
  const token = header.slice(7);
  const a = Buffer.from(token);
  const b = Buffer.from(auth.operatorToken);
  if (a.length === b.length && timingSafeEqual(a, b)) return { subject: 'operator', via: 'operator-token' };
  const key = auth.hubPublicKey();
  const nodeId = auth.nodeId();
  if (!key || !nodeId)
    throw unauthenticated('this node is not registered with a hub yet; use the operator token');
  const claims = verifyAccessToken(key, token, nodeId);
  if (claims.role !== 'data_holder')
    throw forbidden('only the data holder running this node may use its local API');
  return { subject: `account:${claims.sub}`, via: 'hub-token' };
}
