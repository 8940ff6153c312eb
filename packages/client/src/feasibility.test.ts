import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { createFeasibilityClient } from './feasibility';

/** A fetch double recording each request and answering with the given JSON (or problem). */
function recorder(answer: (url: string) => { status?: number; body: unknown }) {
  const seen: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    seen.push({
      method: init?.method ?? 'GET',
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    const { status = 200, body } = answer(url);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('createFeasibilityClient', () => {
  it('posts the cohort (and datasets only when chosen) and reads the schema and example', async () => {
    const { fetch, seen } = recorder(() => ({ body: { audience: 'anonymous', nodes: [] } }));
    const api = createFeasibilityClient({ baseUrl: 'https://hub.example/', fetch, token: 'T' });
    const cohort = { inclusion: [{ criteria: [{ type: 'sex', values: ['female'] }] }] };
    expect((await api.count(cohort)).audience).toBe('anonymous');
    await api.count(cohort, { datasets: ['fi-biobank'] });
    await api.schema();
    await api.example();
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', 'https://hub.example/api/feasibility', { cohort }],
      ['POST', 'https://hub.example/api/feasibility', { cohort, datasets: ['fi-biobank'] }],
      ['GET', 'https://hub.example/api/feasibility/schema', undefined],
      ['GET', 'https://hub.example/api/feasibility/example', undefined],
    ]);
    expect(seen[0]!.headers.Authorization).toBe('Bearer T');
  });

  it('rejects with the problem listing the bad fields', async () => {
    const { fetch } = recorder(() => ({
      status: 400,
      body: {
        title: 'invalid',
        status: 400,
        detail: 'bad',
        issues: [{ path: 'cohort.inclusion', message: 'x' }],
      },
    }));
    const err = await createFeasibilityClient({ baseUrl: '', fetch })
      .count({})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).issues.map((i) => i.path)).toEqual(['cohort.inclusion']);
  });
});
