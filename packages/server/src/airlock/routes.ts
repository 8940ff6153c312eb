import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { AIRLOCK_STATUSES, FILE_VOTES } from '@openehds/core';
import { requireRole } from '../auth/guard';
import { registerNodeMessageHandler } from '../federation/handlers';
import { validate } from '../http/validate';
import { hdabSdcPolicy } from '../spe/policy';
import {
  decideRequest,
  downloadFile,
  receiveOutputs,
  releaseRequest,
  requestsFor,
  requestView,
  reviewRequest,
  submitRequest,
  withdrawRequest,
} from './service';

const FileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a plain file name: letters, digits, dot, dash, underscore');
const Outputs = z
  .object({
    permitId: z.string().min(1).max(100),
    origin: z.object({ kind: z.enum(['job', 'analysis']), id: z.string().min(1).max(100) }).strict(),
    author: z.string().min(1).max(200),
    files: z
      .array(
        z
          .object({
            name: FileName,
            mediaType: z.string().min(3).max(100),
            contentBase64: z.string().max(8 << 20),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();
const Id = z.object({ id: z.uuid() });
const FileParams = z.object({ id: z.uuid(), name: FileName });
const ListQuery = z
  .object({ status: z.enum(AIRLOCK_STATUSES).optional(), permit: z.string().max(100).optional() })
  .strict();
const Text = z.string().trim().min(1).max(5000);
const Submit = z.object({ note: Text.optional() }).strict();
const Withdraw = z.object({ reason: Text.optional() }).strict();
const ReviewInput = z
  .object({
    votes: z.record(FileName, z.enum(FILE_VOTES)),
    comments: z.record(FileName, z.string().max(5000)).default({}),
  })
  .strict();
const Decision = z
  .object({ action: z.enum(['approve', 'return', 'reject']), reason: Text.optional() })
  .strict();

/**
 * The airlock (issue 4 §5; Art. 73(2)): nodes hand in the outputs of jobs run under a permit; the
 * author submits them; HDAB output checkers review (two, never the author), decide and release; the
 * author downloads only what was released.
 */
export function airlockRoutes(app: FastifyInstance, deps: { db: Db; idleMinutes: number }): void {
  const { db, idleMinutes } = deps;
  const either = { preHandler: requireRole(db, idleMinutes, ['data_user', 'hdab_staff']) };
  const user = { preHandler: requireRole(db, idleMinutes, ['data_user']) };
  const checker = { preHandler: requireRole(db, idleMinutes, ['hdab_staff']) };

  registerNodeMessageHandler('airlock.outputs', async (db, node, body, { config }) => {
    const r = await receiveOutputs(db, node, validate(Outputs, body, 'outputs'), hdabSdcPolicy(config));
    return { id: r.id, reference: r.reference, status: r.status };
  });

  app.get('/api/airlock', either, async (request) => {
    const q = validate(ListQuery, request.query, 'query');
    return { items: await requestsFor(db, request.principal!, { status: q.status, permitId: q.permit }) };
  });

  app.get('/api/airlock/:id', either, async (request) =>
    requestView(db, request.principal!, validate(Id, request.params, 'path').id),
  );

  app.get('/api/airlock/:id/files/:name', either, async (request, reply) => {
    const { id, name } = validate(FileParams, request.params, 'path');
    const file = await downloadFile(db, request.principal!, id, name);
    reply.header('content-type', file.mediaType);
    reply.header('content-disposition', `attachment; filename="${name}"`);
    reply.header('x-content-type-options', 'nosniff');
    return file.content;
  });

  app.post('/api/airlock/:id/submit', user, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const { note } = validate(Submit, request.body ?? {}, 'submission');
    return submitRequest(db, request.principal!, id, note ?? null);
  });

  app.post('/api/airlock/:id/withdraw', user, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const { reason } = validate(Withdraw, request.body ?? {}, 'withdrawal');
    return withdrawRequest(db, request.principal!, id, reason ?? null);
  });

  app.post('/api/airlock/:id/reviews', checker, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return reviewRequest(db, request.principal!, id, validate(ReviewInput, request.body, 'review'));
  });

  app.post('/api/airlock/:id/decision', checker, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const { action, reason } = validate(Decision, request.body, 'decision');
    return decideRequest(db, request.principal!, id, action, reason ?? null);
  });

  app.post('/api/airlock/:id/release', checker, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return releaseRequest(db, request.principal!, id);
  });
}
