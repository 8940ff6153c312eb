import { describe, expect, it } from 'vitest';
import { activityReportUrl, createRegisterClient, registerAtomUrl, registerQueryString } from './register';

function recorder(body: unknown) {
  const seen: { method: string; url: string; body: unknown }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({
      method: init?.method ?? 'GET',
      url: String(input),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const ID = '0b6f4f3e-3c1e-4c58-9d55-6f0b1d2a9a10';

describe('registerQueryString', () => {
  it('keeps only what is set, trimmed, in a stable order', () => {
    expect(registerQueryString()).toBe('');
    expect(registerQueryString({ reference: '  ', since: '' })).toBe('');
    expect(registerQueryString({ limit: 25, cursor: 'abc', reference: ' FI-APP-2027-000001 ' })).toBe(
      '?limit=25&cursor=abc&reference=FI-APP-2027-000001',
    );
    expect(registerQueryString({ since: '2027-01-01', offset: 0 })).toBe('?since=2027-01-01&offset=0');
  });
});

describe('createRegisterClient', () => {
  it('calls the public lists, the duties, publish and the report at their routes', async () => {
    const { fetch, seen } = recorder({ items: [], nextCursor: null, limit: 25 });
    const api = createRegisterClient({ baseUrl: '', fetch });
    await api.applications({ limit: 25 });
    await api.decisions({ cursor: 'c1' });
    await api.results();
    await api.publicationDuties();
    await api.publish(ID);
    await api.activityReport('2027-01-01', '2028-12-31');
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['GET', '/api/register/applications?limit=25', undefined],
      ['GET', '/api/register/permits?cursor=c1', undefined],
      ['GET', '/api/register/results', undefined],
      ['GET', '/api/register/publication-duties', undefined],
      ['POST', `/api/applications/${ID}/publish`, {}],
      ['GET', '/api/reports/activity?from=2027-01-01&to=2028-12-31&format=json', undefined],
    ]);
  });

  it('builds the feed and report download addresses', () => {
    expect(registerAtomUrl()).toBe('/register.atom');
    expect(registerAtomUrl(20)).toBe('/register.atom?limit=20');
    expect(activityReportUrl('2027-01-01', '2027-12-31', 'pdf')).toBe(
      '/api/reports/activity?from=2027-01-01&to=2027-12-31&format=pdf',
    );
  });
});
