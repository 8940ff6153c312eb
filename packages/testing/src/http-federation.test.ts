import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaitTaskResult, enqueueTask } from '@openehds/server';
import { createHttpTransport, createNodeRuntime, IDENTITY_FILE, loadOrCreateIdentity } from '@openehds/node';
import { createTestWorld, type TestWorld } from './world';

// The same federation over real HTTP: the hub listens on 127.0.0.1 (port 0), the nodes use fetch,
// and their identities live in files in their data dirs.
describe('federation over HTTP', () => {
  let world: TestWorld;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ehds-federation-'));
    world = await createTestWorld({
      nodes: 2,
      transport: 'http',
      dataDir,
      handlers: { ping: async (payload, ctx) => ({ pong: payload, node: ctx.nodeId }) },
    });
  });
  afterAll(async () => {
    await world?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on a real port and runs a task end to end', async () => {
    expect(world.hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const node = world.nodes[1]!;
    const task = await enqueueTask(world.hub.db, {
      nodeId: node.identity.nodeId,
      type: 'ping',
      payload: { over: 'http' },
      createdBy: null,
    });
    const outcome = await awaitTaskResult(world.hub.db, task.id, 20_000);
    expect(outcome).toMatchObject({
      status: 'DONE',
      result: { pong: { over: 'http' }, node: node.identity.nodeId },
    });
  });

  it('keeps each node key in its data dir, readable by the node only, with the hub key pinned', async () => {
    const file = join(dataDir, 'node-1', IDENTITY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateIdentity(join(dataDir, 'node-1'));
    expect(again.nodeId).toBe(world.nodes[0]!.identity.nodeId);
    expect(again.hubPublicKey).toBe(world.nodes[0]!.runtime.hubPublicKey);
  });

  it('a node that stops and starts again gets the tasks queued while it was away', async () => {
    // Prepare: stop the node, queue a task for it
    const node = world.nodes[0]!;
    await node.runtime.stop();
    const task = await enqueueTask(world.hub.db, {
      nodeId: node.identity.nodeId,
      type: 'ping',
      payload: 'later',
      createdBy: null,
    });
    // Execute: a new process of the same node (identity read back from its data dir) starts
    const dir = join(dataDir, 'node-1');
    const restarted = createNodeRuntime({
      transport: createHttpTransport(world.hub.url!),
      identity: loadOrCreateIdentity(dir),
      info: node.info,
      dataDir: dir,
      pollWaitMs: 2_000,
    }).on('ping', async (payload) => ({ pong: payload, restarted: true }));
    try {
      expect((await restarted.start()).status).toBe('APPROVED');
      // Assert
      const outcome = await awaitTaskResult(world.hub.db, task.id, 20_000);
      expect(outcome).toMatchObject({ status: 'DONE', result: { pong: 'later', restarted: true } });
    } finally {
      await restarted.stop();
    }
  });
});
