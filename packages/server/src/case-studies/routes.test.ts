import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { receiveOutputs } from '../airlock/service';
import { findNode } from '../federation/nodes';
import { createTestHub, type TestHub } from '../http/test-hub';
import { grantTestPermit } from '../permits/test-support';
import { hdabSdcPolicy } from '../spe/policy';
import { insertAnalysis } from '../spe/store';

const DAY = 86_400_000;
const csv = (rows: string[]) => Buffer.from(`${rows.join('\n')}\n`).toString('base64');

// Case studies over the hub's API (issue 6 §3): written by any signed-in user, pre-filled from a permit
// its named persons hold (with what the airlock released and the KPIs), reviewed by HDAB staff who did
// not write them, then public in the library. Every move is audited.
describe('case studies', () => {
  let hub: TestHub;
  let permitId: string;
  let nodeId: string;

  const call = (who: string | null, method: InjectOptions['method'], url: string, payload?: object) =>
    hub.as(who, { method, url, ...(payload ? { payload } : {}) });
  const ok = async (who: string | null, method: InjectOptions['method'], url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    if (res.statusCode >= 400) throw new Error(`${method} ${url} as ${who}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  beforeAll(async () => {
    hub = await createTestHub();
    // Prepare: a data holder's node with two catalogue datasets, and a permit naming the demo user.
    nodeId = randomUUID();
    await hub.db.query(
      `INSERT INTO node (id, name, country, organisation_name, public_key, status)
       VALUES ($1, 'Helsinki Biobank node', 'FI', 'Helsinki Biobank (demo)', $2, 'APPROVED')`,
      [nodeId, `test-key-${nodeId}`],
    );
    for (const [id, title] of [
      ['fi-sepsis-icu', 'Finnish intensive-care admissions 2015–2024'],
      ['fi-labs', 'Helsinki laboratory results'],
    ])
      await hub.db.query(
        `INSERT INTO dataset (id, node_id, status, description) VALUES ($1, $2, 'PUBLISHED', $3::jsonb)`,
        [id, nodeId, JSON.stringify({ title: { en: title, fi: `${title} (fi)` } })],
      );
    const grantedAt = new Date(Date.now() - 10 * DAY);
    const permit = await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [
        { datasetId: 'fi-sepsis-icu', country: 'FI' },
        { datasetId: 'fi-labs', country: 'FI' },
      ],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - 11 * DAY).toISOString(),
      validUntil: new Date(Date.now() + 365 * DAY).toISOString(),
      at: grantedAt,
    });
    permitId = permit.id;
    // The application was submitted 30 days before the grant (the test grant records both at once).
    await hub.db.query('UPDATE application SET submitted_at = $2 WHERE id = $1', [
      permit.applicationId,
      new Date(grantedAt.getTime() - 30 * DAY).toISOString(),
    ]);
  });
  afterAll(() => hub?.close());

  it('pre-fills a draft from a real permit: datasets, released outputs and KPIs', async () => {
    // Prepare: work under the permit: an analysis, a job, and outputs released through the airlock
    const [marie] = await hub.db.query<{ id: string }>(`SELECT id FROM account WHERE username = 'user'`);
    await insertAnalysis(hub.db, {
      id: randomUUID(),
      permitId,
      kind: 'describe',
      request: {},
      nodes: [nodeId],
      createdBy: marie!.id,
    });
    await ok('user', 'POST', `/api/workspaces/${permitId}/jobs`, { language: 'python', script: 'print(1)' });
    const node = (await findNode(hub.db, nodeId))!;
    const received = await receiveOutputs(
      hub.db,
      node,
      {
        permitId,
        origin: { kind: 'job', id: 'job-1' },
        author: 'user',
        files: [{ name: 'auroc.csv', mediaType: 'text/csv', contentBase64: csv(['site,n', 'a,40', 'b,55']) }],
      },
      hdabSdcPolicy(hub.config),
    );
    const id = received.id;
    await ok('user', 'POST', `/api/airlock/${id}/submit`, { note: 'Counts by site.' });
    for (const checker of ['hdab', 'hdab-checker'])
      await ok(checker, 'POST', `/api/airlock/${id}/reviews`, { votes: { 'auroc.csv': 'approve' } });
    await ok('hdab', 'POST', `/api/airlock/${id}/decision`, { action: 'approve' });
    await ok('hdab-checker', 'POST', `/api/airlock/${id}/release`);

    // Execute
    const res = await call('user', 'POST', '/api/case-studies/prefill', { permitId, useCaseId: 'UC-7' });

    // Assert: a draft with the permit's facts, the airlock's release, the KPIs, and an audit entry
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({
      status: 'DRAFT',
      reference: expect.stringMatching(/^CS-\d{4}-\d{6}$/),
      author: 'user',
      permits: [permitId],
      sourcePermitId: permitId,
      countries: ['FI'],
      useCaseId: 'UC-7',
      datasets: [
        { datasetId: 'fi-sepsis-icu', title: 'Finnish intensive-care admissions 2015–2024' },
        { datasetId: 'fi-labs', title: 'Helsinki laboratory results' },
      ],
      outputs: [
        {
          reference: received.reference,
          origin: 'job',
          files: [{ name: 'auroc.csv', mediaType: 'text/csv' }],
        },
      ],
    });
    expect(draft.kpis).toMatchObject({ daysApplicationToPermit: 30, analyses: 1, jobs: 1 });
    expect(draft.kpis.daysPermitToFirstOutput).toBeCloseTo(10, 0);
    expect(draft.results).toContain(`${received.reference} (code-to-data job): auroc.csv [text/csv]`);
    const audited = await hub.db.query<{ action: string; details: { permit?: string } }>(
      'SELECT action, details FROM audit_event WHERE object = $1',
      [`case-study:${draft.reference}`],
    );
    expect(audited).toEqual([
      { action: 'case-study.prefill', details: expect.objectContaining({ permit: permitId }) },
    ]);
  });

  it('lets only named persons and staff pre-fill; for others the permit does not exist', async () => {
    expect((await call('researcher-thl', 'POST', '/api/case-studies/prefill', { permitId })).statusCode).toBe(
      404,
    );
    expect((await call('holder-fi', 'POST', '/api/case-studies/prefill', { permitId })).statusCode).toBe(404);
    expect((await call(null, 'POST', '/api/case-studies/prefill', { permitId })).statusCode).toBe(401);
    const staff = await call('hdab', 'POST', '/api/case-studies/prefill', { permitId });
    expect(staff.statusCode).toBe(201);
    expect(staff.json().author).toBe('hdab');
  });

  it('refuses the applicant who is not named in the permit', async () => {
    // Prepare: a permit the demo user applied for but which names someone else only
    const other = await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-labs', country: 'FI' }],
      persons: [{ name: 'Someone Else', email: 'else@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: new Date(Date.now() + 30 * DAY).toISOString(),
    });
    const res = await call('user', 'POST', '/api/case-studies/prefill', { permitId: other.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/persons named in permit/);
  });

  it('walks draft → review → returned with a reason → review → published, four eyes, every move audited', async () => {
    // Prepare: a draft written by hand by a data user
    const created = await call('researcher-thl', 'POST', '/api/case-studies', {
      title: 'Registry-based follow-up of hip fractures',
      problem: 'How long do older patients stay in hospital after a hip fracture?',
      tags: ['Orthopaedics'],
      countries: ['fi'],
    });
    expect(created.statusCode).toBe(201);
    const cs = created.json();
    expect(cs).toMatchObject({ status: 'DRAFT', tags: ['orthopaedics'], countries: ['FI'], version: 1 });
    const move = (who: string, action: string, reason?: string) =>
      call(who, 'POST', `/api/case-studies/${cs.id}/transitions`, { action, ...(reason ? { reason } : {}) });

    // A draft is the author's and staff's only
    expect((await call(null, 'GET', `/api/case-studies/${cs.id}`)).statusCode).toBe(404);
    expect((await call('user', 'GET', `/api/case-studies/${cs.id}`)).statusCode).toBe(404);
    expect((await call('hdab', 'GET', `/api/case-studies/${cs.id}`)).json().can.review).toBe(false);
    expect((await move('user', 'submit')).statusCode).toBe(404);
    expect((await move('hdab', 'submit')).statusCode).toBe(403);

    expect((await move('researcher-thl', 'submit')).json().status).toBe('IN_REVIEW');
    // Nothing changes under review: what is reviewed is what is published
    const edit = await call('researcher-thl', 'PUT', `/api/case-studies/${cs.id}`, {
      title: 'Changed',
      version: 1,
    });
    expect(edit.statusCode).toBe(409);
    expect((await move('researcher-thl', 'publish')).statusCode).toBe(403);
    const noReason = await move('hdab', 'return');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().issues).toEqual([expect.objectContaining({ path: 'reason' })]);
    const returned = await move('hdab', 'return', 'Say which registry and which years.');
    expect(returned.json()).toMatchObject({
      status: 'DRAFT',
      returnReason: 'Say which registry and which years.',
    });

    // The author revises (a save from a stale version is refused) and submits again; another reviewer publishes
    const first = await call('researcher-thl', 'PUT', `/api/case-studies/${cs.id}`, {
      title: 'Hip fractures',
      version: 1,
    });
    expect(first.json().version).toBe(2);
    const stale = await call('researcher-thl', 'PUT', `/api/case-studies/${cs.id}`, {
      title: 'Lost',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/changed since you opened it/);
    const revised = await ok('researcher-thl', 'PUT', `/api/case-studies/${cs.id}`, {
      title: 'Registry-based follow-up of hip fractures, Finland 2015–2024',
      problem: 'Length of stay after hip fracture in the Finnish care register, 2015–2024.',
      tags: ['orthopaedics', 'registry'],
      countries: ['FI'],
      version: 2,
    });
    expect(revised.version).toBe(3);
    await move('researcher-thl', 'submit');
    const published = await move('hdab-checker', 'publish');
    expect(published.json()).toMatchObject({
      status: 'PUBLISHED',
      reviewer: 'hdab-checker',
      returnReason: null,
    });

    // Assert: public now, without the insiders' history; the whole history and audit trail kept
    const anonymous = (await call(null, 'GET', `/api/case-studies/${cs.id}`)).json();
    expect(anonymous).toMatchObject({ status: 'PUBLISHED', history: null, returnReason: null });
    const author = (await call('researcher-thl', 'GET', `/api/case-studies/${cs.id}`)).json();
    expect(author.history.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'edit',
      'edit',
      'submit',
      'publish',
    ]);
    expect(author.history[2]).toMatchObject({
      actor: 'account:hdab',
      reason: 'Say which registry and which years.',
    });
    const audited = await hub.db.query<{ action: string; actor: string }>(
      'SELECT action, actor FROM audit_event WHERE object = $1 ORDER BY seq',
      [`case-study:${cs.reference}`],
    );
    expect(audited.map((a) => `${a.actor} ${a.action}`)).toEqual([
      'account:researcher-thl case-study.create',
      'account:researcher-thl case-study.submit',
      'account:hdab case-study.return',
      'account:researcher-thl case-study.edit',
      'account:researcher-thl case-study.edit',
      'account:researcher-thl case-study.submit',
      'account:hdab-checker case-study.publish',
    ]);
    // Staff take it down with a reason; then it is no longer public
    expect((await move('hdab', 'unpublish', 'The registry asked for a correction.')).json().status).toBe(
      'DRAFT',
    );
    expect((await call(null, 'GET', `/api/case-studies/${cs.id}`)).statusCode).toBe(404);
  });

  it('never lets staff publish their own case study', async () => {
    const cs = await ok('hdab', 'POST', '/api/case-studies', { title: 'What the HDAB learned from 2025' });
    await ok('hdab', 'POST', `/api/case-studies/${cs.id}/transitions`, { action: 'submit' });
    const self = await call('hdab', 'POST', `/api/case-studies/${cs.id}/transitions`, { action: 'publish' });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/four eyes/);
    const queue = await ok('hdab-checker', 'GET', '/api/case-studies/review');
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(cs.id);
    expect((await call('hdab-checker', 'GET', `/api/case-studies/${cs.id}`)).json().can.review).toBe(true);
    expect((await call('user', 'GET', '/api/case-studies/review')).statusCode).toBe(403);
  });

  it('lists the signed-in user’s own case studies in every status', async () => {
    const mine = await ok('user', 'GET', '/api/case-studies/mine');
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((c: { author: string }) => c.author === 'user')).toBe(true);
    expect((await call(null, 'GET', '/api/case-studies/mine')).statusCode).toBe(401);
  });

  it('answers bad input with problem+json listing every field', async () => {
    const res = await call('user', 'POST', '/api/case-studies', {
      title: 'x',
      countries: ['Finland'],
      tags: ['#bad'],
      datasets: [{ title: 'no id' }],
      colour: 'blue',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'countries[0]', 'tags[0]', 'datasets[0].datasetId']),
    );
    expect(res.json().issues.length).toBeGreaterThanOrEqual(5);
    const transition = await call('user', 'POST', `/api/case-studies/${randomUUID()}/transitions`, {
      action: 'fly',
    });
    expect(transition.statusCode).toBe(400);
    expect(transition.json().issues[0].path).toBe('action');
    expect((await call(null, 'GET', '/api/case-studies/not-a-uuid')).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/case-studies?pageSize=500')).statusCode).toBe(400);
  });
});
