import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { notFound, zodIssues } from '@openehds/core';
import type { HubConfig } from '../config';
import { requireRole } from '../auth/guard';
import { validate } from '../http/validate';
import { acceptNodeMessage, rejectMessage } from './accept';
import { FEDERATION_PATHS, keyFingerprint, type MessageTarget } from '@openehds/core';
import { nodeMessageHandler, nodeMessageTypes } from './handlers';
import { hubKeyPair } from './hub-key';
import { decideNode, findNode, listNodes } from './nodes';
import { registerNode } from './register';
import { completeTask, enqueueTask, getTask, MAX_PULL_WAIT_MS, pullTasks } from './tasks';

const PullBody = z.object({
  waitMs: z.number().int().min(0).max(60_000),
  max: z.number().int().min(1).max(100).optional(),
  held: z.array(z.uuid()).max(1000).default([]),
});
const ResultBody = z.discriminatedUnion('ok', [
  z.object({ taskId: z.uuid(), ok: z.literal(true), result: z.json() }),
  z.object({ taskId: z.uuid(), ok: z.literal(false), error: z.string().min(1).max(10_000) }),
]);
const IdParams = z.object({ id: z.uuid('a node or task id is a UUID') });
const StatusQuery = z.object({ status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'REVOKED']).optional() });
const DecisionBody = z.object({ reason: z.string().trim().min(1).max(1000).optional() }).optional();
const EnqueueBody = z.object({ type: z.string().min(1).max(100), payload: z.json().optional() });

const post = (path: string): MessageTarget => ({ method: 'POST', path });

/**
 * The federation coordinator's endpoints. Node endpoints take signed envelopes and need no session
 * (the signature is the authentication); admin endpoints need an admin session.
 */
export async function federationRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): Promise<void> {
  const { db, idleMinutes } = deps;
  const admin = { preHandler: requireRole(db, idleMinutes, ['admin']) };
  // Long polls end when the hub stops, so a clean shutdown is not held up by waiting nodes.
  const stopping = new AbortController();
  app.addHook('preClose', async () => stopping.abort());
  await hubKeyPair(db);

  // ---- node → hub (signed) ----
  app.get(FEDERATION_PATHS.hubKey, async () => {
    const hub = await hubKeyPair(db);
    return { algorithm: 'Ed25519', publicKey: hub.publicKey, fingerprint: keyFingerprint(hub.publicKey) };
  });

  app.post(FEDERATION_PATHS.register, async (request) => registerNode(db, request.body));

  app.post(FEDERATION_PATHS.heartbeat, async (request) => {
    const { node } = await acceptNodeMessage(db, post(FEDERATION_PATHS.heartbeat), request.body, {
      types: ['node.heartbeat'],
    });
    return { nodeId: node.id, status: node.status, at: new Date().toISOString() };
  });

  app.post(FEDERATION_PATHS.pull, async (request, reply) => {
    const target = post(FEDERATION_PATHS.pull);
    const { node, envelope } = await acceptNodeMessage(db, target, request.body, { types: ['task.pull'] });
    const body = await bodyOf(db, target, request, PullBody, envelope.body);
    const gone = new AbortController();
    // The connection closing before we answer means the node stopped (or lost the network): stop
    // waiting. Tasks claimed for an answer that never arrives are handed out again on its next pull.
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
    const signal = AbortSignal.any([gone.signal, stopping.signal]);
    const waitMs = Math.min(body.waitMs, MAX_PULL_WAIT_MS);
    return { tasks: await pullTasks(db, node.id, { waitMs, max: body.max, held: body.held, signal }) };
  });

  app.post(FEDERATION_PATHS.result, async (request) => {
    const target = post(FEDERATION_PATHS.result);
    const { node, envelope } = await acceptNodeMessage(db, target, request.body, { types: ['task.result'] });
    const body = await bodyOf(db, target, request, ResultBody, envelope.body);
    const task = await completeTask(db, node.id, body);
    return { taskId: task.id, status: task.status };
  });

  app.post(FEDERATION_PATHS.messages, async (request) => {
    const target = post(FEDERATION_PATHS.messages);
    const { node, envelope } = await acceptNodeMessage(db, target, request.body, {
      types: nodeMessageTypes(),
    });
    const handler = nodeMessageHandler(envelope.type);
    if (!handler) throw notFound('node message handler', envelope.type);
    return handler(db, node, envelope.body, { envelope, config: deps.config });
  });

  // ---- admin ----
  app.get('/api/nodes', admin, async (request) => {
    const { status } = validate(StatusQuery, request.query, 'query');
    return { nodes: await listNodes(db, status) };
  });

  app.get('/api/nodes/:id', admin, async (request) => {
    const { id } = validate(IdParams, request.params, 'path');
    const node = await findNode(db, id);
    if (!node) throw notFound('node', id);
    return node;
  });

  for (const decision of ['approve', 'reject', 'revoke'] as const) {
    app.post(`/api/nodes/:id/${decision}`, admin, async (request) => {
      const { id } = validate(IdParams, request.params, 'path');
      const body = validate(DecisionBody, request.body ?? undefined, 'decision');
      const p = request.principal!;
      return decideNode(db, {
        nodeId: id,
        decision,
        actor: { accountId: p.accountId, username: p.username },
        reason: body?.reason,
      });
    });
  }

  app.post('/api/nodes/:id/tasks', admin, async (request, reply) => {
    const { id } = validate(IdParams, request.params, 'path');
    const body = validate(EnqueueBody, request.body, 'task');
    const task = await enqueueTask(db, {
      nodeId: id,
      type: body.type,
      payload: body.payload ?? null,
      createdBy: request.principal!.accountId,
    });
    reply.status(201);
    return task;
  });

  app.get('/api/federation/tasks/:id', admin, async (request) => {
    const { id } = validate(IdParams, request.params, 'path');
    return getTask(db, id);
  });
}

/** Validates a signed body; an authentic but invalid body is refused as malformed and audited too. */
async function bodyOf<S extends z.ZodType>(
  db: Db,
  target: MessageTarget,
  request: FastifyRequest,
  schema: S,
  body: unknown,
): Promise<z.infer<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error).map((i) => ({ path: `body.${i.path ?? ''}`, message: i.message }));
  throw await rejectMessage(db, target, request.body, 'malformed', 'the message body is invalid', issues);
}
