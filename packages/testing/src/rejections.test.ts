import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@openehds/server';
import {
  FEDERATION_PATHS,
  generateFederationKeyPair,
  signEnvelope,
  type Envelope,
  type TransportResponse,
} from '@openehds/core';
import { registerNodeMessageHandler } from '@openehds/server';
import { createTestWorld, type TestNode, type TestWorld } from './world';

// Every refusal of a node message is answered with problem+json AND leaves an audit record with
// its reason. Messages are sent over the in-memory transport, as a node (or an attacker) would.
describe('the hub refuses and audits bad node messages', () => {
  let world: TestWorld;
  let node: TestNode;
  const heartbeat = { method: 'POST', path: FEDERATION_PATHS.heartbeat };

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 3, start: false });
    node = world.nodes[0]!;
  });
  afterAll(() => world?.close());

  const send = (path: string, body: unknown) => world.transport().request({ method: 'POST', path, body });
  const signed = (
    over: Partial<{ type: string; body: unknown; now: Date; nodeId: string; key: string }> = {},
  ): Envelope =>
    signEnvelope(
      over.key ?? node.identity.privateKey,
      heartbeat,
      {
        nodeId: over.nodeId ?? node.identity.nodeId,
        type: over.type ?? 'node.heartbeat',
        body: over.body ?? {},
      },
      { now: over.now },
    );

  /** The problem+json answer and the audit record the refusal left. */
  async function refusal(res: TransportResponse, reason: string, nonce?: string) {
    const problem = res.body as { type: string; detail: string; issues: { path: string; message: string }[] };
    expect(problem.type).toMatch(/^https:\/\/openehds\.eu\/problems\//);
    expect(problem.detail).toContain(`(${reason})`);
    expect(problem.issues).toContainEqual({ path: 'reason', message: reason });
    const audit = await listAudit(world.hub.db, { limit: 1000 });
    const record = audit.find(
      (e) =>
        e.action === 'message.reject' && e.details.reason === reason && (!nonce || e.details.nonce === nonce),
    );
    expect(record, `an audit record for ${reason}`).toBeDefined();
    expect(record!.outcome).toBe('rejected');
    return record!;
  }

  it('accepts a well-signed heartbeat from an approved node', async () => {
    const res = await send(FEDERATION_PATHS.heartbeat, signed());
    expect(res.status).toBe(200);
    const listed = await world.admin<{ lastSeenAt: string | null }>(
      'GET',
      `/api/nodes/${node.identity.nodeId}`,
    );
    expect(listed.body.lastSeenAt).not.toBeNull();
  });

  it('refuses a tampered body', async () => {
    const env = signed({ body: { load: 1 } });
    const res = await send(FEDERATION_PATHS.heartbeat, { ...env, body: { load: 99 } });
    expect(res.status).toBe(401);
    const record = await refusal(res, 'bad-signature', env.nonce);
    expect(record.actor).toBe(`node:${node.identity.nodeId}`);
  });

  it('refuses a message signed for another endpoint', async () => {
    const env = signed();
    const res = await send(FEDERATION_PATHS.pull, { ...env, type: 'task.pull' });
    expect(res.status).toBe(401);
    await refusal(res, 'bad-signature', env.nonce);
  });

  it('refuses the replay of an accepted message', async () => {
    const env = signed();
    expect((await send(FEDERATION_PATHS.heartbeat, env)).status).toBe(200);
    const res = await send(FEDERATION_PATHS.heartbeat, env);
    expect(res.status).toBe(409);
    await refusal(res, 'replayed', env.nonce);
  });

  it('refuses an unsigned message', async () => {
    const { signature: _none, ...unsigned } = signed();
    const res = await send(FEDERATION_PATHS.heartbeat, unsigned);
    expect(res.status).toBe(401);
    await refusal(res, 'unsigned', unsigned.nonce);
  });

  it('refuses a stale message and one from the future', async () => {
    const old = signed({ now: new Date(Date.now() - 6 * 60_000) });
    const res = await send(FEDERATION_PATHS.heartbeat, old);
    expect(res.status).toBe(401);
    await refusal(res, 'stale', old.nonce);
    const future = signed({ now: new Date(Date.now() + 10 * 60_000) });
    const res2 = await send(FEDERATION_PATHS.heartbeat, future);
    expect(res2.status).toBe(401);
    await refusal(res2, 'stale', future.nonce);
  });

  it('refuses a message from an unknown node', async () => {
    const stranger = generateFederationKeyPair();
    const env = signed({ nodeId: randomUUID(), key: stranger.privateKey });
    const res = await send(FEDERATION_PATHS.heartbeat, env);
    expect(res.status).toBe(401);
    const record = await refusal(res, 'unknown-node', env.nonce);
    expect(record.object).toBe(`node:${env.nodeId}`);
  });

  it('refuses a registered node that is not yet approved, and one that was revoked', async () => {
    const pending = await world.addNode({ approve: false });
    const env = signEnvelope(
      pending.identity.privateKey,
      { method: 'POST', path: FEDERATION_PATHS.pull },
      { nodeId: pending.identity.nodeId, type: 'task.pull', body: { waitMs: 0 } },
    );
    const res = await send(FEDERATION_PATHS.pull, env);
    expect(res.status).toBe(403);
    await refusal(res, 'not-approved', env.nonce);

    const revoked = world.nodes[2]!;
    expect(
      (await world.admin('POST', `/api/nodes/${revoked.identity.nodeId}/revoke`, { reason: 'key leaked' }))
        .status,
    ).toBe(200);
    const env2 = signEnvelope(revoked.identity.privateKey, heartbeat, {
      nodeId: revoked.identity.nodeId,
      type: 'node.heartbeat',
      body: {},
    });
    const res2 = await send(FEDERATION_PATHS.heartbeat, env2);
    expect(res2.status).toBe(403);
    expect((res2.body as { detail: string }).detail).toMatch(/REVOKED/);
    await refusal(res2, 'not-approved', env2.nonce);
  });

  it('a node the admin rejected learns it and does not start', async () => {
    const refused = await world.addNode({ approve: false });
    const res = await world.admin<{ status: string }>(
      'POST',
      `/api/nodes/${refused.identity.nodeId}/reject`,
      {
        reason: 'not a data holder we know',
      },
    );
    expect(res.body.status).toBe('REJECTED');
    await expect(refused.runtime.start()).rejects.toThrow(/rejected this node: not a data holder we know/);
    const again = await world.admin('POST', `/api/nodes/${refused.identity.nodeId}/approve`, {});
    expect(again.status).toBe(409);
  });

  it('refuses a registration not signed by the key it presents (no proof of possession)', async () => {
    const presented = generateFederationKeyPair();
    const other = generateFederationKeyPair();
    const env = signEnvelope(
      other.privateKey,
      { method: 'POST', path: FEDERATION_PATHS.register },
      {
        nodeId: randomUUID(),
        type: 'node.register',
        body: {
          name: 'Mallory node',
          country: 'FI',
          organisation: 'Mallory',
          publicKey: presented.publicKey,
        },
      },
    );
    const res = await send(FEDERATION_PATHS.register, env);
    expect(res.status).toBe(401);
    await refusal(res, 'bad-signature', env.nonce);
  });

  it('refuses taking over a registered node id with a new key', async () => {
    const attacker = generateFederationKeyPair();
    const env = signEnvelope(
      attacker.privateKey,
      { method: 'POST', path: FEDERATION_PATHS.register },
      {
        nodeId: node.identity.nodeId,
        type: 'node.register',
        body: { ...node.info, publicKey: attacker.publicKey },
      },
    );
    const res = await send(FEDERATION_PATHS.register, env);
    expect(res.status).toBe(401);
    await refusal(res, 'bad-signature', env.nonce);
  });

  it('refuses an authentic message with an invalid body, and a message type the endpoint does not take', async () => {
    const env = signEnvelope(
      node.identity.privateKey,
      { method: 'POST', path: FEDERATION_PATHS.pull },
      { nodeId: node.identity.nodeId, type: 'task.pull', body: { waitMs: 'soon' } },
    );
    const res = await send(FEDERATION_PATHS.pull, env);
    expect(res.status).toBe(400);
    await refusal(res, 'malformed', env.nonce);
    const env2 = signEnvelope(
      node.identity.privateKey,
      { method: 'POST', path: FEDERATION_PATHS.messages },
      { nodeId: node.identity.nodeId, type: 'nobody.listens', body: {} },
    );
    const res2 = await send(FEDERATION_PATHS.messages, env2);
    expect(res2.status).toBe(400);
    await refusal(res2, 'wrong-type', env2.nonce);
  });

  it('hands other signed message types to the handler a hub feature registered', async () => {
    registerNodeMessageHandler('test.echo', async (_db, from, body) => ({
      from: from.id,
      organisationId: from.organisationId,
      body,
    }));
    const answer = await node.runtime.send<{ from: string; organisationId: string; body: unknown }>(
      'test.echo',
      { hello: 'hub' },
    );
    expect(answer).toMatchObject({ from: node.identity.nodeId, body: { hello: 'hub' } });
    expect(answer.organisationId).toBeTruthy();
    expect(() => registerNodeMessageHandler('task.pull', async () => null)).toThrow(/built-in/);
  });

  it('refuses a result for another node’s task as unknown', async () => {
    const other = world.nodes[1]!;
    const task = await world.admin<{ id: string }>('POST', `/api/nodes/${other.identity.nodeId}/tasks`, {
      type: 'ping',
    });
    const env = signEnvelope(
      node.identity.privateKey,
      { method: 'POST', path: FEDERATION_PATHS.result },
      {
        nodeId: node.identity.nodeId,
        type: 'task.result',
        body: { taskId: task.body.id, ok: true, result: 1 },
      },
    );
    const res = await send(FEDERATION_PATHS.result, env);
    expect(res.status).toBe(404);
  });

  it('keeps the node admin routes for admins only', async () => {
    const anonymous = await world.hub.app.inject({ method: 'GET', url: '/api/nodes' });
    expect(anonymous.statusCode).toBe(401);
    const signIn = await world.hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'holder-fi', password: 'demo-password' },
    });
    const token = (signIn.json() as { token: string }).token;
    const holder = await world.hub.app.inject({
      method: 'POST',
      url: `/api/nodes/${node.identity.nodeId}/approve`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(holder.statusCode).toBe(403);
  });

  it('publishes the hub key that signs tasks', async () => {
    const res = await world.transport().request({ method: 'GET', path: FEDERATION_PATHS.hubKey });
    expect(res.status).toBe(200);
    expect((res.body as { publicKey: string }).publicKey).toBe(node.runtime.hubPublicKey);
  });
});
