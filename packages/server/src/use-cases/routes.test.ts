import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { seedUseCasesDemo } from './seed';

const proposal = {
  title: 'Sepsis early warning',
  problem: 'Sepsis is recognised late on wards.',
  benefit: 'Earlier treatment.',
  dataCategories: ['EHRS', 'HGPD', 'RPDG'],
  keywords: ['sepsis'],
  aiMethod: 'Gradient boosting',
  aiActClass: 'high',
  deviceClass: 'mdr_iib',
};
const scores = (v: number[]) => ({
  clinical_benefit: v[0],
  data_availability: v[1],
  technical_feasibility: v[2],
  regulatory_complexity: v[3],
  cost_effort: v[4],
  patient_impact: v[5],
  eu_strategic_value: v[6],
});

/** Publishes a dataset at a node of `country` straight into the catalogue table (as publishDataset stores it). */
async function publish(
  hub: TestHub,
  id: string,
  country: string,
  d: {
    title: string;
    text: string;
    categories: string[];
    individuals?: number;
    records?: number;
    stars?: number;
  },
) {
  const node = randomUUID();
  await hub.db.query(
    `INSERT INTO node (id, name, country, public_key, status) VALUES ($1, $2, $3, $4, 'APPROVED')`,
    [node, `node ${id}`, country, `key-${id}`],
  );
  const description = {
    identifier: id,
    title: { en: d.title },
    description: { en: d.text },
    healthCategories: d.categories,
    accessRights: 'NON_PUBLIC',
    keywords: { en: [] },
    derived: { numberOfUniqueIndividuals: d.individuals, numberOfRecords: d.records },
    ...(d.stars ? { qualityLabel: { stars: d.stars, score: 20 * d.stars } } : {}),
  };
  await hub.db.query(
    `INSERT INTO dataset (id, node_id, status, description, published_at) VALUES ($1, $2, 'PUBLISHED', $3::jsonb, now())`,
    [id, node, JSON.stringify(description)],
  );
}

describe('use-case routes', () => {
  let hub: TestHub;
  const call = (user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    hub.as(user, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const propose = async (user: string, over: Record<string, unknown> = {}) => {
    const res = await call(user, 'POST', '/api/use-cases', { ...proposal, ...over });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; reference: string };
  };

  beforeAll(async () => {
    hub = await createTestHub();
    await publish(hub, 'fi-genomes', 'FI', {
      title: 'Finnish genomes',
      text: 'Whole genomes of biobank donors.',
      categories: ['HGPD', 'EINS'],
      individuals: 50_000,
      stars: 5,
    });
    await publish(hub, 'de-icu', 'DE', {
      title: 'Intensive care episodes',
      text: 'Vital signs of patients with SEPSIS and other infections.',
      categories: ['EMRD'],
      records: 1_200_000,
    });
    await publish(hub, 'es-ehr', 'ES', {
      title: 'Primary care records',
      text: 'Diagnoses and prescriptions.',
      categories: ['EHRS'],
      individuals: 300_000,
      records: 9_000_000,
      stars: 3,
    });
    await publish(hub, 'es-cancer', 'ES', {
      title: 'Cancer registry',
      text: 'Tumours.',
      categories: ['MRMR'],
    });
  });
  afterAll(() => hub?.close());

  it('needs a sign-in, and lets any signed-in account propose, with a UC reference and an audit event', async () => {
    expect((await call(null, 'GET', '/api/use-cases')).statusCode).toBe(401);
    expect((await call(null, 'POST', '/api/use-cases', proposal)).statusCode).toBe(401);
    const { id, reference } = await propose('holder-fi');
    expect(reference).toMatch(/^UC-\d{4}-\d{4}$/);
    const list = (await call('citizen-test', 'GET', '/api/use-cases')).json().items;
    expect(list.find((u: { id: string }) => u.id === id)).toMatchObject({
      stage: 'proposed',
      proposer: { username: 'holder-fi' },
      votes: 0,
      scoreCount: 0,
      meanScores: null,
    });
    const [audit] = await hub.db.query<{ actor: string }>(
      `SELECT actor FROM audit_event WHERE action = 'use_case.propose' AND object = $1`,
      [`use_case:${id}`],
    );
    expect(audit?.actor).toBe('account:holder-fi');
  });

  it('lists every bad field of a proposal', async () => {
    const res = await call('user', 'POST', '/api/use-cases', {
      ...proposal,
      title: ' ',
      dataCategories: ['EHRS', 'XXXX'],
      aiActClass: 'prohibited',
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(
      res
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['', 'aiActClass', 'dataCategories[1]', 'title'].sort());
  });

  it('computes data availability from the live catalogue: counts, sizes, labels, countries, gaps', async () => {
    const { id } = await propose('user');
    const detail = (await call('user', 'GET', `/api/use-cases/${id}`)).json();
    const a = detail.availability;
    // HGPD → fi-genomes, EHRS → es-ehr, keyword "sepsis" (any case) → de-icu; es-cancer matches nothing.
    expect(a.datasets.map((d: { id: string }) => d.id)).toEqual(['es-ehr', 'fi-genomes', 'de-icu']);
    expect(a.total).toBe(3);
    expect(a.individuals).toBe(350_000);
    expect(a.records).toBe(10_200_000);
    expect(a.countries).toEqual([
      { country: 'DE', datasets: 1 },
      { country: 'ES', datasets: 1 },
      { country: 'FI', datasets: 1 },
    ]);
    expect(a.qualityLabels).toEqual([
      { stars: '3', datasets: 1 },
      { stars: '5', datasets: 1 },
      { stars: 'none', datasets: 1 },
    ]);
    expect(a.categoriesCovered).toEqual(['EHRS', 'HGPD']);
    expect(a.categoriesMissing).toEqual(['RPDG']);
    expect(a.datasets[2]).toMatchObject({ matchedCategories: [], matchedKeywords: ['sepsis'] });
  });

  it('keeps one changeable score set per account and refuses scores outside 1–5', async () => {
    const { id } = await propose('user');
    const put = (user: string, v: number[]) =>
      call(user, 'PUT', `/api/use-cases/${id}/score`, { scores: scores(v) });
    expect((await put('user', [1, 1, 1, 1, 1, 1, 1])).statusCode).toBe(200);
    expect((await put('user', [5, 5, 5, 5, 5, 5, 5])).statusCode).toBe(200);
    expect((await put('hdab', [3, 3, 3, 3, 3, 3, 3])).statusCode).toBe(200);
    const detail = (await call('user', 'GET', `/api/use-cases/${id}`)).json();
    expect(detail.scoreCount).toBe(2);
    expect(detail.meanScores.clinical_benefit).toBe(4);
    expect(detail.myScores).toEqual(scores([5, 5, 5, 5, 5, 5, 5]));
    const bad = await call('user', 'PUT', `/api/use-cases/${id}/score`, {
      scores: { ...scores([6, 0, 2.5, 3, 3, 3, 3]), eu_strategic_value: undefined },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'scores.clinical_benefit',
      'scores.data_availability',
      'scores.technical_feasibility',
      'scores.eu_strategic_value',
    ]);
    expect(
      (
        await call('user', 'PUT', `/api/use-cases/${randomUUID()}/score`, {
          scores: scores([3, 3, 3, 3, 3, 3, 3]),
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('user', 'GET', '/api/use-cases/not-a-uuid')).statusCode).toBe(400);
  });

  it('toggles one vote per account and takes comments', async () => {
    const { id } = await propose('user');
    const vote = (user: string) => call(user, 'POST', `/api/use-cases/${id}/vote`);
    expect((await vote('user')).json()).toEqual({ voted: true, votes: 1 });
    expect((await vote('hdab')).json()).toEqual({ voted: true, votes: 2 });
    expect((await vote('user')).json()).toEqual({ voted: false, votes: 1 });
    expect((await call('user', 'POST', `/api/use-cases/${id}/comments`, { body: '' })).statusCode).toBe(400);
    expect(
      (await call('holder-de', 'POST', `/api/use-cases/${id}/comments`, { body: 'We hold ICU data.' }))
        .statusCode,
    ).toBe(201);
    const detail = (await call('hdab', 'GET', `/api/use-cases/${id}`)).json();
    expect(detail).toMatchObject({
      votes: 1,
      voted: true,
      comments: [{ author: 'Jonas Becker', body: 'We hold ICU data.' }],
    });
  });

  it('lets only HDAB staff move stages, along the table, each move recorded and audited', async () => {
    const { id } = await propose('user');
    const move = (user: string, stage: string, reason?: string) =>
      call(user, 'POST', `/api/use-cases/${id}/stage`, { stage, ...(reason ? { reason } : {}) });
    expect((await move('user', 'under_review')).statusCode).toBe(403);
    expect((await move('hdab', 'under_review', 'complete enough')).json()).toEqual({ stage: 'under_review' });
    const skip = await move('hdab', 'pilot');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toMatch(/can move to prioritised or proposed or rejected, not pilot/);
    expect((await move('hdab', 'unknown')).statusCode).toBe(400);
    const detail = (await call('user', 'GET', `/api/use-cases/${id}`)).json();
    expect(detail.stageHistory.map((e: { from: string | null; to: string }) => [e.from, e.to])).toEqual([
      [null, 'proposed'],
      ['proposed', 'under_review'],
    ]);
    expect(detail.stageHistory[1]).toMatchObject({ by: 'Eva Novak (HDAB)', reason: 'complete enough' });
    const audit = await hub.db.query<{ details: { from: string; to: string } }>(
      `SELECT details FROM audit_event WHERE action = 'use_case.stage' AND object = $1`,
      [`use_case:${id}`],
    );
    expect(audit.map((a) => a.details)).toEqual([
      { from: 'proposed', to: 'under_review', reason: 'complete enough' },
    ]);
  });

  it('links existing applications and permits only, by the proposer or staff', async () => {
    const { id } = await propose('user');
    const [account] = await hub.db.query<{ id: string }>(`SELECT id FROM account WHERE username = 'user'`);
    const appId = randomUUID();
    await hub.db.query(
      `INSERT INTO application (id, reference, kind, status, applicant_id) VALUES ($1, 'FI-APP-2026-000099', 'application', 'DECISION_ISSUED', $2)`,
      [appId, account!.id],
    );
    await hub.db.query(
      `INSERT INTO permit (id, root_id, version, application_id, status, valid_from, valid_until, active_from, content, signed)
       VALUES ('P-2026-0099-FI', 'P-2026-0099-FI', 1, $1, 'GRANTED', now(), now() + interval '1 year', now(), '{}', '{}')`,
      [appId],
    );
    const link = (user: string, kind: string, target: string) =>
      call(user, 'POST', `/api/use-cases/${id}/links`, { kind, id: target });
    expect((await link('user', 'application', 'FI-APP-2026-000099')).json()).toEqual({
      kind: 'application',
      id: appId,
    });
    expect((await link('hdab', 'permit', 'P-2026-0099-FI')).statusCode).toBe(201);
    expect((await link('holder-fi', 'permit', 'P-2026-0099-FI')).statusCode).toBe(403);
    const missing = await link('user', 'permit', 'P-2026-0000-XX');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues).toEqual([{ path: 'id', message: 'no permit has the id P-2026-0000-XX' }]);
    expect((await link('user', 'application', randomUUID())).statusCode).toBe(400);
    const detail = (await call('user', 'GET', `/api/use-cases/${id}`)).json();
    expect(detail.links).toEqual({
      applications: [{ id: appId, reference: 'FI-APP-2026-000099' }],
      permits: [{ id: 'P-2026-0099-FI', status: 'GRANTED' }],
    });
  });
});

describe('use-case ranking', () => {
  let hub: TestHub;
  const rank = (payload: unknown, user = 'user') =>
    hub.as(user, { method: 'POST', url: '/api/use-cases/ranking', payload: payload as object });

  beforeAll(async () => {
    hub = await createTestHub();
    // Three use cases, scored by two stakeholders; the means are what the ranking uses.
    const ids: string[] = [];
    for (const title of ['A', 'B', 'C', 'unscored']) {
      const res = await hub.as('user', {
        method: 'POST',
        url: '/api/use-cases',
        payload: { ...proposal, title },
      });
      ids.push(res.json().id);
    }
    const put = (user: string, i: number, v: number[]) =>
      hub.as(user, { method: 'PUT', url: `/api/use-cases/${ids[i]}/score`, payload: { scores: scores(v) } });
    // Means: A benefit 5, cost 4 | B benefit 3, cost 1 | C benefit 1, cost 2 (others all 3).
    await put('user', 0, [5, 3, 3, 3, 4, 3, 3]);
    await put('hdab', 0, [5, 3, 3, 3, 4, 3, 3]);
    await put('user', 1, [4, 3, 3, 3, 1, 3, 3]);
    await put('hdab', 1, [2, 3, 3, 3, 1, 3, 3]);
    await put('user', 2, [1, 3, 3, 3, 2, 3, 3]);
  });
  afterAll(() => hub?.close());

  it('ranks by weighted sum as computed by hand, with mean scores, the unscored apart and sensitivity', async () => {
    // Only clinical benefit (1) and cost/effort (3) weigh: n(benefit) = 1, 0.5, 0; n(cost) = 0, 1, 2/3.
    // A = 0.25; B = 0.125 + 0.75 = 0.875; C = 0.5.
    const res = await rank({ method: 'weighted_sum', weights: { clinical_benefit: 1, cost_effort: 3 } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.ranking.map((r: { title: string }) => r.title)).toEqual(['B', 'C', 'A']);
    expect(body.ranking.map((r: { score: number }) => r.score)).toEqual([0.875, 0.5, 0.25]);
    expect(body.ranking[0]).toMatchObject({ rank: 1, scoreCount: 2, meanScores: { clinical_benefit: 3 } });
    expect(body.unscored.map((u: { title: string }) => u.title)).toEqual(['unscored']);
    expect(body.weights.normalised.cost_effort).toBe(0.75);
    const benefit = body.sensitivity.curves.find(
      (c: { criterion: string }) => c.criterion === 'clinical_benefit',
    );
    expect(benefit.steps).toHaveLength(13);
    // Raising benefit's weight t (cost fixed at 3): B = (0.5t + 3)/(t+3), A = t/(t+3); A leads past t = 6,
    // beyond 3 × 1 — so no switch above; below there is none either (B leads down to 0).
    expect(benefit.above).toBeNull();
    expect(benefit.below).toBeNull();
    const cost = body.sensitivity.curves.find((c: { criterion: string }) => c.criterion === 'cost_effort');
    // Lowering cost's weight t (benefit fixed at 1): B = (0.5 + t)/(1+t), A = 1/(1+t); A leads below t = 0.5.
    expect(cost.below.weight).toBeCloseTo(0.5, 6);
    expect(body.ranking.find((r: { id: string }) => r.id === cost.below.top).title).toBe('A');
  });

  it('ranks by TOPSIS', async () => {
    const res = await rank({ method: 'topsis', weights: { clinical_benefit: 1, cost_effort: 3 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().method).toBe('topsis');
    expect(res.json().ranking.map((r: { title: string }) => r.title)).toEqual(['B', 'C', 'A']);
    expect(res.json().ranking[0].score).toBeGreaterThan(res.json().ranking[1].score);
  });

  it('refuses weights that do not make sense, saying why for each', async () => {
    const bad = await rank({ weights: { clinical_benefit: -1, cost_effort: 'a lot', happiness: 2 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([
      { path: 'weights.clinical_benefit', message: expect.stringMatching(/negative/) },
      { path: 'weights.cost_effort', message: 'the weight must be a number' },
      { path: 'weights.happiness', message: expect.stringMatching(/not a criterion/) },
    ]);
    const zero = await rank({ weights: { clinical_benefit: 0 } });
    expect(zero.json().issues).toEqual([
      { path: 'weights', message: expect.stringMatching(/every weight is 0/) },
    ]);
    expect((await rank({ method: 'electre' })).json().issues[0].path).toBe('method');
  });

  it('uses the default weights HDAB staff store; only staff store them, and not bad ones', async () => {
    const put = (user: string, weights: unknown) =>
      hub.as(user, { method: 'PUT', url: '/api/use-cases/weights', payload: { weights } });
    expect((await put('user', { clinical_benefit: 1 })).statusCode).toBe(403);
    expect((await put('hdab', { cost_effort: -2 })).statusCode).toBe(400);
    expect((await put('hdab', { clinical_benefit: 1, cost_effort: 3 })).statusCode).toBe(200);
    const got = (await hub.as('holder-fi', { method: 'GET', url: '/api/use-cases/weights' })).json();
    expect(got.weights).toMatchObject({ clinical_benefit: 1, cost_effort: 3, patient_impact: 0 });
    expect(got.criteria.find((c: { id: string }) => c.id === 'regulatory_complexity').direction).toBe('cost');
    const ranked = (await rank({})).json();
    expect(ranked.method).toBe('weighted_sum');
    expect(ranked.ranking.map((r: { score: number }) => r.score)).toEqual([0.875, 0.5, 0.25]);
  });

  it('seeds the demo once: six use cases, one at pilot, a non-trivial ranking', async () => {
    expect(await seedUseCasesDemo(hub.db)).toBe(6);
    expect(await seedUseCasesDemo(hub.db)).toBe(0);
    const list = (await hub.as('user', { method: 'GET', url: '/api/use-cases' })).json().items;
    expect(
      list.filter((u: { stage: string }) => u.stage === 'pilot').map((u: { title: string }) => u.title),
    ).toEqual(['Sepsis early warning in hospital wards']);
    const ranked = (
      await rank({ method: 'topsis', weights: { clinical_benefit: 2, patient_impact: 1, cost_effort: 1 } })
    ).json();
    const scoresSeen = new Set(ranked.ranking.map((r: { score: number }) => r.score.toFixed(6)));
    expect(scoresSeen.size).toBe(ranked.ranking.length);
    expect(ranked.unscored.map((u: { title: string }) => u.title)).toContain(
      'Antimicrobial resistance forecasting',
    );
  });
});
