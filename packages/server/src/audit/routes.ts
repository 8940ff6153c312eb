import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { requireRole } from '../auth/guard';
import { validate } from '../http/validate';
import { listAudit, verifyAudit } from './service';

const AuditQuery = z.object({
  actor: z.string().min(1).max(200).optional(),
  object: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The audit log for HDAB staff and admins, and a check of the hash chain. */
export function auditRoutes(app: FastifyInstance, db: Db, idle: number): void {
  const staff = requireRole(db, idle, ['hdab_staff', 'admin']);
  app.get('/api/audit', { preHandler: staff }, async (request) => ({
    events: await listAudit(db, validate(AuditQuery, request.query, 'audit query')),
  }));
  app.get('/api/audit/verify', { preHandler: staff }, async () => verifyAudit(db));
}
