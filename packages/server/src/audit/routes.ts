import type { FastifyInstance } from 'fastify';
import type { Db } from '@openehds/db';
import { requireRole } from '../auth/guard';
import { listAudit, verifyAudit } from './service';

/** The audit log for HDAB staff and admins, and a check of the hash chain. */
export function auditRoutes(app: FastifyInstance, db: Db, idle: number): void {
  const staff = requireRole(db, idle, ['hdab_staff', 'admin']);
  app.get('/api/audit', { preHandler: staff }, async (request) => {
    const q = request.query as { actor?: string; object?: string; limit?: string };
    return {
      events: await listAudit(db, {
        actor: q.actor,
        object: q.object,
        limit: Math.min(Number(q.limit ?? 100) || 100, 1000),
      }),
    };
  });
  app.get('/api/audit/verify', { preHandler: staff }, async () => verifyAudit(db));
}
