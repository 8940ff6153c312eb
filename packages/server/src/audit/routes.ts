import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { keyFingerprint } from '@openehds/core';
import { requireRole } from '../auth/guard';
import { hubKeyPair } from '../federation/hub-key';
import { validate } from '../http/validate';
import { recordAudit } from './append';
import { Checkpointer, listCheckpoints } from './checkpoints';
import { AuditCheckpointConfig, type AuditCheckpointSettings } from './config';
import { exportChainNdjson } from './export';
import { exportFhirBundle, exportFhirNdjson } from './fhir-export';
import { listAudit, verifyAudit } from './service';

const AuditQuery = z.object({
  actor: z.string().min(1).max(200).optional(),
  object: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const ExportQuery = z.object({ format: z.enum(['chain', 'fhir']).default('chain') });

const NDJSON_TYPES = ['application/fhir+ndjson', 'application/x-ndjson', 'application/ndjson'];

/**
 * The audit log for HDAB staff and admins (Art. 73(1)(e) EHDS; TEHDAS2 OPR-16/17): the events, a
 * verification of the hash chain against the signed checkpoints, the checkpoints themselves and the
 * export (chain NDJSON for `ehds audit verify --file`, or FHIR AuditEvents). Also keeps the hub's
 * checkpointer running for the app's lifetime, with a last checkpoint at shutdown.
 */
export function auditRoutes(
  app: FastifyInstance,
  db: Db,
  idle: number,
  checkpoints: Partial<AuditCheckpointSettings> = {},
): void {
  const staff = requireRole(db, idle, ['hdab_staff', 'admin']);
  const settings = AuditCheckpointConfig.parse(checkpoints);
  const schedule = { every: settings.every, intervalMs: Math.round(settings.intervalMinutes * 60_000) };
  const checkpointer = new Checkpointer(db, schedule, (err) =>
    app.log.error({ err }, 'audit checkpoint failed'),
  );
  app.addHook('onReady', () => checkpointer.start());
  app.addHook('onClose', () => checkpointer.stop());

  app.get('/api/audit', { preHandler: staff }, async (request) => ({
    events: await listAudit(db, validate(AuditQuery, request.query, 'audit query')),
  }));

  // The running hub checks against the key it loaded at start, not a row that may have been swapped.
  app.get('/api/audit/verify', { preHandler: staff }, async () =>
    verifyAudit(db, { publicKey: (await hubKeyPair(db)).publicKey }),
  );

  app.get('/api/audit/checkpoints', { preHandler: staff }, async () => {
    const { publicKey } = await hubKeyPair(db);
    return { publicKey, keyFingerprint: keyFingerprint(publicKey), checkpoints: await listCheckpoints(db) };
  });

  app.get('/api/audit/export', { preHandler: staff }, async (request, reply) => {
    const { format } = validate(ExportQuery, request.query, 'export query');
    const p = request.principal!;
    // Reading the whole log is itself security-relevant (DICOM "Audit Log Used").
    await recordAudit(db, {
      actor: `account:${p.username}`,
      action: 'audit.export',
      object: 'audit-log',
      outcome: 'success',
      details: { format },
    });
    if (format === 'chain') {
      const { publicKey } = await hubKeyPair(db);
      reply.type('application/x-ndjson');
      return reply.send(Readable.from(exportChainNdjson(db, { publicKey })));
    }
    const accept = request.headers.accept ?? '';
    if (NDJSON_TYPES.some((t) => accept.includes(t))) {
      reply.type('application/fhir+ndjson');
      return reply.send(Readable.from(exportFhirNdjson(db)));
    }
    reply.type('application/fhir+json');
    return reply.send(Readable.from(exportFhirBundle(db)));
  });
}
