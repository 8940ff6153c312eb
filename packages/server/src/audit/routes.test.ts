import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finnishT2dCohort } from '@openehds/standards';
import { createTestWorld, type TestWorld } from '@openehds/testing';
import { DEMO_PASSWORD } from '../demo/seed';

interface Event {
  seq: number;
  actor: string;
  action: string;
  object: string | null;
  outcome: string;
}

// Accountability (Art. 50(1)(e) EHDS; TEHDAS2 logging): who did what is recorded in a hash chain
// that staff can check for tampering.
describe('audit routes', () => {
  let world: TestWorld;
  let staffToken: string;
  const get = (url: string, token = staffToken) =>
    world.hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const signIn = (username: string, password: string) =>
    world.hub.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  const events = async (qs = '') => ((await get(`/api/audit${qs}`)).json() as { events: Event[] }).events;

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 1, start: false });
    staffToken = ((await signIn('hdab', DEMO_PASSWORD)).json() as { token: string }).token;
  });
  afterAll(() => world?.close());

  it('records every sign-in, successful or not', async () => {
    expect((await signIn('holder-es', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await signIn('holder-es', 'wrong')).statusCode).toBe(401);
    expect((await signIn('mallory', 'guess')).statusCode).toBe(401);
    const es = await events('?actor=account:holder-es');
    expect(es.filter((e) => e.action === 'auth.sign-in').map((e) => e.outcome)).toEqual([
      'denied',
      'success',
    ]);
    const unknown = await events('?actor=account:mallory');
    expect(unknown).toMatchObject([{ action: 'auth.sign-in', outcome: 'denied' }]);
  });

  it('records a publication and a node-token issuance', async () => {
    // Prepare
    const node = world.nodes[0]!;
    const nodeId = node.identity.nodeId;
    await node.runtime.send('dataset.publish', {
      description: { ...finnishT2dCohort('NON_PUBLIC'), identifier: 'audit-t2d' },
      statistics: {},
      quality: null,
    });
    const holderToken = ((await signIn('holder-fi', DEMO_PASSWORD)).json() as { token: string }).token;
    // Execute
    expect((await get('/api/holder/nodes', holderToken)).statusCode).toBe(200);
    // Assert
    expect(await events('?object=dataset:audit-t2d')).toMatchObject([
      { actor: `node:${nodeId}`, action: 'dataset.publish', outcome: 'success' },
    ]);
    expect(await events('?actor=account:holder-fi&limit=1')).toMatchObject([
      { action: 'holder.node-token', object: `node:${nodeId}`, outcome: 'success' },
    ]);
  });

  it('lists newest first, limited, and refuses a limit out of range', async () => {
    const all = await events('?limit=1000');
    expect(all.length).toBeGreaterThan(5);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    expect(await events('?limit=2')).toEqual(all.slice(0, 2));
    for (const limit of ['-5', '0', '1001', 'ten']) {
      const res = await get(`/api/audit?limit=${limit}`);
      expect(res.statusCode, limit).toBe(400);
      expect((res.json() as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['limit']);
    }
  });

  it('verifies the chain, and finds the row changed behind its back', async () => {
    // Prepare: the chain is intact
    const before = (await get('/api/audit/verify')).json() as { events: number; brokenAt: number | null };
    expect(before.brokenAt).toBeNull();
    expect(before.events).toBeGreaterThan(5);
    const [target] = await events('?object=dataset:audit-t2d');
    // Execute: someone with database access rewrites who published the dataset
    await world.hub.db.query(`UPDATE audit_event SET actor = 'node:someone-else' WHERE seq = $1`, [
      target!.seq,
    ]);
    // Assert
    const after = (await get('/api/audit/verify')).json() as { events: number; brokenAt: number | null };
    expect(after.brokenAt).toBe(target!.seq);
    expect(after.events).toBeGreaterThanOrEqual(before.events);
  });
});
