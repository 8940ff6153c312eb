import { describe, expect, it } from 'vitest';
import { airlockFileUrl, airlockListQuery, createAirlockClient } from './airlock';
import { ApiError } from './api-error';

interface Seen {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

/** A fetch double recording each request and answering with the given body and content type. */
function recorder(answer: (url: string) => { status?: number; body: string; type: string }) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    seen.push({
      method: init?.method ?? 'GET',
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    const { status = 200, body, type } = answer(url);
    return new Response(body, { status, headers: { 'content-type': type } });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const ID = '5a0c7c4e-9a53-4d0e-8f55-3d3b8e2f0a11';
const json = (v: unknown) => ({ body: JSON.stringify(v), type: 'application/json' });

describe('createAirlockClient', () => {
  it('sends each call to its route with its body, blank texts left out, and the CSRF header on writes', async () => {
    const { fetch, seen } = recorder(() => json({ items: [] }));
    const api = createAirlockClient({ baseUrl: 'https://hub.example', fetch });
    await api.list({ status: 'REVIEWED', permit: 'FI-2027-000042' });
    await api.list();
    await api.get(ID);
    await api.submit(ID, 'Counts by group.');
    await api.submit(ID, '   ');
    await api.withdraw(ID);
    await api.review(ID, { votes: { 'table.csv': 'approve' } });
    await api.decide(ID, 'return', 'Round to 5.');
    await api.decide(ID, 'approve', '');
    await api.release(ID);
    const base = `https://hub.example/api/airlock/${ID}`;
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['GET', 'https://hub.example/api/airlock?status=REVIEWED&permit=FI-2027-000042', undefined],
      ['GET', 'https://hub.example/api/airlock', undefined],
      ['GET', base, undefined],
      ['POST', `${base}/submit`, { note: 'Counts by group.' }],
      ['POST', `${base}/submit`, {}],
      ['POST', `${base}/withdraw`, {}],
      ['POST', `${base}/reviews`, { votes: { 'table.csv': 'approve' }, comments: {} }],
      ['POST', `${base}/decision`, { action: 'return', reason: 'Round to 5.' }],
      ['POST', `${base}/decision`, { action: 'approve' }],
      ['POST', `${base}/release`, {}],
    ]);
    expect(seen.filter((s) => s.method === 'POST').every((s) => s.headers['X-Requested-With'])).toBe(true);
    expect(seen.filter((s) => s.method === 'GET').some((s) => s.headers['X-Requested-With'])).toBe(false);
  });

  it('reads a file as text (even JSON) or bytes, and reports a refusal as an ApiError', async () => {
    const { fetch, seen } = recorder((url) =>
      url.endsWith('model.json')
        ? { body: '{"observations": 120}', type: 'application/json' }
        : url.endsWith('plot.png')
          ? { body: 'PNG…', type: 'image/png' }
          : {
              status: 409,
              body: JSON.stringify({ detail: 'output request OUT-2027-000001 is APPROVED' }),
              type: 'application/problem+json',
            },
    );
    const api = createAirlockClient({ baseUrl: '', fetch, token: 'tok' });
    expect(await api.fileText(ID, 'model.json')).toBe('{"observations": 120}');
    const blob = await api.fileBlob(ID, 'plot.png');
    expect(blob.type).toBe('image/png');
    expect(await blob.text()).toBe('PNG…');
    const refused = await api.fileBlob(ID, 'table.csv').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(409);
    expect((refused as ApiError).detail).toMatch(/is APPROVED/);
    expect(seen[1]!.url).toBe(`/api/airlock/${ID}/files/plot.png`);
    expect(seen[1]!.headers.Authorization).toBe('Bearer tok');
  });

  it('builds file addresses and list queries', () => {
    expect(airlockFileUrl(ID, 'a b.csv')).toBe(`/api/airlock/${ID}/files/a%20b.csv`);
    expect(airlockListQuery({})).toBe('');
    expect(airlockListQuery({ permit: 'P 1' })).toBe('?permit=P+1');
  });
});
