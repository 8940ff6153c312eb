import { describe, expect, it } from 'vitest';
import * as core from '@openehds/core';
import * as client from './index';

// The client mirrors the hub's use-case vocabularies (as vocabularies.test.ts does for applications).
describe('use-case vocabularies mirror the hub', () => {
  it('has the same criteria, methods, stages, moves and classes as @openehds/core', () => {
    expect(client.USE_CASE_CRITERIA).toEqual(core.USE_CASE_CRITERIA);
    expect(client.RANKING_METHODS).toEqual(core.RANKING_METHODS);
    expect(client.USE_CASE_STAGES).toEqual(core.USE_CASE_STAGES);
    expect(client.STAGE_MOVES).toEqual(core.STAGE_MOVES);
    expect(client.USE_CASE_AI_ACT_CLASSES).toEqual(core.AI_ACT_CLASSES);
    expect(client.USE_CASE_DEVICE_CLASSES).toEqual(core.DEVICE_CLASSES);
  });

  it('sends the CSRF header and the weights to the ranking route', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchStub: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), init: init! });
      return new Response(JSON.stringify({ voted: true, votes: 1 }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const uc = client.createUseCaseClient({ baseUrl: 'http://hub.test', fetch: fetchStub });
    await uc.rank({ method: 'topsis', weights: { clinical_benefit: 2 } });
    await uc.toggleVote('a b');
    expect(seen[0]!.url).toBe('http://hub.test/api/use-cases/ranking');
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({
      method: 'topsis',
      weights: { clinical_benefit: 2 },
    });
    expect(seen[1]!.url).toBe('http://hub.test/api/use-cases/a%20b/vote');
    expect(new Headers(seen[1]!.init.headers).get('x-requested-with')).toBe('openehds');
  });
});
