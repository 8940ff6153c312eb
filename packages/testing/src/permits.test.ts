import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import {
  awaitTaskResult,
  deliverPermitUpdates,
  enqueueTask,
  grantTestPermit,
  runPermitSweep,
  signInDemoAccount,
  type PermitRecord,
} from '@openehds/server';
import { findRegisteredPermit, installPermits, isPermitActive } from '@openehds/node';
import { createTestWorld, type TestWorld } from './world';

const DAY = 86_400_000;

// The permit is policy at the node: every permit change reaches the nodes holding its data, and a node
// refuses any task naming a permit that is not active there (hub and two nodes, in memory).
describe('permits reach the nodes, which refuse work under inactive permits', () => {
  let world: TestWorld;
  let staffToken: string;
  const stores: NodeStore[] = [];
  const counted: string[][] = [[], []];

  const staff = async (path: string, body: unknown) => {
    const res = await world.hub.app.inject({
      method: 'POST',
      url: path,
      payload: body as object,
      headers: { authorization: `Bearer ${staffToken}` },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as PermitRecord;
  };
  /** Queues the deliveries not yet sent and waits until the nodes answered every one of them. */
  const deliver = async () => {
    await deliverPermitUpdates(world.hub.db);
    const open = await world.hub.db.query<{ task_id: string }>(
      'SELECT task_id FROM permit_delivery WHERE delivered_at IS NULL AND task_id IS NOT NULL',
    );
    const results = await Promise.all(open.map((d) => awaitTaskResult(world.hub.db, d.task_id, 20_000)));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 'DONE'));
    await deliverPermitUpdates(world.hub.db);
  };
  /** Runs a `cohort.count` under a permit at node `n`; resolves with the task's outcome. */
  const count = async (n: number, permitId: string) => {
    const task = await enqueueTask(world.hub.db, {
      nodeId: world.nodes[n]!.identity.nodeId,
      type: 'cohort.count',
      payload: { permitId, cohort: {} },
      createdBy: null,
    });
    return awaitTaskResult(world.hub.db, task.id, 20_000);
  };
  const grant = (datasets: string[], validUntil = new Date(Date.now() + 365 * DAY)) =>
    grantTestPermit(world.hub.db, world.hub.config, {
      applicant: 'user',
      datasets: datasets.map((datasetId) => ({ datasetId, country: 'FI' })),
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: validUntil.toISOString(),
    });

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 2, start: false });
    for (const [i, node] of world.nodes.entries()) {
      const store = await openNodeStore(':memory:');
      stores.push(store);
      // As startNode does: permits first, then the task handlers, which the permit check now guards.
      installPermits(node.runtime, store);
      node.runtime.on('cohort.count', async (payload) => {
        counted[i]!.push((payload as { permitId: string }).permitId);
        return { count: 42 };
      });
      await node.runtime.start();
    }
    await world.hub.db.query(
      `INSERT INTO dataset (id, node_id, status, description) VALUES ('fi-biobank', $1, 'PUBLISHED', '{}'), ('es-registry', $2, 'PUBLISHED', '{}')`,
      [world.nodes[0]!.identity.nodeId, world.nodes[1]!.identity.nodeId],
    );
    ({ token: staffToken } = await signInDemoAccount(async (path, payload) => {
      const res = await world.hub.app.inject({ method: 'POST', url: path, payload: payload as object });
      return { status: res.statusCode, body: res.json() as unknown };
    }, 'hdab'));
  });
  afterAll(async () => {
    await world?.close();
    for (const s of stores) s.close();
  });

  it('delivers a grant to the node holding its data, which then runs tasks under it', async () => {
    // Prepare: a permit over the first node's dataset
    const permit = await grant(['fi-biobank']);
    // Execute: the scheduler's pass sends it
    expect((await runPermitSweep(world.hub.db)).delivery.queued).toBe(1);
    await deliver();
    // Assert: stored (signature checked) at node 1 only; tasks under it run there
    expect(await findRegisteredPermit(stores[0]!, permit.id)).toMatchObject({
      status: 'GRANTED',
      datasets: ['fi-biobank'],
      signed: { type: 'openehds.permit/v1' },
    });
    expect(await findRegisteredPermit(stores[1]!, permit.id)).toBeNull();
    expect(await isPermitActive(stores[0]!, permit.id)).toBe(true);
    expect(await count(0, permit.id)).toMatchObject({ status: 'DONE', result: { count: 42 } });
    const elsewhere = await count(1, permit.id);
    expect(elsewhere).toMatchObject({ status: 'FAILED' });
    expect(elsewhere.error).toMatch(/permit check: permit .* is unknown at this node/);
  });

  it('refuses tasks under a permit once it is revoked', async () => {
    const permit = await grant(['fi-biobank']);
    await deliver();
    expect((await count(0, permit.id)).status).toBe('DONE');

    await staff(`/api/permits/${permit.id}/revoke`, { reason: 'Data used outside the permitted purpose.' });
    await deliver();

    const refused = await count(0, permit.id);
    expect(refused.status).toBe('FAILED');
    expect(refused.error).toMatch(
      /^refused by the node's permit check: permit \S+ was revoked on .* \(Art\. 63\)/,
    );
    expect(await findRegisteredPermit(stores[0]!, permit.id)).toMatchObject({
      status: 'REVOKED',
      revision: 2,
    });
    expect(counted[0]!.filter((id) => id === permit.id)).toHaveLength(1);
  });

  it('after an amendment refuses the old id and accepts the new one, at every node', async () => {
    const permit = await grant(['fi-biobank', 'es-registry']);
    await deliver();
    const amended = await staff(`/api/permits/${permit.id}/amend`, {
      reason: 'A data scientist joins.',
      persons: [
        { name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' },
        { name: 'Paul Martin', email: 'paul@bionova.example', role: 'data_scientist' },
      ],
    });
    await deliver();

    for (const n of [0, 1]) {
      const old = await count(n, permit.id);
      expect(old.status).toBe('FAILED');
      expect(old.error).toMatch(new RegExp(`permit ${permit.id} was superseded by permit ${amended.id}`));
      expect(await count(n, amended.id)).toMatchObject({ status: 'DONE' });
      expect(await findRegisteredPermit(stores[n]!, amended.id)).toMatchObject({
        status: 'AMENDED',
        previousId: permit.id,
        persons: [expect.objectContaining({ email: 'marie@bionova.example' }), expect.anything()],
      });
    }
  });

  it('refuses tasks under a permit the hub expired', async () => {
    const permit = await grant(['es-registry'], new Date(Date.now() + 10 * DAY));
    await deliver();
    expect((await count(1, permit.id)).status).toBe('DONE');

    const sweep = await runPermitSweep(world.hub.db, new Date(Date.now() + 11 * DAY));
    expect(sweep.expired).toContain(permit.id);
    await deliver();

    const refused = await count(1, permit.id);
    expect(refused.error).toMatch(/expired on .* \(Art\. 68\(12\)\)/);
  });
});
