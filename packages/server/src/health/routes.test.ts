import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, type Db } from '@openehds/db';
import { createTestHub, type TestHub } from '../http/test-hub';
import { healthRoutes } from './routes';

// `GET /health` is what load balancers and `ehds status` poll: public, cheap, 503 when a dependency is down.
describe('health route', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('reports the hub and its store up, without a session', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'up',
      service: 'hub',
      dependencies: { store: { status: 'up', driver: 'pglite' } },
    });
  });

  it('answers 503 naming the store when the store is down', async () => {
    // Prepare: a hub whose store has gone away
    const db = await openPglite();
    await migrate(db);
    const app = Fastify();
    healthRoutes(app, db);
    await db.close();
    // Execute
    const res = await app.inject({ method: 'GET', url: '/health' });
    // Assert
    expect(res.statusCode).toBe(503);
    const body = res.json() as { status: string; dependencies: { store: { status: string; error: string } } };
    expect(body.status).toBe('down');
    expect(body.dependencies.store.status).toBe('down');
    expect(body.dependencies.store.error.length).toBeGreaterThan(0);
    await app.close();
  });

  it('answers 503 when an extra dependency reports down, and 200 when it is only degraded', async () => {
    const db: Db = hub.db;
    for (const [state, status] of [
      ['down', 503],
      ['pending', 200],
    ] as const) {
      const app = Fastify();
      healthRoutes(app, db, () => ({ spe: { status: state } }));
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode, state).toBe(status);
      expect(res.json().dependencies.spe).toEqual({ status: state });
      await app.close();
    }
  });
});
