import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { excerpt, searchLibrary, type LibraryQuery } from './search';
import { seedCaseStudiesDemo } from './seed';

// The public library (issue 6 §3): PostgreSQL full-text search (run here on PGlite), filters, paging,
// facets; only published case studies, whatever is asked.
describe('case-study library', () => {
  let hub: TestHub;
  const search = (q: Partial<LibraryQuery>) => searchLibrary(hub.db, { page: 1, pageSize: 20, ...q });
  const titles = async (q: Partial<LibraryQuery>) => (await search(q)).items.map((i) => i.title);

  beforeAll(async () => {
    hub = await createTestHub();
    expect(await seedCaseStudiesDemo(hub.db)).toBe(3);
    // A second seed finds them and adds nothing (npm start on an existing data dir).
    expect(await seedCaseStudiesDemo(hub.db)).toBe(0);
    // A draft that mentions sepsis must never appear in the library.
    const res = await hub.as('user', {
      method: 'POST',
      url: '/api/case-studies',
      payload: { title: 'Unpublished sepsis draft', problem: 'sepsis sepsis sepsis', tags: ['sepsis'] },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(() => hub?.close());

  it('lists the published case studies newest first, with facets', async () => {
    const page = await search({});
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.title)).not.toContain('Unpublished sepsis draft');
    expect(page.items.every((i) => i.publishedAt !== null && i.excerpt.startsWith('Fictional'))).toBe(true);
    expect(page.facets.countries).toEqual([
      { value: 'DE', count: 3 },
      { value: 'ES', count: 2 },
      { value: 'FI', count: 2 },
    ]);
    expect(page.facets.tags).toContainEqual({ value: 'sepsis', count: 1 });
    expect(page.facets.datasets).toContainEqual({ value: 'de-heidelberg-university-hospital', count: 3 });
  });

  it('searches title, problem, method, results and lessons with stemming and web syntax', async () => {
    expect(await titles({ q: 'sepsis' })).toEqual([expect.stringMatching(/sepsis/)]);
    // "models" finds "model" (english stemming); words from method and lessons count
    expect(await titles({ q: 'models' })).toContain(
      'Federated early-warning model for sepsis across three countries (fictional)',
    );
    expect(await titles({ q: 'notified body' })).toEqual([expect.stringMatching(/retinopathy/)]);
    expect(await titles({ q: '"beacon v2 query"' })).toEqual([expect.stringMatching(/Beacon/)]);
    expect(await titles({ q: 'variant -cardiomyopathy' })).toEqual([]);
    expect(await titles({ q: 'beacon or retinopathy' })).toHaveLength(2);
    // Only stop words: no filter rather than no result
    expect((await search({ q: 'the' })).total).toBe(3);
    expect((await search({ q: 'zebrafish' })).total).toBe(0);
    // Operators typed by a visitor are words, never a syntax error (websearch_to_tsquery never throws)
    expect(await titles({ q: "sepsis & | ! ( ':*" })).toEqual([expect.stringMatching(/sepsis/)]);
  });

  it('ranks a title match above a passing mention', async () => {
    // "federated" is in the sepsis title and only in the body of none other
    const items = await titles({ q: 'federated' });
    expect(items[0]).toMatch(/Federated early-warning/);
  });

  it('filters by tag, country and dataset, and combines them with the text', async () => {
    expect(await titles({ tag: 'Rare-Disease' })).toEqual([expect.stringMatching(/Beacon/)]);
    expect(await titles({ country: 'es' })).toHaveLength(2);
    expect(await titles({ dataset: 'fi-helsinki-biobank' })).toHaveLength(2);
    expect(await titles({ dataset: 'fi-helsinki-biobank', country: 'ES' })).toEqual([
      expect.stringMatching(/sepsis/),
    ]);
    expect(await titles({ q: 'sepsis', tag: 'genomics' })).toEqual([]);
  });

  it('pages through the results', async () => {
    const first = await search({ pageSize: 2, page: 1 });
    const second = await search({ pageSize: 2, page: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(3);
    const all = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(all).size).toBe(3);
  });

  it('is public over HTTP, with the query validated', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/case-studies?q=retinopathy&country=DE' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { title: string }) => i.title)).toEqual([
      expect.stringMatching(/retinopathy/),
    ]);
    const bad = await hub.app.inject({ method: 'GET', url: '/api/case-studies?page=0&sort=x' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['', 'page']);
  });

  it('cuts excerpts at a word', () => {
    expect(excerpt('short text')).toBe('short text');
    const long = excerpt(`${'word '.repeat(100)}end`, 50);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(51);
    expect(long).not.toMatch(/wor…$/);
  });
});
