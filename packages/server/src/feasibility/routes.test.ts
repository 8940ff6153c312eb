import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COHORT_SCHEMA_ID, exampleCohortDefinition } from '@openehds/core';
import { createTestHub, type TestHub } from '../http/test-hub';

const cohort = { inclusion: [{ criteria: [{ type: 'sex', values: ['female'] }] }] };

// POST /api/feasibility at the HTTP edge, without nodes (the federation is tested in packages/testing).
describe('feasibility routes', () => {
  let hub: TestHub;
  let closed: TestHub;
  const post = (payload: unknown, user: string | null = null) =>
    hub.as(user, { method: 'POST', url: '/api/feasibility', payload: payload as object });

  beforeAll(async () => {
    hub = await createTestHub();
    // An HDAB that shows counts to signed-in users only.
    closed = await createTestHub({
      sdcPolicy: { id: 'closed', version: '1', audiences: { anonymous: { allowed: false } } },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await closed?.close();
  });

  it('publishes the cohort JSON Schema and the example', async () => {
    const schema = await hub.app.inject({ method: 'GET', url: '/api/feasibility/schema' });
    expect(schema.statusCode).toBe(200);
    expect(schema.json()).toMatchObject({ $id: COHORT_SCHEMA_ID, additionalProperties: false });
    const example = await hub.app.inject({ method: 'GET', url: '/api/feasibility/example' });
    expect(example.json()).toEqual(exampleCohortDefinition);
  });

  it('answers anonymous visitors and signed-in users with their audience and the HDAB policy', async () => {
    const anon = await post({ cohort });
    expect(anon.statusCode, anon.body).toBe(200);
    expect(anon.json()).toMatchObject({
      audience: 'anonymous',
      threshold: 10,
      roundTo: 10,
      total: { value: null, atLeast: false },
      nodes: [],
    });
    expect(Date.parse(anon.json().askedAt)).not.toBeNaN();
    const user = await post({ cohort }, 'user');
    expect(user.json()).toMatchObject({ audience: 'registered', roundTo: 5 });
    const audit = await hub.db.query<{ actor: string; details: { audience: string; queryHash: string } }>(
      `SELECT actor, details FROM audit_event WHERE action = 'feasibility.count' ORDER BY seq`,
    );
    expect(audit.map((a) => [a.actor, a.details.audience])).toEqual([
      ['anonymous', 'anonymous'],
      ['account:user', 'registered'],
    ]);
    expect(audit[0]!.details.queryHash).toMatch(/^[0-9a-f]{64}$/);
    expect(audit[0]!.details.queryHash).toBe(audit[1]!.details.queryHash);
  });

  it('lists every bad field of the definition under cohort., and refuses client-chosen noise', async () => {
    const bad = await post({
      cohort: {
        inclusion: [
          {
            criteria: [
              { type: 'sex', values: ['robot'] },
              { type: 'age', min: -1 },
            ],
          },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'cohort.inclusion[0].criteria[0].values[0]',
      'cohort.inclusion[0].criteria[1].min',
    ]);
    const seeded = await post({ cohort, seed: 42, options: { noise: [0] } });
    expect(seeded.statusCode).toBe(400);
    expect(seeded.json().issues.map((i: { path: string }) => i.path)).toEqual(['seed', 'options.noise']);
    expect((await post({})).json().issues).toEqual([expect.objectContaining({ path: 'cohort' })]);
    const unknown = await post({ cohort, datasets: ['no-such-dataset'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues).toEqual([expect.objectContaining({ path: 'datasets[0]' })]);
  });

  it('says to sign in where the HDAB shows nothing to anonymous visitors', async () => {
    const anon = await closed.app.inject({ method: 'POST', url: '/api/feasibility', payload: { cohort } });
    expect(anon.statusCode).toBe(403);
    expect(anon.json().detail).toMatch(/sign in/);
    const user = await closed.as('user', { method: 'POST', url: '/api/feasibility', payload: { cohort } });
    expect(user.statusCode).toBe(200);
  });

  it('refuses a bad bearer token rather than answering as anonymous', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/feasibility',
      payload: { cohort },
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(res.statusCode).toBe(401);
  });
});
