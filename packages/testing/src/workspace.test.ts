import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitGlmInProcess, openNodeStore, type Cell, type NodeStore } from '@openehds/analytics';
import { AnalysisRequest, type AnalysisRequestInput } from '@openehds/core';
import {
  awaitTaskResult,
  grantWorkspacePermit,
  runOptOutSweep,
  runPermitSweep,
  signInDemoAccount,
  type AnalysisRecord,
} from '@openehds/server';
import {
  buildAnalysisFrame,
  installAnalysis,
  installOptOut,
  installPermits,
  seedSyntheticPersons,
  syntheticPersons,
} from '@openehds/node';
import { createWorkspaceClient } from '@openehds/client';
import { createTestWorld, type TestWorld } from './world';

const DAY = 86_400_000;
const ID_SYSTEM = 'https://openehds.eu/sid/person';
const MARIE = { name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' };
const VARIABLES = ['person', 'condition_occurrence', 'measurement', 'observation_period', 'death'];
type VariableInput = Extract<AnalysisRequestInput, { kind: 'describe' }>['variables'][string];
const variables: Record<string, VariableInput> = {
  age: { kind: 'age', at: '2025-01-01' },
  sex: { kind: 'sex' },
  diabetes: { kind: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } },
  bmi: { kind: 'measurement', codes: { vocabulary: 'LOINC', codes: ['39156-5'] } },
};

// A permit's workspace end to end: a hub and three nodes in one process, each node holding one dataset
// of synthetic persons in an in-memory DuckDB store; the permit reaches the nodes, which prepare its
// extract; the named data user runs a federated logistic regression, a Kaplan–Meier curve, a describe
// and a table; disclosure control refuses what a tiny or uncovered permit asks.
describe('federated analyses in a permit’s workspace', () => {
  let world: TestWorld;
  let userToken: string;
  const stores: NodeStore[] = [];
  const permits = { main: '', tiny: '', narrow: '' };

  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await world.hub.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${userToken}` },
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, body: res.json() };
  };
  const analyse = async (permitId: string, request: AnalysisRequestInput) => {
    const res = await call('POST', `/api/workspaces/${permitId}/analyses`, request);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as AnalysisRecord;
  };
  /** Runs the hub's sweeps until the nodes answered every task they queued (as opt-out.test.ts does). */
  const settle = async (now: Date) => {
    for (let round = 0; round < 6; round++) {
      await runPermitSweep(world.hub.db, now);
      await runOptOutSweep(world.hub.db, world.hub.config, now);
      const open = await world.hub.db.query<{ id: string }>(
        `SELECT id FROM task WHERE status IN ('QUEUED', 'CLAIMED')`,
      );
      if (!open.length) return;
      await Promise.all(open.map((t) => awaitTaskResult(world.hub.db, t.id, 20_000)));
    }
  };
  const grant = (datasets: string[], granted: string[]) =>
    grantWorkspacePermit(world.hub.db, world.hub.config, {
      applicant: 'user',
      datasets: datasets.map((datasetId) => ({ datasetId, country: 'FI' })),
      persons: [MARIE],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: new Date(Date.now() + 365 * DAY).toISOString(),
      at: new Date(Date.now() - 60_000),
      variables: granted,
    });

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 3, start: false, hubConfig: { permitSweepSeconds: 0 } });
    for (const [i, node] of world.nodes.entries()) {
      const store = await openNodeStore(':memory:');
      stores.push(store);
      await seedSyntheticPersons(store, `ds-${i}`, syntheticPersons([70, 55, 60][i]!, 21 + i));
      // As startNode does: permits first, then opt-out and extracts, then the analysis handlers.
      installPermits(node.runtime, store);
      installOptOut(node.runtime, store, { identifierSystem: ID_SYSTEM });
      installAnalysis(node.runtime, store);
      await node.runtime.start();
      await world.hub.db.query(
        `INSERT INTO dataset (id, node_id, status, description) VALUES ($1, $2, 'PUBLISHED', '{}')`,
        [`ds-${i}`, node.identity.nodeId],
      );
    }
    await seedSyntheticPersons(stores[0]!, 'tiny', syntheticPersons(8, 3), 5_000);
    await world.hub.db.query(
      `INSERT INTO dataset (id, node_id, status, description) VALUES ('tiny', $1, 'PUBLISHED', '{}')`,
      [world.nodes[0]!.identity.nodeId],
    );
    await settle(new Date());
    permits.main = (await grant(['ds-0', 'ds-1', 'ds-2'], VARIABLES)).id;
    permits.tiny = (await grant(['tiny'], VARIABLES)).id;
    permits.narrow = (await grant(['ds-0'], ['person'])).id;
    await settle(new Date());
    ({ token: userToken } = await signInDemoAccount(async (path, payload) => {
      const res = await world.hub.app.inject({ method: 'POST', url: path, payload: payload as object });
      return { status: res.statusCode, body: res.json() as unknown };
    }, 'user'));
  }, 60_000);
  afterAll(async () => {
    await world?.close();
    for (const s of stores) s.close();
  });

  it('shows the workspace with the extracts the nodes prepared', async () => {
    const res = await call('GET', `/api/workspaces/${permits.main}`);
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('member');
    expect((res.body.extracts as { persons: number }[]).map((e) => e.persons).sort()).toEqual([55, 60, 70]);
  });

  it('fits a federated logistic regression equal to the pooled fit of the same frames (1e-6)', async () => {
    const request = {
      kind: 'glm',
      formula: 'diabetes ~ age + sex + bmi',
      family: 'binomial',
      variables,
    } as const;
    const a = await analyse(permits.main, request);
    expect(a).toMatchObject({ kind: 'glm', status: 'DONE', error: null });
    // Prepare the pooled data from the same frames the nodes built.
    const vars = AnalysisRequest.parse(request).variables;
    const frames = await Promise.all(stores.map((s) => buildAnalysisFrame(s, permits.main, vars)));
    const pooled: Record<string, Cell[]> = {};
    for (const name of Object.keys(vars)) pooled[name] = frames.flatMap((f) => f.columns[name]!);
    const one = await fitGlmInProcess([pooled], request.formula, 'binomial');
    const fed = a.result as {
      coefficients: { name: string; estimate: number; stdError: number }[];
      n: number;
    };
    expect(fed.n).toBe(one.n);
    fed.coefficients.forEach((c, j) => {
      expect(c.name).toBe(one.coefficients[j]!.name);
      expect(Math.abs(c.estimate - one.coefficients[j]!.estimate)).toBeLessThan(1e-6);
      expect(Math.abs(c.stdError - one.coefficients[j]!.stdError)).toBeLessThan(1e-6);
    });
    // Every node's model check is on record; the audit names the analysis and its nodes.
    expect(a.sdc).toHaveLength(3);
    for (const node of a.sdc)
      expect(node.records).toEqual([expect.objectContaining({ kind: 'model', outcome: 'released' })]);
    const ws = await call('GET', `/api/workspaces/${permits.main}`);
    expect(ws.body.analyses[0]).toMatchObject({ id: a.id, kind: 'glm', status: 'DONE', createdBy: 'user' });
    expect(ws.body.activity).toContainEqual(
      expect.objectContaining({
        actor: 'account:user',
        action: 'spe.analysis',
        details: expect.objectContaining({
          analysis: a.id,
          kind: 'glm',
          nodes: expect.arrayContaining(world.nodes.map((n) => n.identity.nodeId)),
        }),
      }),
    );
  });

  it('merges Kaplan–Meier risk tables, describes and tables across the nodes', async () => {
    const km = await analyse(permits.main, {
      kind: 'km',
      survival: 'os',
      variables: { os: { kind: 'survival', event: { domain: 'death' } } },
    });
    expect(km.status, km.error ?? '').toBe('DONE');
    const [curve] = (km.result as { curves: { n: number; points: { survival: number; nRisk: number }[] }[] })
      .curves;
    expect(curve!.n).toBe(185);
    expect(curve!.points.every((p) => p.nRisk >= 10)).toBe(true);
    expect(curve!.points.at(-1)!.survival).toBeLessThan(1);

    const table = await analyse(permits.main, { kind: 'table', rows: 'sex', columns: 'diabetes', variables });
    expect(table.status).toBe('DONE');
    const t = table.result as { rows: string[]; cells: (number | null)[][]; grandTotal: number | null };
    expect(t.rows).toEqual(['female', 'male']);
    // Each node rounds to 5, so the merged cells are multiples of 5 too.
    expect(t.cells.flat().every((c) => c === null || c % 5 === 0)).toBe(true);

    const described = await analyse(permits.main, {
      kind: 'describe',
      variables: { age: variables.age!, bmi: variables.bmi! },
    });
    expect(described.status, described.error ?? '').toBe('DONE');
    const [g] = (described.result as { groups: { numeric: Record<string, { n: number; mean: number }> }[] })
      .groups;
    const vars = AnalysisRequest.parse({ kind: 'describe', variables }).variables;
    const frames = await Promise.all(stores.map((s) => buildAnalysisFrame(s, permits.main, vars)));
    const ages = frames.flatMap((f) =>
      f.columns.age!.filter((_, i) => f.columns.bmi![i] !== null),
    ) as number[];
    expect(g!.numeric.age!.n).toBe(ages.length);
    expect(g!.numeric.age!.mean).toBeCloseTo(ages.reduce((a, b) => a + b, 0) / ages.length, 9);
    expect(described.sdc.flatMap((n) => n.records).every((r) => r.kind === 'statistic')).toBe(true);
  });

  it('serves the typed client: the notebook form client.glm({ permit, formula, family })', async () => {
    // The client's fetch goes to the hub in process (no port), through the same HTTP layer.
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const res = await world.hub.app.inject({
        method: (init?.method ?? 'GET') as 'GET' | 'POST',
        url: url.pathname + url.search,
        headers: init?.headers as Record<string, string>,
        ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
      });
      return new Response(res.body, {
        status: res.statusCode,
        headers: { 'content-type': String(res.headers['content-type']) },
      });
    }) as typeof globalThis.fetch;
    const client = createWorkspaceClient({ baseUrl: 'http://hub.test', token: userToken, fetch });
    expect((await client.list()).map((w) => w.id)).toEqual(
      expect.arrayContaining([permits.main, permits.tiny]),
    );
    const fit = await client.glm({
      permit: permits.main,
      formula: 'bmi ~ age + sex',
      family: 'gaussian',
      variables,
    });
    expect(fit.coefficients.map((c) => c.name)).toEqual(['(Intercept)', 'age', 'sexmale']);
    expect(fit.statistic).toBe('t');
    expect((await client.get(permits.main)).analyses[0]).toMatchObject({ id: fit.analysis.id, kind: 'glm' });
    await expect(
      client.glm({ permit: permits.tiny, formula: 'diabetes ~ age', family: 'binomial', variables }),
    ).rejects.toThrow(/refused/);
  });

  it('refuses a model over too few persons, with the node’s record', async () => {
    const a = await analyse(permits.tiny, {
      kind: 'glm',
      formula: 'diabetes ~ age + bmi',
      family: 'binomial',
      variables,
    });
    expect(a.status).toBe('REFUSED');
    expect(a.error).toMatch(/refused it: the model may not leave: residual degrees of freedom/);
    const node = a.sdc.find((n) => n.status === 'refused')!;
    expect(node.records[0]).toMatchObject({ kind: 'model', outcome: 'refused', permitId: permits.tiny });
  });

  it('refuses a variable the permit does not grant, saying which', async () => {
    const a = await analyse(permits.narrow, {
      kind: 'table',
      rows: 'diabetes',
      variables: { diabetes: variables.diabetes! },
    });
    expect(a.status).toBe('REFUSED');
    expect(a.error).toMatch(/does not cover a variable .*condition_occurrence/);
    const list = await call('GET', `/api/workspaces/${permits.narrow}/analyses`);
    expect(list.body.items).toEqual([expect.objectContaining({ id: a.id, status: 'REFUSED' })]);
    const one = await call('GET', `/api/workspaces/${permits.narrow}/analyses/${a.id}`);
    expect(one.body).toMatchObject({ id: a.id, request: { kind: 'table', rows: 'diabetes' } });
  });
});
