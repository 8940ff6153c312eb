import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { createCrossBorderClient } from './cross-border';
import { createPermitsClient, permitListQuery } from './permits';

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

const PERMIT = 'FI-2027-000042';
const APP = '0b6f4f3e-3c1e-4c58-9d55-6f0b1d2a9a10';

describe('createPermitsClient', () => {
  it('sends each call to its route with its body, and the CSRF header on every write', async () => {
    const { fetch, seen } = recorder(() => ({ body: { items: [] } }));
    const api = createPermitsClient({ baseUrl: 'https://hub.example', fetch });
    await api.list({ status: 'REVOKED', versions: 'all' });
    await api.get(PERMIT);
    await api.amend(PERMIT, { reason: 'Add a researcher', conditions: ['No linkage'] });
    await api.requestRenewal(PERMIT);
    await api.renew(PERMIT, { validUntil: '2031-06-01', reason: 'Follow-up' });
    await api.revoke(PERMIT, 'Breach of Art. 61(2)');
    await api.reportResult(PERMIT, { kind: 'publication', title: 'Paper', doi: '10.1234/x' });
    await api.reportRequestResult(APP, { kind: 'other', title: 'Note', url: 'https://example.org' });
    await api.passport();
    const base = `https://hub.example/api/permits/${PERMIT}`;
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['GET', 'https://hub.example/api/permits?status=REVOKED&versions=all', undefined],
      ['GET', base, undefined],
      ['POST', `${base}/amend`, { reason: 'Add a researcher', conditions: ['No linkage'] }],
      ['POST', `${base}/renewal-request`, {}],
      ['POST', `${base}/renew`, { validUntil: '2031-06-01', reason: 'Follow-up' }],
      ['POST', `${base}/revoke`, { reason: 'Breach of Art. 61(2)' }],
      ['POST', `${base}/results`, { kind: 'publication', title: 'Paper', doi: '10.1234/x' }],
      [
        'POST',
        `https://hub.example/api/applications/${APP}/results`,
        { kind: 'other', title: 'Note', url: 'https://example.org' },
      ],
      ['GET', 'https://hub.example/api/passport', undefined],
    ]);
    expect(
      seen.filter((s) => s.method !== 'GET').every((s) => s.headers['X-Requested-With'] === 'openehds'),
    ).toBe(true);
  });

  it('unwraps the list and builds its query only from what is set', async () => {
    const { fetch } = recorder(() => ({ body: { items: [{ id: PERMIT }] } }));
    const api = createPermitsClient({ baseUrl: '', fetch });
    expect((await api.list()).map((p) => p.id)).toEqual([PERMIT]);
    expect(permitListQuery()).toBe('');
    expect(permitListQuery({ status: 'EXPIRED' })).toBe('?status=EXPIRED');
  });

  it('answers null for extracts when the route says 404, and passes other errors on', async () => {
    const missing = createPermitsClient({
      baseUrl: '',
      fetch: recorder(() => ({ status: 404, body: { status: 404, detail: 'not found' } })).fetch,
    });
    expect(await missing.extracts(PERMIT)).toBeNull();
    const broken = createPermitsClient({
      baseUrl: '',
      fetch: recorder(() => ({ status: 500, body: { status: 500, detail: 'boom' } })).fetch,
    });
    const err = await broken.extracts(PERMIT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(500);
    const { fetch, seen } = recorder(() => ({
      body: { permitId: PERMIT, optOutException: false, nodes: [] },
    }));
    expect((await createPermitsClient({ baseUrl: '', fetch }).extracts(PERMIT))?.permitId).toBe(PERMIT);
    expect(seen[0]!.url).toBe(`/api/permits/${PERMIT}/extracts`);
  });
});

describe('createCrossBorderClient', () => {
  it('reads a file’s copies and sends the applicant’s answer and acceptance to the peer’s country', async () => {
    const { fetch, seen } = recorder(() => ({ body: { reference: 'R', origin: null, copies: [] } }));
    const api = createCrossBorderClient({ baseUrl: '', fetch });
    await api.get(APP);
    await api.answerInformationRequest(APP, 'DE', 'Here it is.');
    await api.acceptFeeEstimate(APP, 'ES');
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['GET', `/api/applications/${APP}/cross-border`, undefined],
      ['POST', `/api/applications/${APP}/cross-border/DE/information`, { answer: 'Here it is.' }],
      ['POST', `/api/applications/${APP}/cross-border/ES/fee-estimate/accept`, {}],
    ]);
  });
});
