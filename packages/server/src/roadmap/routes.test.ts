import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { listAudit } from '../audit/service';
import { seedRoadmapDemo } from './seed';

const REC = {
  title: 'Publish a national list of AI use cases',
  rationale: 'Stakeholders asked to see which AI applications are being built with EHDS data.',
  owner: 'Patient organisations forum (demo)',
  targetDate: '2028-03-31',
  kpiKeys: ['ai-products.reported'],
};

describe('roadmap routes', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub();
    await seedRoadmapDemo(hub.db);
    await seedRoadmapDemo(hub.db); // idempotent
  });
  afterAll(() => hub?.close());

  it('lets any signed-in account read the seeded roadmap, and nobody signed out', async () => {
    expect((await hub.as(null, { method: 'GET', url: '/api/roadmap/recommendations' })).statusCode).toBe(401);
    const recs = await hub.as('user', { method: 'GET', url: '/api/roadmap/recommendations' });
    expect(recs.statusCode).toBe(200);
    expect(recs.json().items).toHaveLength(7);
    const ms = (await hub.as('citizen-test', { method: 'GET', url: '/api/roadmap/milestones' })).json().items;
    expect(ms).toHaveLength(8);
    expect(ms[0]).toMatchObject({ dueDate: '2025-03-25', status: 'done' });
    const chapterIv = ms.find((m: { dueDate: string }) => m.dueDate === '2029-03-26');
    expect(chapterIv.recommendationIds).toHaveLength(2);
    expect(chapterIv.kpiTargets).toEqual([{ key: 'permits.granted', target: 50 }]);
  });

  it('filters recommendations by status, refusing an unknown status', async () => {
    const done = await hub.as('user', { method: 'GET', url: '/api/roadmap/recommendations?status=done' });
    expect(done.json().items.map((r: { status: string }) => r.status)).toEqual(['done']);
    const bad = await hub.as('user', { method: 'GET', url: '/api/roadmap/recommendations?status=finished' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('status');
  });

  it('lets HDAB staff record a recommendation (defaulting to proposed) and refuses data users', async () => {
    const refused = await hub.as('user', {
      method: 'POST',
      url: '/api/roadmap/recommendations',
      payload: REC,
    });
    expect(refused.statusCode).toBe(403);
    const created = await hub.as('hdab', {
      method: 'POST',
      url: '/api/roadmap/recommendations',
      payload: REC,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...REC, status: 'proposed' });
    const read = await hub.as('user', {
      method: 'GET',
      url: `/api/roadmap/recommendations/${created.json().id}`,
    });
    expect(read.json().title).toBe(REC.title);
  });

  it('lists every bad field of a recommendation', async () => {
    const res = await hub.as('admin', {
      method: 'POST',
      url: '/api/roadmap/recommendations',
      payload: {
        title: 'x',
        rationale: '',
        owner: 'hdab',
        status: 'maybe',
        targetDate: '2027-02-30',
        kpiKeys: ['Permits Granted', 'ok.key', 'ok.key'],
        extra: 1,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'rationale', 'status', 'targetDate', 'kpiKeys[0]', 'kpiKeys']),
    );
    // The unknown field is named too (strict bodies: a typo is not silently dropped).
    expect(res.json().issues.some((i: { message: string }) => /extra/.test(i.message))).toBe(true);
  });

  it('audits a status change with the old and new status', async () => {
    const created = (
      await hub.as('hdab', { method: 'POST', url: '/api/roadmap/recommendations', payload: REC })
    ).json();
    const res = await hub.as('hdab', {
      method: 'PUT',
      url: `/api/roadmap/recommendations/${created.id}`,
      payload: { ...REC, status: 'agreed' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('agreed');
    const events = await listAudit(hub.db, { limit: 50 });
    const change = events.find(
      (e) => e.action === 'roadmap.recommendation.status' && e.object === `recommendation:${created.id}`,
    );
    expect(change).toMatchObject({ actor: 'account:hdab', details: { from: 'proposed', to: 'agreed' } });
    const missing = await hub.as('hdab', {
      method: 'PUT',
      url: '/api/roadmap/recommendations/00000000-0000-4000-8000-000000000000',
      payload: REC,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('creates and updates a milestone with links and KPI targets, refusing unknown links', async () => {
    const rec = (
      await hub.as('hdab', { method: 'POST', url: '/api/roadmap/recommendations', payload: REC })
    ).json();
    const body = {
      title: 'AI use-case list published',
      dueDate: '2028-03-31',
      recommendationIds: [rec.id],
      kpiTargets: [{ key: 'ai-products.reported', target: 5 }],
    };
    const created = await hub.as('admin', { method: 'POST', url: '/api/roadmap/milestones', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...body, status: 'planned' });
    const updated = await hub.as('hdab', {
      method: 'PUT',
      url: `/api/roadmap/milestones/${created.json().id}`,
      payload: { ...body, status: 'done', recommendationIds: [] },
    });
    expect(updated.json()).toMatchObject({ status: 'done', recommendationIds: [] });
    const events = await listAudit(hub.db, { limit: 50 });
    expect(events.find((e) => e.action === 'roadmap.milestone.status')).toMatchObject({
      details: { from: 'planned', to: 'done' },
    });
    const unknown = await hub.as('hdab', {
      method: 'POST',
      url: '/api/roadmap/milestones',
      payload: { ...body, recommendationIds: [rec.id, '00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues).toEqual([expect.objectContaining({ path: 'recommendationIds[1]' })]);
    const bad = await hub.as('hdab', {
      method: 'POST',
      url: '/api/roadmap/milestones',
      payload: { title: 'T', dueDate: '29-03-2029', kpiTargets: [{ key: 'a', target: 'high' }] },
    });
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'title',
      'dueDate',
      'kpiTargets[0].target',
    ]);
    const twice = await hub.as('hdab', {
      method: 'POST',
      url: '/api/roadmap/milestones',
      payload: {
        ...body,
        dueDate: '2100-13-01',
        kpiTargets: [
          { key: 'a', target: 1 },
          { key: 'a', target: 2 },
        ],
      },
    });
    expect(twice.json().issues).toEqual([
      expect.objectContaining({ path: 'dueDate' }),
      expect.objectContaining({ path: 'kpiTargets', message: 'a KPI is given two targets' }),
    ]);
    const refused = await hub.as('holder-fi', {
      method: 'POST',
      url: '/api/roadmap/milestones',
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
  });
});
