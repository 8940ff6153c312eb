import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from './test-hub';
import { nulPaths } from './text-guard';

// Edge checks of every route: broken URLs and NUL characters are refused as problem+json, never 500.
describe('edge checks', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('refuses U+0000 in a path parameter, the query or the body, naming each field', async () => {
    const inPath = await hub.as('hdab', { method: 'GET', url: '/api/permits/%00' });
    expect(inPath.statusCode).toBe(400);
    expect(inPath.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(inPath.json().issues).toEqual([expect.objectContaining({ path: 'params.id' })]);

    const inQuery = await hub.app.inject({ method: 'GET', url: '/api/datasets?q=a%00b' });
    expect(inQuery.statusCode).toBe(400);
    expect(inQuery.json().issues[0].path).toBe('query.q');

    const inBody = await hub.as('user', {
      method: 'POST',
      url: '/api/applications',
      payload: { kind: 'application', content: { title: 'a\u0000b', persons: [{ name: '\u0000' }] } },
    });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'body.content.title',
      'body.content.persons[0].name',
    ]);
    const [row] = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM application`);
    expect(row!.n).toBe(0);
  });

  it('answers a broken or overlong path as problem+json', async () => {
    for (const url of [
      '/api/applications/%E0%A4%A',
      '/api/applications/%zz',
      `/catalogue/datasets/${'x'.repeat(200)}`,
    ]) {
      const res = await hub.as('user', { method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json(), url).toMatchObject({ status: 400, title: 'invalid' });
    }
  });

  it('finds NUL in keys and deep values without recursion limits', () => {
    expect(nulPaths({ a: ['x', 'y\u0000'], 'k\u0000': 1 }, 'body')).toEqual(['body.a[1]', 'body.k\\u0000']);
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [path] = nulPaths(deep, 'body');
    expect(path).toMatch(/^body\[0\]\[0\].*….*\[0\]$/);
    expect(path!.length).toBeLessThan(200);
    expect(nulPaths({ fine: 'text', n: 1, b: Buffer.from([0]) }, 'body')).toEqual([]);
  });
});
