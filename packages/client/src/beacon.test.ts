import { describe, expect, it } from 'vitest';
import { BeaconApiError, beaconRequestBody, createBeaconClient } from './beacon';

/** A fetch double recording each request and answering with the given status and JSON body. */
function recorder(status: number, body: unknown) {
  const seen: { method: string; url: string; body: unknown }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({
      method: init?.method ?? 'GET',
      url: String(input),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('createBeaconClient', () => {
  it('sends a variant query as a Beacon POST request body, starts and ends as lists', async () => {
    const r = recorder(200, { meta: {}, responseSummary: { exists: true } });
    const beacon = createBeaconClient({ baseUrl: 'https://hub.example', fetch: r.fetch });
    const answer = await beacon.variants({
      referenceName: '1',
      start: 999,
      referenceBases: 'A',
      alternateBases: 'G',
      filters: [{ id: 'HP:0001250' }],
      requestedGranularity: 'count',
      limit: 5,
      datasets: ['fi-genomes'],
    });
    expect(answer.responseSummary.exists).toBe(true);
    expect(r.seen[0]).toMatchObject({ method: 'POST', url: 'https://hub.example/api/beacon/g_variants' });
    expect(r.seen[0]!.body).toEqual({
      meta: { apiVersion: 'v2.0.0' },
      query: {
        requestParameters: {
          referenceName: '1',
          start: [999],
          referenceBases: 'A',
          alternateBases: 'G',
          datasets: { datasetIds: ['fi-genomes'] },
        },
        filters: [{ id: 'HP:0001250' }],
        requestedGranularity: 'count',
        pagination: { limit: 5 },
      },
    });
  });

  it('leaves out empty parts (a filter-only individuals query has no requestParameters)', () => {
    expect(beaconRequestBody({ filters: [{ id: 'NCIT:C16576' }] })).toEqual({
      meta: { apiVersion: 'v2.0.0' },
      query: { filters: [{ id: 'NCIT:C16576' }] },
    });
  });

  it('throws a Beacon error response as BeaconApiError with the parameters as issues', async () => {
    const r = recorder(400, {
      meta: {},
      error: { errorCode: 400, errorMessage: 'the request has 1 problem: start: must be 0 or more' },
      info: { errors: [{ parameter: 'start', message: 'must be 0 or more' }] },
    });
    const beacon = createBeaconClient({ baseUrl: '', fetch: r.fetch });
    const err = await beacon.individuals({ referenceName: '1', start: -1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BeaconApiError);
    const e = err as BeaconApiError;
    expect(e.status).toBe(400);
    expect(e.errorCode).toBe(400);
    expect(e.detail).toMatch(/start: must be 0 or more/);
    expect(e.issuesFor('start')).toEqual([{ path: 'start', message: 'must be 0 or more' }]);
  });

  it('reads the informational endpoints with GET', async () => {
    const r = recorder(200, { meta: {}, response: { filteringTerms: [], resources: [] } });
    const beacon = createBeaconClient({ baseUrl: '', fetch: r.fetch });
    await beacon.filteringTerms();
    await beacon.info();
    expect(r.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/beacon/filtering_terms',
      'GET /api/beacon/info',
    ]);
  });
});
