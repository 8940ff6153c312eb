import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { applicationExportUrl, createApplicationsClient, decisionFileUrl } from './applications';

interface Seen {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

/** A fetch double recording each request and answering with the given JSON (or problem). */
function recorder(answer: (url: string, method: string) => { status?: number; body: unknown }) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    seen.push({
      method,
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    const { status = 200, body } = answer(url, method);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const ID = '0b6f4f3e-3c1e-4c58-9d55-6f0b1d2a9a10';

describe('createApplicationsClient', () => {
  it('sends each call to its route with its body, and the CSRF header on every write', async () => {
    const { fetch, seen } = recorder(() => ({ body: { items: [], holderCosts: [] } }));
    const api = createApplicationsClient({ baseUrl: 'https://hub.example', fetch });
    await api.create('request', { title: 'Counts' });
    await api.saveContent(ID, { title: 'T' }, 3);
    await api.submit(ID);
    await api.withdraw(ID, '  no longer needed ');
    await api.withdraw(ID, '   ');
    await api.provideInformation(ID, 'Here it is.');
    await api.setAnonymisedAnswerConsent(ID, true);
    await api.acceptFeeEstimate(ID);
    await api.transition(ID, 'request-information', 'Name the committee.');
    await api.transition(ID, 'complete');
    await api.extendDecisionPeriod(ID, 'Complex linkage.');
    await api.assess(ID, '68(1)(a)', 'met', 'Research purpose.');
    await api.confirmCriterion(ID, '68(2)');
    await api.askHolderCosts(ID);
    await api.sendFeeEstimate(ID);
    await api.decide(ID, { outcome: 'REFUSED', reasons: 'Not proportionate.' });
    await api.answerCostRequest(ID, 450, ' sample retrieval ');
    const base = `https://hub.example/api/applications/${ID}`;
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', 'https://hub.example/api/applications', { kind: 'request', content: { title: 'Counts' } }],
      ['PUT', `${base}/content`, { content: { title: 'T' }, version: 3 }],
      ['POST', `${base}/submit`, {}],
      ['POST', `${base}/withdraw`, { reason: 'no longer needed' }],
      ['POST', `${base}/withdraw`, {}],
      ['POST', `${base}/information`, { answer: 'Here it is.' }],
      ['POST', `${base}/anonymised-answer`, { accepts: true }],
      ['POST', `${base}/fee-estimate/accept`, {}],
      ['POST', `${base}/transitions`, { event: 'request-information', reason: 'Name the committee.' }],
      ['POST', `${base}/transitions`, { event: 'complete' }],
      ['POST', `${base}/extension`, { reason: 'Complex linkage.' }],
      ['PUT', `${base}/assessment/68(1)(a)`, { verdict: 'met', justification: 'Research purpose.' }],
      ['POST', `${base}/assessment/68(2)/confirm`, {}],
      ['POST', `${base}/holder-costs`, {}],
      ['POST', `${base}/fee-estimate`, {}],
      ['POST', `${base}/decision`, { outcome: 'REFUSED', reasons: 'Not proportionate.' }],
      [
        'PUT',
        `https://hub.example/api/holder/cost-requests/${ID}`,
        { amount: 450, note: 'sample retrieval' },
      ],
    ]);
    expect(seen.every((s) => s.headers['X-Requested-With'] === 'openehds')).toBe(true);
  });

  it('lists with an optional status filter and unwraps the items', async () => {
    const row = { id: ID, reference: 'FI-APP-2027-000001', clocks: { clocks: [] } };
    const { fetch, seen } = recorder(() => ({ body: { items: [row] } }));
    const api = createApplicationsClient({ baseUrl: '', fetch });
    expect((await api.list('PROCESSING')).map((i) => i.id)).toEqual([ID]);
    await api.list();
    expect((await api.costRequests()).length).toBe(1);
    expect(seen.map((s) => s.url)).toEqual([
      '/api/applications?status=PROCESSING',
      '/api/applications',
      '/api/holder/cost-requests',
    ]);
  });

  it('reports a stale save as a 409 ApiError the editor can recognise', async () => {
    const { fetch } = recorder(() => ({
      status: 409,
      body: {
        status: 409,
        detail: 'the application changed since you loaded it (version 4, yours 3); reload it',
      },
    }));
    const api = createApplicationsClient({ baseUrl: '', fetch });
    const err = await api.saveContent(ID, {}, 3).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(409);
  });
});

describe('download addresses', () => {
  it('builds the download addresses', () => {
    expect(decisionFileUrl(ID)).toBe(`/api/applications/${ID}/decision`);
    expect(applicationExportUrl(ID, 'pdf')).toBe(`/api/applications/${ID}/export?format=pdf`);
  });
});
