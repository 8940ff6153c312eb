import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { migrate, openPglite, type Db } from '@openehds/db';
import {
  createApp,
  DEMO_HOLDERS,
  parseHubConfig,
  seedDemo,
  signInDemoAccount,
  type HubConfig,
} from '@openehds/server';
import { generateFederationKeyPair, type Transport } from '@openehds/core';
import {
  createHttpTransport,
  createNodeRuntime,
  loadOrCreateIdentity,
  type NodeIdentity,
  type NodeRuntime,
  type RuntimeEvent,
  type TaskHandler,
} from '@openehds/node';
import { createInMemoryTransport } from './in-memory-transport';

/** One node of a test world. */
export interface TestNode {
  runtime: NodeRuntime;
  identity: NodeIdentity;
  transport: Transport;
  info: { name: string; country: string; organisation: string };
  /** Everything the runtime reported, in order. */
  events: RuntimeEvent[];
}

/** Options of {@link createTestWorld}. */
export interface TestWorldOptions {
  /** How many nodes (default 3: the demo's Finnish, Spanish and German data holders). */
  nodes?: number;
  /** `memory` (default): `app.inject`; `http`: the hub listens on 127.0.0.1, port 0, nodes use fetch. */
  transport?: 'memory' | 'http';
  /** Register and approve the nodes (default true). */
  approve?: boolean;
  /** Start the node runtimes (default true; needs `approve`). */
  start?: boolean;
  /** Task handlers every node registers before starting. */
  handlers?: Record<string, TaskHandler>;
  /** Keep node identities in files under this dir (one sub-dir per node) instead of in memory. */
  dataDir?: string;
  /** Long-poll wait the nodes ask for (default 2 s, so tests stop quickly). */
  pollWaitMs?: number;
  /** Hub configuration on top of `{ seedDemo: true }`. */
  hubConfig?: Record<string, unknown>;
}

/** A hub and its nodes in one process. */
export interface TestWorld {
  hub: { app: FastifyInstance; db: Db; config: HubConfig; url: string | null };
  nodes: TestNode[];
  /** An admin's bearer token. */
  adminToken: string;
  /** Calls the hub as the admin (in process); resolves with status and JSON body. */
  admin<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  /** Adds a node; `approve`/`start` as in the options (defaults false). */
  addNode(opts?: { approve?: boolean; start?: boolean; info?: Partial<TestNode['info']> }): Promise<TestNode>;
  /** The transport a new node of this world would use (for hand-made clients in tests). */
  transport(): Transport;
  /** Stops the nodes, the hub and its store. */
  close(): Promise<void>;
}

/**
 * Builds a federation in one process: a hub on an in-memory PGlite store with the demo seed, plus N
 * node runtimes connected in memory (or over real HTTP), registered, approved and started.
 */
export async function createTestWorld(options: TestWorldOptions = {}): Promise<TestWorld> {
  const db = await openPglite();
  await migrate(db);
  const config = parseHubConfig({ seedDemo: true, ...options.hubConfig });
  await seedDemo(db, config.hdab);
  const app = await createApp(config, { db });
  let url: string | null = null;
  if (options.transport === 'http') {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the hub is not listening on a TCP port');
    url = `http://127.0.0.1:${address.port}`;
  }
  const transport = () => (url ? createHttpTransport(url) : createInMemoryTransport(app));

  // The demo admin signs in with password and the demo TOTP code (admins need a second factor).
  const { token: adminToken } = await signInDemoAccount(async (path, payload) => {
    const res = await app.inject({ method: 'POST', url: path, payload: payload as object });
    return { status: res.statusCode, body: res.json() as unknown };
  }, 'admin');
  const admin = async <T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await app.inject({
      method,
      url: path,
      headers: { authorization: `Bearer ${adminToken}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
  };

  const nodes: TestNode[] = [];
  const addNode: TestWorld['addNode'] = async (opts = {}) => {
    const n = nodes.length;
    const holder = DEMO_HOLDERS[n];
    const info = {
      name: holder ? `${holder.name} node` : `Test node ${n + 1}`,
      country: holder?.country ?? 'FI',
      organisation: holder?.name ?? `Test data holder ${n + 1}`,
      ...opts.info,
    };
    const dataDir = options.dataDir ? join(options.dataDir, `node-${n + 1}`) : undefined;
    const identity = dataDir
      ? loadOrCreateIdentity(dataDir)
      : { nodeId: randomUUID(), ...generateFederationKeyPair() };
    const events: RuntimeEvent[] = [];
    const nodeTransport = transport();
    const runtime = createNodeRuntime({
      transport: nodeTransport,
      identity,
      info,
      dataDir,
      pollWaitMs: options.pollWaitMs ?? 2_000,
      heartbeatMs: 5_000,
      approvalPollMs: 200,
      retryMs: 100,
      onEvent: (e) => events.push(e),
    });
    for (const [type, handler] of Object.entries(options.handlers ?? {})) runtime.on(type, handler);
    const node: TestNode = { runtime, identity, transport: nodeTransport, info, events };
    nodes.push(node);
    await runtime.register();
    if (opts.approve) {
      const res = await admin('POST', `/api/nodes/${identity.nodeId}/approve`, {});
      if (res.status !== 200)
        throw new Error(`approving node ${identity.nodeId} failed: ${JSON.stringify(res.body)}`);
    }
    if (opts.start) await runtime.start();
    return node;
  };

  const approve = options.approve ?? true;
  const start = approve && (options.start ?? true);
  for (let i = 0; i < (options.nodes ?? 3); i++) await addNode({ approve, start });

  return {
    hub: { app, db, config, url },
    nodes,
    adminToken,
    admin,
    addNode,
    transport,
    async close() {
      await Promise.allSettled(nodes.map((n) => n.runtime.stop()));
      await app.close();
      await db.close();
    },
  };
}
