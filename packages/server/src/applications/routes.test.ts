import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRITERION_IDS, exampleApplication, verifyDocument } from '@openehds/core';
import { hubKeyPair } from '../federation/hub-key';
import { createTestHub, type TestHub } from '../http/test-hub';
import { createAccount } from '../auth/service';
import { DEMO_PASSWORD } from '../demo/seed';

// The case file from draft to signed decision, over HTTP in process, as applicant, HDAB and holder.
describe('applications and the HDAB back office', () => {
  let hub: TestHub;
  const json = { 'x-requested-with': 'test' };

  beforeAll(async () => {
    hub = await createTestHub();
    const [holder] = await hub.db.query<{ organisation_id: string }>(
      `SELECT organisation_id FROM account WHERE username = 'holder-fi'`,
    );
    await hub.db.query(
      `INSERT INTO dataset (id, organisation_id, status, description) VALUES ('fi-biobank', $1, 'PUBLISHED', '{}'::jsonb)`,
      [holder!.organisation_id],
    );
    await createAccount(hub.db, {
      username: 'other-user',
      displayName: 'Other',
      role: 'data_user',
      organisationId: null,
      password: DEMO_PASSWORD,
    });
  });
  afterAll(() => hub?.close());

  const as = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    hub.as(who, {
      method,
      url,
      headers: json,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  it('walks a file from draft to a signed grant, with every rule enforced on the way', async () => {
    // A draft autosaves whatever it has; its completeness lists what is still missing.
    const created = await as('user', 'POST', '/api/applications', { kind: 'application' });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({
      status: 'DRAFT',
      version: 1,
      reference: expect.stringMatching(/^[A-Z]{2}-APP-\d{4}-\d{6}$/),
    });
    expect(draft.completeness.length).toBeGreaterThan(10);
    const id = draft.id as string;

    // Submitting an incomplete file lists every missing field at once.
    const early = await as('user', 'POST', `/api/applications/${id}/submit`);
    expect(early.statusCode).toBe(400);
    expect(early.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['title', 'purposes', 'persons', 'declarations.ADVERTISING_MARKETING']),
    );

    // Nobody else sees a draft: another applicant and the HDAB get 404.
    expect((await as('other-user', 'GET', `/api/applications/${id}`)).statusCode).toBe(404);
    expect((await as('hdab', 'GET', `/api/applications/${id}`)).statusCode).toBe(404);

    const content = {
      ...exampleApplication(),
      datasets: [{ datasetId: 'fi-biobank', country: 'FI', variables: ['condition_occurrence'] }],
    };
    const stale = await as('user', 'PUT', `/api/applications/${id}/content`, { content, version: 7 });
    expect(stale.statusCode).toBe(409);
    const saved = await as('user', 'PUT', `/api/applications/${id}/content`, { content, version: 1 });
    expect(saved.json()).toMatchObject({ version: 2, completeness: [] });

    // A private company may not claim public health (Art. 53(2)).
    await as('user', 'PUT', `/api/applications/${id}/content`, {
      content: { ...content, purposes: ['PUBLIC_HEALTH'] },
      version: 2,
    });
    const reserved = await as('user', 'POST', `/api/applications/${id}/submit`);
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json().issues[0].message).toMatch(/53\(2\)/);
    await as('user', 'PUT', `/api/applications/${id}/content`, { content, version: 3 });

    const submitted = await as('user', 'POST', `/api/applications/${id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'SUBMITTED', accelerated: false });
    expect(
      (await as('user', 'PUT', `/api/applications/${id}/content`, { content, version: 4 })).statusCode,
    ).toBe(409);

    // The HDAB's queue shows it with its clocks.
    const queue = (await as('hdab', 'GET', '/api/applications')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(queue.items[0].clocks.clocks.length).toBeGreaterThan(0);

    // Pre-screening; asking for information needs a reason, then pauses the file.
    expect(
      (await as('hdab', 'POST', `/api/applications/${id}/transitions`, { event: 'complete' })).statusCode,
    ).toBe(409);
    await as('hdab', 'POST', `/api/applications/${id}/transitions`, { event: 'start-pre-screening' });
    const noReason = await as('hdab', 'POST', `/api/applications/${id}/transitions`, {
      event: 'request-information',
    });
    expect(noReason.statusCode).toBe(400);
    const asked = await as('hdab', 'POST', `/api/applications/${id}/transitions`, {
      event: 'request-information',
      reason: 'Please name the ethics committee contact.',
    });
    expect(asked.json().status).toBe('AWAITING_ADDITIONAL_INFORMATION');
    const answered = await as('user', 'POST', `/api/applications/${id}/information`, {
      answer: 'Dr. Leroy, CPP Île-de-France.',
    });
    expect(answered.json().status).toBe('PRE_SCREENING');
    const processing = (
      await as('hdab', 'POST', `/api/applications/${id}/transitions`, { event: 'complete' })
    ).json();
    expect(processing.status).toBe('PROCESSING');
    const decisionClock = processing.clocks.clocks.find((c: { name: string }) => c.name === 'decision');
    expect(decisionClock.state).toBe('running');
    const months = (Date.parse(decisionClock.dueAt) - Date.now()) / (30.44 * 24 * 3600_000);
    expect(months).toBeGreaterThan(2.9);
    expect(months).toBeLessThan(3.1);

    // No decision before the checklist is complete.
    const tooSoon = await as('hdab', 'POST', `/api/applications/${id}/decision`, {
      outcome: 'GRANTED',
      reasons: 'All criteria met.',
      validFrom: '2027-01-01',
      validUntil: '2029-12-31',
    });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json().issues[0]).toMatchObject({
      path: 'outcome',
      message: expect.stringMatching(/checklist is not complete/),
    });
    for (const criterion of CRITERION_IDS) {
      const r = await as('hdab', 'PUT', `/api/applications/${id}/assessment/${criterion}`, {
        verdict: 'met',
        justification: `Checked ${criterion}.`,
      });
      expect(r.statusCode, criterion).toBe(200);
    }

    // Holder costs, then the fee estimate, which the applicant accepts before the grant (Art. 62).
    const costs = (await as('hdab', 'POST', `/api/applications/${id}/holder-costs`)).json();
    expect(costs.holderCosts).toHaveLength(1);
    expect((await as('hdab', 'POST', `/api/applications/${id}/fee-estimate`)).statusCode).toBe(409);
    const requests = (await as('holder-fi', 'GET', '/api/holder/cost-requests')).json();
    expect(requests.items[0]).toMatchObject({ applicationId: id, amount: null });
    expect((await as('holder-es', 'PUT', `/api/holder/cost-requests/${id}`, { amount: 1 })).statusCode).toBe(
      404,
    );
    await as('holder-fi', 'PUT', `/api/holder/cost-requests/${id}`, {
      amount: 450,
      note: 'sample retrieval',
    });
    const estimate = (await as('hdab', 'POST', `/api/applications/${id}/fee-estimate`)).json();
    expect(estimate.estimate.lines.at(-1)).toMatchObject({ phase: 'holder', amount: 450 });
    const unpaid = await as('hdab', 'POST', `/api/applications/${id}/decision`, {
      outcome: 'GRANTED',
      reasons: 'All criteria met.',
      validFrom: '2027-01-01',
      validUntil: '2029-12-31',
    });
    expect(unpaid.statusCode).toBe(409);
    expect(
      (await as('user', 'POST', `/api/applications/${id}/fee-estimate/accept`)).json().acknowledgedAt,
    ).toBeTruthy();

    const tooLong = await as('hdab', 'POST', `/api/applications/${id}/decision`, {
      outcome: 'GRANTED',
      reasons: 'ok',
      validFrom: '2027-01-01',
      validUntil: '2038-01-01',
    });
    expect(tooLong.json().issues).toEqual([
      expect.objectContaining({ path: 'validUntil', message: expect.stringMatching(/10 years/) }),
    ]);
    const granted = await as('hdab', 'POST', `/api/applications/${id}/decision`, {
      outcome: 'GRANTED',
      reasons: 'All criteria of Art. 68(1) are met.',
      validFrom: '2027-01-01',
      validUntil: '2029-12-31',
      conditions: ['Outputs pass disclosure control.'],
    });
    expect(granted.statusCode).toBe(200);
    const decision = granted.json();
    expect(decision).toMatchObject({ outcome: 'GRANTED', permitId: expect.stringMatching(/-\d{4}-\d{6}$/) });

    // The signed decision verifies offline with the hub's key, and fails when altered.
    const file = (await as('user', 'GET', `/api/applications/${id}/decision`)).json();
    const { publicKey } = await hubKeyPair(hub.db);
    expect(verifyDocument(file, publicKey)).toMatchObject({ valid: true, type: 'openehds.decision/v1' });
    expect(file.document.permit).toMatchObject({
      persons: [expect.objectContaining({ role: 'principal_investigator' }), expect.anything()],
      purposes: ['SCIENTIFIC_RESEARCH'],
      conditions: ['Outputs pass disclosure control.'],
      fees: { total: estimate.estimate.total, currency: 'EUR' },
    });
    file.document.outcome = 'REFUSED';
    expect(verifyDocument(file, publicKey).valid).toBe(false);

    // Final: no withdrawal, no second decision; the history says who did what.
    expect((await as('user', 'POST', `/api/applications/${id}/withdraw`, {})).statusCode).toBe(409);
    const final = (await as('user', 'GET', `/api/applications/${id}`)).json();
    expect(final.history.map((e: { event: string }) => e.event)).toEqual([
      'create',
      'submit',
      'start-pre-screening',
      'request-information',
      'provide-information',
      'complete',
      'decide',
    ]);
    expect(final.history[3]).toMatchObject({
      actor: 'account:hdab',
      reason: 'Please name the ethics committee contact.',
    });
    const audit = await hub.db.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE object = $1 ORDER BY seq`,
      [`application:${id}`],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['application.submit', 'application.decide', 'application.fee-estimate']),
    );
  });

  it('lets the applicant withdraw before the decision, and refuses malformed input field by field', async () => {
    const { id } = (
      await as('user', 'POST', '/api/applications', { kind: 'request', content: { title: 'Counts' } })
    ).json();
    expect((await as('user', 'POST', `/api/applications/${id}/withdraw`, {})).statusCode).toBe(409); // a draft is not withdrawn
    const bad = await as('user', 'POST', '/api/applications', {
      kind: 'permit',
      content: { purposes: ['X'], speMonths: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['content.purposes[0]', 'content.speMonths', 'kind']);
    expect((await as('user', 'GET', '/api/applications/not-a-uuid')).statusCode).toBe(400);
  });
});
