import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { createHttp, joinUrl, requestHeaders } from './http';
import { createHubClient } from './hub-client';
import { createNodeClient } from './node-client';

interface Seen {
  url: string;
  init: RequestInit;
}

/** A fetch double that records what was sent and answers with the given response. */
function fakeFetch(respond: (url: string) => Response): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    seen.push({ url, init: init ?? {} });
    return respond(url);
  }) as typeof fetch;
  return { fetch: f, seen };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('joinUrl', () => {
  it('joins without doubling or dropping slashes', () => {
    expect(joinUrl('https://hub.example/', '/api/x')).toBe('https://hub.example/api/x');
    expect(joinUrl('https://hub.example', 'api/x')).toBe('https://hub.example/api/x');
    expect(joinUrl('', '/api/x')).toBe('/api/x');
  });
});

describe('requestHeaders', () => {
  it('adds the CSRF header to every non-GET request and the bearer token when given', () => {
    const post = requestHeaders({ method: 'POST', path: '/x', json: {} }, 'tok');
    expect(post['X-Requested-With']).toBe('openehds');
    expect(post.Authorization).toBe('Bearer tok');
    expect(post['Content-Type']).toBe('application/json');
    const get = requestHeaders({ method: 'GET', path: '/x' }, undefined);
    expect(get['X-Requested-With']).toBeUndefined();
    expect(get.Authorization).toBeUndefined();
  });
});

describe('createHttp', () => {
  it('rejects with a typed ApiError carrying the problem', async () => {
    const { fetch } = fakeFetch(() =>
      json(
        400,
        { status: 400, detail: 'bad draft', issues: [{ path: 'title.en', message: 'required' }] },
        'application/problem+json',
      ),
    );
    const send = createHttp({ baseUrl: 'http://n', fetch });
    const err = await send({ method: 'PUT', path: '/api/dataset', json: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).issuesFor('title.en')).toHaveLength(1);
  });

  it('reports a network failure as ApiError with status 0', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const err = await createHttp({ baseUrl: 'http://n', fetch: failing })({ method: 'GET', path: '/' }).catch(
      (e: unknown) => e,
    );
    expect((err as ApiError).status).toBe(0);
    expect((err as ApiError).detail).toContain('fetch failed');
  });

  it('reads the token lazily so a refreshed token is used', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, {}));
    let token = 'a';
    const send = createHttp({ baseUrl: '', fetch, token: () => token });
    await send({ method: 'GET', path: '/1' });
    token = 'b';
    await send({ method: 'GET', path: '/2' });
    const auth = seen.map((s) => (s.init.headers as Record<string, string>).Authorization);
    expect(auth).toEqual(['Bearer a', 'Bearer b']);
  });
});

describe('hub client', () => {
  it('returns null from me() on 401 and demoAccounts() on 404', async () => {
    const { fetch } = fakeFetch((url) =>
      url.endsWith('/me') ? json(401, { status: 401, detail: 'sign in first' }) : json(404, { status: 404 }),
    );
    const hub = createHubClient({ baseUrl: '', fetch });
    expect(await hub.me()).toBeNull();
    expect(await hub.demoAccounts()).toBeNull();
  });

  it('still throws other errors from me()', async () => {
    const { fetch } = fakeFetch(() => json(500, { status: 500, detail: 'boom' }));
    await expect(createHubClient({ baseUrl: '', fetch }).me()).rejects.toMatchObject({ status: 500 });
  });

  it('sends the search filters as documented query parameters', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(200, { items: [], total: 0, page: 2, pageSize: 20, facets: {} }),
    );
    await createHubClient({ baseUrl: 'http://hub', fetch }).searchDatasets({
      q: 'diabetes',
      healthCategory: ['EHRS'],
      minStars: 3,
      page: 2,
    });
    const url = new URL(seen[0]!.url);
    expect(url.pathname).toBe('/api/datasets');
    expect(url.searchParams.get('q')).toBe('diabetes');
    expect(url.searchParams.getAll('healthCategory')).toEqual(['EHRS']);
    expect(url.searchParams.get('minStars')).toBe('3');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.get('pageSize')).toBe('20');
  });

  it('sends sign-in as JSON with the CSRF header', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { token: 't', principal: {}, expiresAt: '' }));
    await createHubClient({ baseUrl: '', fetch }).signIn('admin', 'pw');
    const init = seen[0]!.init;
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ username: 'admin', password: 'pw' });
    expect((init.headers as Record<string, string>)['X-Requested-With']).toBe('openehds');
  });
});

describe('RDF download', () => {
  it('returns JSON-LD as text, not as a parsed object', async () => {
    const body = { '@context': {}, '@id': 'https://hub.example/catalogue/datasets/x' };
    const { fetch, seen } = fakeFetch(() => json(200, body, 'application/ld+json; charset=utf-8'));
    const hub = createHubClient({ baseUrl: 'https://hub.example', fetch });
    const text = await hub.getDatasetRdf('x', 'application/ld+json');
    expect(typeof text).toBe('string');
    expect(JSON.parse(text)).toEqual(body);
    expect((seen[0]!.init.headers as Record<string, string>).Accept).toBe('application/ld+json');
  });
});

describe('node client', () => {
  it('posts the raw file with its name in the query and the bearer token', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(200, { batchId: 'b1', read: 1, loaded: 1, rejected: 0, byType: {}, errors: [] }),
    );
    const node = createNodeClient({ baseUrl: 'http://node:8081', token: 'nt', fetch });
    const report = await node.ingest('person 1.csv', 'person_id\n1\n');
    expect(report.batchId).toBe('b1');
    expect(seen[0]!.url).toBe('http://node:8081/api/ingest?filename=person%201.csv');
    const headers = seen[0]!.init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/octet-stream');
    expect(headers.Authorization).toBe('Bearer nt');
    expect(seen[0]!.init.body).toBe('person_id\n1\n');
  });
  it('saves the draft with PUT and returns the draft the node stored (the answer is { draft })', async () => {
    const stored = { title: { en: 'T' }, keywords: ['a'] };
    const { fetch, seen } = fakeFetch(() => json(200, { draft: stored }));
    const node = createNodeClient({ baseUrl: 'http://node:8081', token: 'nt', fetch });
    const draft = await node.saveDraft(stored as never);
    expect(draft).toEqual(stored);
    expect(seen[0]!.init.method).toBe('PUT');
    expect(seen[0]!.url).toBe('http://node:8081/api/dataset');
  });
});
