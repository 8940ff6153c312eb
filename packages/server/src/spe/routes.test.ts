import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { grantWorkspacePermit } from './test-support';

const DAY = 86_400_000;
const MARIE = { name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' };
const MIKKO = { name: 'Mikko Laine', email: 'mikko.laine@thl.example', role: 'data_scientist' };
const REQUEST = {
  kind: 'table',
  rows: 'sex',
  variables: { sex: { kind: 'sex' } },
};

// Who may enter a permit's workspace (Art. 73(1)(a); Art. 68(10)(d)): the named persons work while the
// permit is active; HDAB staff read; anyone else sees nothing.
describe('workspace access', () => {
  let hub: TestHub;
  let active: string;
  let expired: string;
  let notNamed: string;

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    hub.as(who, { method, url, headers: { 'x-requested-with': 'test' }, ...(payload ? { payload } : {}) });
  const grant = (persons: (typeof MARIE)[], validUntil = Date.now() + 365 * DAY) =>
    grantWorkspacePermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'nowhere', country: 'FI' }],
      persons,
      validFrom: new Date(Date.now() - 10 * DAY).toISOString(),
      validUntil: new Date(validUntil).toISOString(),
      at: new Date(Date.now() - 5 * DAY),
      variables: ['person'],
      period: { from: '2015-01-01' },
    });

  beforeAll(async () => {
    hub = await createTestHub();
    active = (await grant([MARIE])).id;
    expired = (await grant([MARIE], Date.now() - DAY)).id;
    // Marie applied, but the permit names only Mikko.
    notNamed = (await grant([MIKKO])).id;
  });
  afterAll(() => hub?.close());

  it('shows a named person the workspace of an active permit, with what data there is', async () => {
    const res = await call('user', 'GET', `/api/workspaces/${active}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'member',
      permit: { id: active, status: 'GRANTED', variables: ['person'], period: { from: '2015-01-01' } },
      extracts: [],
      budget: { dpEnabled: false, epsilon: { granted: 5, spent: 0 }, delta: { granted: 1e-5, spent: 0 } },
      analyses: [],
      outputs: [],
    });
    const list = await call('user', 'GET', '/api/workspaces');
    const ids = (list.json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids).toContain(active);
    expect(ids).not.toContain(expired);
    expect(ids).not.toContain(notNamed);
  });

  it('refuses a person the permit does not name (403), and hides the permit from strangers (404)', async () => {
    const res = await call('user', 'GET', `/api/workspaces/${notNamed}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/only the persons named in permit/);
    expect((await call('user', 'POST', `/api/workspaces/${notNamed}/analyses`, REQUEST)).statusCode).toBe(
      403,
    );
    // Mikko is named there and may read it; Marie's permits are not his.
    expect((await call('researcher-thl', 'GET', `/api/workspaces/${notNamed}`)).statusCode).toBe(200);
    expect((await call('researcher-thl', 'GET', `/api/workspaces/${active}`)).statusCode).toBe(404);
  });

  it('lets HDAB staff read a workspace but not work in it', async () => {
    const res = await call('hdab', 'GET', `/api/workspaces/${active}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('staff');
    expect((await call('hdab', 'POST', `/api/workspaces/${active}/analyses`, REQUEST)).statusCode).toBe(403);
  });

  it('refuses work under an expired permit, but keeps its workspace readable', async () => {
    const res = await call('user', 'POST', `/api/workspaces/${expired}/analyses`, REQUEST);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/is not active/);
    expect((await call('user', 'GET', `/api/workspaces/${expired}`)).statusCode).toBe(200);
  });

  it('validates the request, listing every problem, before anything runs', async () => {
    const res = await call('user', 'POST', `/api/workspaces/${active}/analyses`, {
      kind: 'glm',
      formula: 'y',
      family: 'logit',
      variables: { x: { kind: 'age', at: 'yesterday' } },
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['formula', 'family', 'variables.x.at']));
    const survival = await call('user', 'POST', `/api/workspaces/${active}/analyses`, {
      kind: 'glm',
      formula: 'x ~ s',
      family: 'gaussian',
      variables: { x: { kind: 'age' }, s: { kind: 'survival', event: { domain: 'death' } } },
    });
    expect(survival.statusCode).toBe(400);
    expect(survival.json().issues).toEqual([
      expect.objectContaining({
        path: 'variables.s',
        message: expect.stringMatching(/Kaplan–Meier curves only/),
      }),
    ]);
    const undeclared = await call('user', 'POST', `/api/workspaces/${active}/analyses`, {
      kind: 'glm',
      formula: 'y ~ x',
      family: 'gaussian',
      variables: { x: { kind: 'age' } },
    });
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.json().detail).toMatch(/'y', not declared/);
  });

  it('says when no node holds the permit’s datasets', async () => {
    const res = await call('user', 'POST', `/api/workspaces/${active}/analyses`, REQUEST);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/no approved node holds the datasets/);
  });
});
