import type { FastifyInstance } from 'fastify';
import type { Db } from '@openehds/db';
import { requireRole } from '../auth/guard';
import { recordAudit } from '../audit/service';
import { registerNodeMessageHandler } from '../federation';
import type { HubConfig } from '../config';
import { holderNodes, setLocalApiUrl } from './service';

/** Data holders' access to their own nodes. */
export function holderRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): void {
  const { db, idleMinutes } = deps;
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
}
