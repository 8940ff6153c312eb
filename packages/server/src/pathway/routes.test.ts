import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';

const ANSWERS = {
  purpose: 'SCIENTIFIC_RESEARCH',
  prohibitedUses: ['none'],
  ethicsReview: 'required',
  dataForm: 'statistics',
  countries: 'several',
  deviceSoftware: 'none',
  buildsAi: 'no',
};

describe('pathway routes', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('serves the questionnaire and evaluates answers for anyone, signed in or not', async () => {
    const q = await hub.as(null, { method: 'GET', url: '/api/pathway/questionnaire' });
    expect(q.json().questions[0]).toMatchObject({ id: 'purpose', group: 'purpose', kind: 'single' });
    const partial = await hub.as(null, {
      method: 'POST',
      url: '/api/pathway/evaluate',
      payload: { answers: { dataForm: 'record_level' } },
    });
    expect(partial.json().visible).toContain('identifiability');
    expect(partial.json().report.status).toBe('incomplete');
    const full = await hub.as(null, {
      method: 'POST',
      url: '/api/pathway/evaluate',
      payload: { answers: ANSWERS },
    });
    expect(full.json().report.status).toBe('complete');
    expect(
      full.json().report.steps.find((s: { id: string }) => s.id === 'apply_data_request').authority,
    ).toBe('hdabs_healthdata_eu');
  });

  it('answers bad answers with a problem naming each', async () => {
    const res = await hub.as(null, {
      method: 'POST',
      url: '/api/pathway/evaluate',
      payload: { answers: { purpose: 'MARKETING', colour: 'blue' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual(['purpose', 'colour']);
  });

  it('saves a report for its owner only, computed by the hub', async () => {
    expect(
      (
        await hub.as(null, {
          method: 'POST',
          url: '/api/pathway/reports',
          payload: { title: 'x', answers: ANSWERS },
        })
      ).statusCode,
    ).toBe(401);
    const saved = await hub.as('user', {
      method: 'POST',
      url: '/api/pathway/reports',
      payload: { title: 'Retinopathy model', answers: ANSWERS, report: { status: 'complete' } },
    });
    // A report sent in is refused: the hub computes it.
    expect(saved.statusCode).toBe(400);
    const ok = await hub.as('user', {
      method: 'POST',
      url: '/api/pathway/reports',
      payload: { title: 'Retinopathy model', answers: ANSWERS },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().report.classification.route).toBe('data_request');
    const mine = await hub.as('user', { method: 'GET', url: '/api/pathway/reports' });
    expect(mine.json().items.map((r: { title: string }) => r.title)).toEqual(['Retinopathy model']);
    expect(
      (await hub.as('user', { method: 'GET', url: `/api/pathway/reports/${ok.json().id}` })).statusCode,
    ).toBe(200);
    expect(
      (await hub.as('researcher-thl', { method: 'GET', url: `/api/pathway/reports/${ok.json().id}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await hub.as('researcher-thl', { method: 'GET', url: '/api/pathway/reports' })).json().items,
    ).toEqual([]);
  });
});
