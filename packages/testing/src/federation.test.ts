import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '@openehds/server';
import { awaitTaskResult, enqueueTask } from '@openehds/server';
import { FEDERATION_PATHS, type SignedTask, type Transport } from '@openehds/core';
import { createTamperingTransport } from './in-memory-transport';
import { createTestWorld, type TestWorld } from './world';
import { createNodeRuntime, type RuntimeEvent } from '@openehds/node';

// A whole federation (hub + 3 nodes) over the in-memory transport (DESIGN.md §5).
describe('federation in memory: hub and three nodes', () => {
  let world: TestWorld;
  const ran: string[] = [];

  beforeAll(async () => {
    world = await createTestWorld({
      nodes: 3,
      handlers: {
        ping: async (payload, ctx) => {
          ran.push(ctx.nodeId);
          return { pong: payload, node: ctx.nodeId };
        },
        fail: async () => {
          throw new Error('the cohort definition names an unknown concept');
        },
      },
    });
  });
  afterAll(() => world?.close());

  it('registers, approves and links each node to its organisation', async () => {
    const { status, body } = await world.admin<{
      nodes: { id: string; status: string; organisationId: string | null }[];
    }>('GET', '/api/nodes');
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(3);
    expect(body.nodes.every((n) => n.status === 'APPROVED' && n.organisationId)).toBe(true);
    expect(world.nodes.map((n) => n.runtime.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
    await world.nodes[0]!.runtime.heartbeat();
    const seen = await world.admin<{ lastSeenAt: string | null }>(
      'GET',
      `/api/nodes/${world.nodes[0]!.identity.nodeId}`,
    );
    expect(seen.body.lastSeenAt).not.toBeNull();
    const audit = await listAudit(world.hub.db, { limit: 500 });
    expect(audit.filter((e) => e.action === 'node.register')).toHaveLength(3);
    expect(audit.filter((e) => e.action === 'node.approve')).toHaveLength(3);
  });

  it('delivers a signed task to each node, which runs it and returns the result', async () => {
    // Prepare: one ping per node, queued by the hub
    const tasks = await Promise.all(
      world.nodes.map((n, i) =>
        enqueueTask(world.hub.db, {
          nodeId: n.identity.nodeId,
          type: 'ping',
          payload: { seq: i },
          createdBy: null,
        }),
      ),
    );
    // Execute: the nodes pull, run and post results
    const outcomes = await Promise.all(tasks.map((t) => awaitTaskResult(world.hub.db, t.id, 20_000)));
    // Assert
    outcomes.forEach((o, i) => {
      expect(o.status).toBe('DONE');
      expect(o.result).toEqual({ pong: { seq: i }, node: world.nodes[i]!.identity.nodeId });
    });
    expect(new Set(ran)).toEqual(new Set(world.nodes.map((n) => n.identity.nodeId)));
    const audit = await listAudit(world.hub.db, { limit: 500 });
    for (const t of tasks) {
      expect(audit.some((e) => e.action === 'task.claim' && e.object === `task:${t.id}`)).toBe(true);
      expect(
        audit.some(
          (e) => e.action === 'task.complete' && e.object === `task:${t.id}` && e.outcome === 'success',
        ),
      ).toBe(true);
    }
  });

  it('reports a handler failure and an unknown task type as FAILED with the reason', async () => {
    const nodeId = world.nodes[1]!.identity.nodeId;
    const failing = await enqueueTask(world.hub.db, { nodeId, type: 'fail', payload: {}, createdBy: null });
    const unknown = await enqueueTask(world.hub.db, {
      nodeId,
      type: 'cohort.count',
      payload: {},
      createdBy: null,
    });
    const [a, b] = await Promise.all([
      awaitTaskResult(world.hub.db, failing.id, 20_000),
      awaitTaskResult(world.hub.db, unknown.id, 20_000),
    ]);
    expect(a).toMatchObject({ status: 'FAILED', error: 'the cohort definition names an unknown concept' });
    expect(b.status).toBe('FAILED');
    expect(b.error).toMatch(/no handler for task type cohort\.count/);
  });

  it('lets an admin queue a task over the API and read its outcome', async () => {
    const nodeId = world.nodes[2]!.identity.nodeId;
    const queued = await world.admin<{ id: string; status: string }>('POST', `/api/nodes/${nodeId}/tasks`, {
      type: 'ping',
      payload: 'hello',
    });
    expect(queued.status).toBe(201);
    await awaitTaskResult(world.hub.db, queued.body.id, 20_000);
    const read = await world.admin<{ status: string; result: unknown }>(
      'GET',
      `/api/federation/tasks/${queued.body.id}`,
    );
    expect(read.body).toMatchObject({ status: 'DONE', result: { pong: 'hello', node: nodeId } });
  });

  it('a pending node cannot get tasks until approved, then it starts working', async () => {
    const node = await world.addNode({ approve: false });
    expect(node.runtime.status).toBe('PENDING');
    const refused = await world.admin('POST', `/api/nodes/${node.identity.nodeId}/tasks`, { type: 'ping' });
    expect(refused.status).toBe(403);
    await node.runtime.start(); // waits for approval in the background
    const approved = await world.admin<{ status: string }>(
      'POST',
      `/api/nodes/${node.identity.nodeId}/approve`,
      {},
    );
    expect(approved.body.status).toBe('APPROVED');
    const task = await enqueueTask(world.hub.db, {
      nodeId: node.identity.nodeId,
      type: 'ping',
      payload: 1,
      createdBy: null,
    });
    expect((await awaitTaskResult(world.hub.db, task.id, 20_000)).status).toBe('DONE');
    expect(
      node.events.filter((e) => e.kind === 'status').map((e) => (e as { status: string }).status),
    ).toEqual(['PENDING', 'APPROVED']);
  });

  it('the node refuses a task whose hub signature does not verify, and the hub learns why', async () => {
    // Prepare: a node whose transport alters task payloads on the way from hub to node
    const ran2: unknown[] = [];
    const base = await world.addNode({ approve: true });
    const tampered = createTamperingTransport(base.transport, {
      response: (res, req) => {
        if (req.path !== FEDERATION_PATHS.pull || res.status !== 200) return res;
        const body = res.body as { tasks: SignedTask[] };
        return { ...res, body: { tasks: body.tasks.map((t) => ({ ...t, payload: { seq: 'altered' } })) } };
      },
    });
    const events: { kind: string; reason?: string }[] = [];
    const runtime = createNodeRuntime({
      transport: tampered,
      identity: base.identity,
      info: base.info,
      pollWaitMs: 1_000,
      retryMs: 100,
      onEvent: (e) => events.push(e as { kind: string }),
    }).on('ping', async (p) => {
      ran2.push(p);
      return p;
    });
    await runtime.start();
    try {
      // Execute
      const task = await enqueueTask(world.hub.db, {
        nodeId: base.identity.nodeId,
        type: 'ping',
        payload: { seq: 7 },
        createdBy: null,
      });
      const outcome = await awaitTaskResult(world.hub.db, task.id, 20_000);
      // Assert: handler never ran; the task failed with the refusal
      expect(ran2).toEqual([]);
      expect(outcome.status).toBe('FAILED');
      expect(outcome.error).toMatch(/bad-signature/);
      expect(events.some((e) => e.kind === 'task.refused' && e.reason === 'bad-signature')).toBe(true);
    } finally {
      await runtime.stop();
    }
  });

  it('hands a task out again when the answer carrying it was lost on the way', async () => {
    // Prepare: a node whose first pull answer with tasks never arrives
    const base = await world.addNode({ approve: true });
    let dropped = 0;
    const lossy = createTamperingTransport(base.transport, {
      response: (res, req) => {
        const tasks = (res.body as { tasks?: SignedTask[] }).tasks;
        if (req.path !== FEDERATION_PATHS.pull || !tasks?.length || dropped > 0) return res;
        dropped += tasks.length;
        return { ...res, body: { tasks: [] } };
      },
    });
    const runtime = createNodeRuntime({
      transport: lossy,
      identity: base.identity,
      info: base.info,
      pollWaitMs: 1_000,
      retryMs: 100,
    }).on('ping', async (p) => p);
    await runtime.start();
    try {
      // Execute
      const task = await enqueueTask(world.hub.db, {
        nodeId: base.identity.nodeId,
        type: 'ping',
        payload: 'again',
        createdBy: null,
      });
      const outcome = await awaitTaskResult(world.hub.db, task.id, 20_000);
      // Assert: delivered on the second attempt, and the hub audited the redelivery
      expect(dropped).toBe(1);
      expect(outcome).toMatchObject({ status: 'DONE', result: 'again', attempts: 2 });
      const audit = await listAudit(world.hub.db, { object: `task:${task.id}` });
      expect(audit.map((e) => e.action)).toEqual([
        'task.complete',
        'task.claim',
        'task.redeliver',
        'task.claim',
        'task.enqueue',
      ]);
    } finally {
      await runtime.stop();
    }
  });

  it('stops cleanly: the open long poll is aborted and no error is reported', async () => {
    // Prepare: a node whose transport records how each call ended
    const base = await world.addNode({ approve: true });
    const ended: string[] = [];
    let pulling!: () => void;
    const pullStarted = new Promise<void>((resolve) => (pulling = resolve));
    const recording: Transport = {
      async request(req) {
        if (req.path === FEDERATION_PATHS.pull) pulling();
        try {
          const res = await base.transport.request(req);
          ended.push(`${req.path} ${res.status}`);
          return res;
        } catch (err) {
          ended.push(`${req.path} ${(err as Error).name}`);
          throw err;
        }
      },
    };
    const events: RuntimeEvent[] = [];
    const runtime = createNodeRuntime({
      transport: recording,
      identity: base.identity,
      info: base.info,
      pollWaitMs: 25_000,
      onEvent: (e) => events.push(e),
    });
    await runtime.start();
    await pullStarted;
    // Execute
    await runtime.stop();
    // Assert: the pull in flight was aborted rather than waited out, and nothing failed
    expect(ended).toContain(`${FEDERATION_PATHS.pull} AbortError`);
    expect(events.filter((e) => e.kind === 'error')).toEqual([]);
  });

  it('leaves an intact audit hash chain behind', async () => {
    const check = await verifyAudit(world.hub.db);
    expect(check.events).toBeGreaterThan(20);
    expect(check.brokenAt).toBeNull();
  });
});
