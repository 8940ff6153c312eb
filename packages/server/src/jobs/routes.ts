import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { requireRole } from '../auth/guard';
import { registerNodeMessageHandler } from '../federation/handlers';
import { validate } from '../http/validate';
import { receiveJobFinished, receiveJobLog } from './messages';
import { cancelJob, jobLogs, jobView, submitJob, workspaceJobs } from './service';

const noNul = (s: string) => !s.includes('\0');

/** A job submission (issue 4 §5): the defaults are a small CPU job of one hour. */
const Submit = z
  .object({
    language: z.enum(['python', 'r', 'javascript']),
    script: z.string().min(1).max(1_000_000).refine(noNul, 'no NUL bytes'),
    args: z.array(z.string().max(4096).refine(noNul, 'no NUL bytes')).max(100).default([]),
    backend: z.enum(['local', 'slurm', 'tes']).optional(),
    limits: z
      .object({
        cpus: z.number().int().min(1).max(64).default(1),
        memoryMb: z.number().int().min(64).max(262_144).default(1024),
        timeSeconds: z
          .number()
          .int()
          .min(1)
          .max(7 * 24 * 3600)
          .default(3600),
        gpus: z.number().int().min(0).max(16).default(0),
      })
      .strict()
      .prefault({}),
    node: z.uuid().optional(),
  })
  .strict();

const PermitParam = z.object({ id: z.string().min(1).max(100) });
const Id = z.object({ id: z.uuid() });
const LogQuery = z.object({ offset: z.coerce.number().int().min(0).default(0) }).strict();

const Id80 = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/);
const LogMessage = z
  .object({
    jobId: z.uuid(),
    permitId: Id80,
    offset: z.number().int().min(0),
    text: z.string().max(1 << 20),
    state: z.enum(['queued', 'running']),
  })
  .strict();
const FinishedMessage = z
  .object({
    jobId: z.uuid(),
    permitId: Id80,
    state: z.enum(['succeeded', 'failed', 'cancelled']),
    exitCode: z.number().int().optional(),
    reason: z.string().max(40).optional(),
    message: z.string().max(2000).nullable(),
    startedAt: z.iso.datetime({ offset: true }).nullable(),
    endedAt: z.iso.datetime({ offset: true }).nullable(),
    outputs: z.array(z.object({ name: z.string().max(200), size: z.number().int().min(0) }).strict()).max(50),
    withheld: z
      .array(z.object({ path: z.string().max(1000), reason: z.string().max(500) }).strict())
      .max(1000),
    airlock: z
      .object({ id: z.uuid(), reference: z.string().max(40) })
      .strict()
      .nullable(),
    airlockError: z.string().max(2000).nullable(),
    gpuHoursUsed: z.number().min(0).nullable(),
  })
  .strict();

/**
 * Code-to-data jobs (issue 4 §5–6): named persons of an active permit submit scripts to run at the
 * node holding the data; they and HDAB staff follow the status and log; the outputs go to the airlock.
 */
export function jobRoutes(app: FastifyInstance, deps: { db: Db; idleMinutes: number }): void {
  const { db, idleMinutes } = deps;
  const user = { preHandler: requireRole(db, idleMinutes, ['data_user']) };
  const either = { preHandler: requireRole(db, idleMinutes, ['data_user', 'hdab_staff']) };

  registerNodeMessageHandler('job.log', async (db, node, body) =>
    receiveJobLog(db, node, validate(LogMessage, body, 'job log')),
  );
  registerNodeMessageHandler('job.finished', async (db, node, body) =>
    receiveJobFinished(db, node, validate(FinishedMessage, body, 'job end')),
  );

  app.post('/api/workspaces/:id/jobs', user, async (request, reply) => {
    const { id } = validate(PermitParam, request.params, 'path');
    const input = validate(Submit, request.body, 'job');
    const job = await submitJob(db, request.principal!, id, input);
    reply.code(201);
    return job;
  });

  app.get('/api/workspaces/:id/jobs', either, async (request) => {
    const { id } = validate(PermitParam, request.params, 'path');
    return { items: await workspaceJobs(db, request.principal!, id) };
  });

  app.get('/api/jobs/:id', either, async (request) =>
    jobView(db, request.principal!, validate(Id, request.params, 'path').id),
  );

  app.get('/api/jobs/:id/logs', either, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const { offset } = validate(LogQuery, request.query, 'query');
    return jobLogs(db, request.principal!, id, offset);
  });

  app.post('/api/jobs/:id/cancel', either, async (request) =>
    cancelJob(db, request.principal!, validate(Id, request.params, 'path').id),
  );
}
