import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { signInDemoAccount } from '@openehds/server';
import { installCohortCount, installPermits } from '@openehds/node';
import { createTestWorld, type TestWorld } from './world';

const diabetes = {
  name: 'type 2 diabetes, women',
  inclusion: [
    {
      criteria: [
        { type: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } },
        { type: 'sex', values: ['female'] },
      ],
    },
  ],
};

/** Seeds a node store with `women` women and 5 men with E11.9 and `others` women without. */
async function seed(store: NodeStore, women: number, others: number): Promise<void> {
  let id = 1;
  const person = async (gender: number, e11: boolean) => {
    const pid = id++;
    await store.run(
      `INSERT INTO person (person_id, gender_concept_id, year_of_birth, race_concept_id, ethnicity_concept_id)
       VALUES ($1, $2, 1960, 0, 0)`,
      [pid, gender],
    );
    if (e11)
      await store.run(
        `INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id,
           condition_start_date, condition_type_concept_id, condition_source_value, ehds_vocabulary)
         VALUES ($1, $1, 0, DATE '2021-03-04', 32817, 'E11.9', 'ICD10')`,
        [pid],
      );
  };
  for (let i = 0; i < women; i++) await person(8532, true);
  for (let i = 0; i < 5; i++) await person(8507, true);
  for (let i = 0; i < others; i++) await person(8532, false);
  // The node store's person table has no primary key; a person with two rows still counts once.
  await store.run('INSERT INTO person SELECT * FROM person WHERE person_id = 1');
}

interface Answer {
  audience: string;
  threshold: number;
  roundTo: number;
  total: { value: number | null; atLeast: boolean };
  nodes: {
    nodeId: string;
    nodeName: string;
    country: string;
    datasets: string[];
    value: number | null;
    suppressed: boolean;
    status: string;
    record: { outcome: string; audience: string; rules: { rule: string }[] } | null;
  }[];
}

// A feasibility count across three nodes (issue 4 §1): the hub fans out signed cohort.count tasks, each
// node counts its own DuckDB store and releases through its own disclosure control; the hub only sums.
describe('feasibility counts across the federation', () => {
  let world: TestWorld;
  const stores: NodeStore[] = [];
  let userToken: string;
  const ask = async (body: unknown, token?: string) => {
    const res = await world.hub.app.inject({
      method: 'POST',
      url: '/api/feasibility',
      payload: body as object,
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    });
    return { status: res.statusCode, body: res.json() as Answer };
  };
  const byDataset = (a: Answer) => Object.fromEntries(a.nodes.map((n) => [n.datasets.join(','), n]));

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 3, start: false });
    // 40, 3 and 25 women with type 2 diabetes at the three nodes.
    const sizes: [number, number][] = [
      [40, 10],
      [3, 30],
      [25, 0],
    ];
    for (const [i, node] of world.nodes.entries()) {
      const store = await openNodeStore(':memory:');
      stores.push(store);
      await seed(store, ...sizes[i]!);
      // As startNode does.
      installPermits(node.runtime, store);
      installCohortCount(node.runtime, store);
      await node.runtime.start();
    }
    await world.hub.db.query(
      `INSERT INTO dataset (id, node_id, status, description) VALUES
         ('fi-biobank', $1, 'PUBLISHED', '{}'), ('es-registry', $2, 'PUBLISHED', '{}'), ('de-hospital', $3, 'PUBLISHED', '{}')`,
      world.nodes.map((n) => n.identity.nodeId),
    );
    ({ token: userToken } = await signInDemoAccount(async (path, payload) => {
      const res = await world.hub.app.inject({ method: 'POST', url: path, payload: payload as object });
      return { status: res.statusCode, body: res.json() as unknown };
    }, 'user'));
  });
  afterAll(async () => {
    await world?.close();
    for (const s of stores) s.close();
  });

  it('answers an anonymous visitor with rounded counts per node, small ones suppressed, and their sum', async () => {
    const { status, body } = await ask({ cohort: diabetes });
    expect(status).toBe(200);
    expect(body).toMatchObject({ audience: 'anonymous', threshold: 10, roundTo: 10 });
    expect(body.nodes).toHaveLength(3);
    const d = byDataset(body);
    // 40 ± 2 (cell-key noise) rounds to 40; 25 ± 2 to 20 or 30; 3 is below the threshold.
    expect(d['fi-biobank']).toMatchObject({ status: 'ok', value: 40, suppressed: false });
    expect([20, 30]).toContain(d['de-hospital']!.value);
    expect(d['es-registry']).toMatchObject({ status: 'ok', value: null, suppressed: true });
    expect(d['es-registry']!.record).toMatchObject({ outcome: 'released', audience: 'anonymous' });
    expect(d['fi-biobank']!.nodeName).toBe(world.nodes[0]!.info.name);
    expect(d['fi-biobank']!.country).toBe(world.nodes[0]!.info.country);
    expect(body.total).toEqual({ value: 40 + d['de-hospital']!.value!, atLeast: true });
    // Nothing about persons reaches the hub: not in the answer, not in the stored task results.
    const results = await world.hub.db.query<{ result: unknown }>(
      `SELECT result FROM task WHERE type = 'cohort.count' AND status = 'DONE'`,
    );
    expect(results).toHaveLength(3);
    for (const r of results)
      expect(Object.keys(r.result as object).sort()).toEqual(['record', 'status', 'suppressed', 'value']);
  });

  it('answers a signed-in user with the registered view (rounded to 5), and asks only the chosen datasets', async () => {
    const { status, body } = await ask(
      { cohort: diabetes, datasets: ['de-hospital', 'es-registry'] },
      userToken,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ audience: 'registered', threshold: 10, roundTo: 5 });
    const d = byDataset(body);
    expect(Object.keys(d).sort()).toEqual(['de-hospital', 'es-registry']);
    // 25 ± 2 rounds to 25 with base 5.
    expect(d['de-hospital']).toMatchObject({ status: 'ok', value: 25, suppressed: false });
    expect(d['de-hospital']!.record!.audience).toBe('registered');
    expect(d['es-registry']).toMatchObject({ value: null, suppressed: true });
    expect(body.total).toEqual({ value: 25, atLeast: true });
  });

  it('keeps every query for the HDAB with what each node released and its disclosure-control record', async () => {
    const { token: staff } = await signInDemoAccount(async (path, payload) => {
      const res = await world.hub.app.inject({ method: 'POST', url: path, payload: payload as object });
      return { status: res.statusCode, body: res.json() as unknown };
    }, 'hdab');
    const get = (token: string) =>
      world.hub.app.inject({
        method: 'GET',
        url: '/api/feasibility/queries',
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await get(userToken)).statusCode).toBe(403);
    const res = await get(staff);
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as {
      items: { audience: string; asker: string | null; cohort: unknown; nodes: Answer['nodes'] }[];
    };
    // Newest first: the signed-in user's query on two datasets, then the anonymous one on three.
    expect(items.map((q) => [q.audience, q.asker, q.nodes.length])).toEqual([
      ['registered', 'user', 2],
      ['anonymous', null, 3],
    ]);
    expect(items[0]!.cohort).toMatchObject({ inclusion: expect.any(Array) });
    for (const q of items)
      for (const n of q.nodes)
        expect(n.record).toMatchObject({ outcome: 'released', rules: expect.arrayContaining([]) });
  });
});
