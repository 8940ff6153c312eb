import { describe, expect, it } from 'vitest';
import { createStakeholdersClient, stakeholderOrgsCsvPath, stakeholderQuery } from './stakeholders';

describe('stakeholders client', () => {
  it('builds the filter query, leaving empty values out', () => {
    expect(stakeholderQuery({})).toBe('');
    expect(stakeholderQuery({ type: '', country: ' FI ', q: 'bio & co' })).toBe('?country=FI&q=bio+%26+co');
    expect(stakeholderOrgsCsvPath({ type: 'ai_factory' })).toBe(
      '/api/stakeholders/export/organisations.csv?type=ai_factory',
    );
  });

  it('sends an atomic import as JSON with the CSRF header, and reads the report', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ atomic: true, committed: true, imported: [], rejected: [] }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof globalThis.fetch;
    const client = createStakeholdersClient({ baseUrl: 'http://hub.test', fetch });
    const report = await client.importOrganisations('name,type\n', { atomic: true });
    expect(report.committed).toBe(true);
    expect(seen[0]!.url).toBe('http://hub.test/api/stakeholders/import/organisations?atomic=true');
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ csv: 'name,type\n' });
    expect((seen[0]!.init.headers as Record<string, string>)['X-Requested-With']).toBe('openehds');
  });
});
