import type { FastifyInstance } from 'fastify';
import type { Db } from '@openehds/db';
import { notFound } from '@openehds/core';
import { requireRole } from '../auth/guard';
import { recordAudit } from '../audit/service';
import { registerNodeMessageHandler } from '../federation';
import type { HubConfig } from '../config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/seed';
import { holderNodes, setLocalApiUrl } from './service';

/** Data holders' access to their own nodes, and the demo's account list. */
export function holderRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): void {
  const { db, idleMinutes, config } = deps;
  registerNodeMessageHandler('node.local-api', (db, node, body) =>
    setLocalApiUrl(db, node.id, (body as { url?: unknown } | null)?.url),
  );

  app.get(
    '/api/holder/nodes',
    { preHandler: requireRole(db, idleMinutes, ['data_holder']) },
    async (request) => {
      const nodes = await holderNodes(db, request.principal!);
      await recordAudit(db, {
        actor: `account:${request.principal!.username}`,
        action: 'holder.node-token',
        object: nodes.map((n) => `node:${n.id}`).join(',') || null,
        outcome: 'success',
      });
      return { nodes };
    },
  );

  // Only in demo mode: the sign-in page lists the demo accounts to pick from.
  app.get('/api/demo/accounts', async () => {
    if (!config.seedDemo) throw notFound('route', '/api/demo/accounts');
    return {
      accounts: DEMO_ACCOUNTS.map(({ username, displayName, role }) => ({ username, displayName, role })),
      password: DEMO_PASSWORD,
    };
  });
}
