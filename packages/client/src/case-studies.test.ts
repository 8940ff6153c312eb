import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { caseStudyQueryString, createCaseStudiesClient } from './case-studies';

/** A fetch double recording each request and answering with the given JSON (or problem). */
function recorder(answer: () => { status?: number; body: unknown }) {
  const seen: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({
      method: init?.method ?? 'GET',
      url: String(input),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    const { status = 200, body } = answer();
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('createCaseStudiesClient', () => {
  it('writes only the filters given, and page only past the first', () => {
    expect(caseStudyQueryString({})).toBe('');
    expect(caseStudyQueryString({ q: ' sepsis model ', tag: '', country: 'FI', page: 1 })).toBe(
      '?q=sepsis+model&country=FI',
    );
    expect(caseStudyQueryString({ dataset: 'fi-biobank', page: 3, pageSize: 10 })).toBe(
      '?dataset=fi-biobank&page=3&pageSize=10',
    );
  });

  it('calls each route with the CSRF header on writes, and unwraps lists', async () => {
    const { fetch, seen } = recorder(() => ({ body: { items: [{ id: 'a' }] } }));
    const api = createCaseStudiesClient({ baseUrl: 'https://hub.example', fetch });
    await api.search({ q: 'beacon' });
    expect(await api.mine()).toEqual([{ id: 'a' }]);
    await api.reviewQueue('PUBLISHED');
    await api.prefill('FI-2026-000001', ' ');
    await api.move('x1', 'return', ' Say which years. ');
    await api.update('x1', { title: 'T' } as never, 4);
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['GET', 'https://hub.example/api/case-studies?q=beacon', undefined],
      ['GET', 'https://hub.example/api/case-studies/mine', undefined],
      ['GET', 'https://hub.example/api/case-studies/review?status=PUBLISHED', undefined],
      ['POST', 'https://hub.example/api/case-studies/prefill', { permitId: 'FI-2026-000001' }],
      [
        'POST',
        'https://hub.example/api/case-studies/x1/transitions',
        { action: 'return', reason: 'Say which years.' },
      ],
      ['PUT', 'https://hub.example/api/case-studies/x1', { title: 'T', version: 4 }],
    ]);
    expect(seen[3]!.headers['X-Requested-With']).toBe('openehds');
  });

  it('rejects with the problem listing the bad fields', async () => {
    const { fetch } = recorder(() => ({
      status: 400,
      body: {
        title: 'invalid',
        status: 400,
        detail: 'bad',
        issues: [{ path: 'title', message: 'too short' }],
      },
    }));
    const err = await createCaseStudiesClient({ baseUrl: '', fetch })
      .create({ title: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).issues.map((i) => i.path)).toEqual(['title']);
  });
});
