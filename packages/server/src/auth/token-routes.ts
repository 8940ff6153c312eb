import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { forbidden } from '@openehds/core';
import { validate } from '../http/validate';
import { recordAudit } from '../audit/service';
import { requireRole } from './guard';
import { API_TOKEN_SCOPES, createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { MEMBER_ROLES } from './roles';
import type { AuthDeps } from './routes';

const NewToken = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1).max(API_TOKEN_SCOPES.length),
  expiresInDays: z.number().int().min(1).max(365),
});
const TokenId = z.object({ id: z.uuid() });

/** Personal API tokens for the CLI and automation (README.md). Citizens have no use for them. */
export function tokenRoutes(app: FastifyInstance, { db, config }: AuthDeps): void {
  const guard = requireRole(db, config.sessionIdleMinutes, MEMBER_ROLES);

  app.post('/api/tokens', { preHandler: guard }, async (request, reply) => {
    // A leaked token must not be able to mint itself successors.
    if (request.apiToken)
      throw forbidden('create API tokens from a signed-in session, not with an API token');
    const input = validate(NewToken, request.body, 'API token');
    const p = request.principal!;
    const { token, secret } = await createApiToken(db, p.accountId, input);
    await recordAudit(db, {
      actor: `account:${p.username}`,
      action: 'token.create',
      object: `token:${token.id}`,
      outcome: 'success',
      details: { name: token.name, scopes: token.scopes, expiresAt: token.expiresAt },
    });
    reply.status(201);
    // The secret is shown this once; the hub keeps only its hash.
    return { ...token, secret };
  });

  app.get('/api/tokens', { preHandler: guard }, async (request) => ({
    tokens: await listApiTokens(db, request.principal!.accountId),
  }));

  app.delete('/api/tokens/:id', { preHandler: guard }, async (request) => {
    const { id } = validate(TokenId, request.params, 'token id');
    const p = request.principal!;
    const token = await revokeApiToken(db, p.accountId, id);
    await recordAudit(db, {
      actor: `account:${p.username}`,
      action: 'token.revoke',
      object: `token:${token.id}`,
      outcome: 'success',
      details: { name: token.name, ...(request.apiToken ? { byToken: request.apiToken.id } : {}) },
    });
    return token;
  });
}
