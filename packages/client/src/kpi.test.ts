import { describe, expect, it } from 'vitest';
import { createKpiClient, kpiCsvPath, kpiPdfPath } from './kpi';

/** A fetch double recording each request and answering 200 with JSON, 204 for DELETE of a KPI. */
function recorder() {
  const seen: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    seen.push({
      method,
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    if (method === 'DELETE' && !url.includes('/values/')) return new Response(null, { status: 204 });
    return new Response(JSON.stringify({ items: [], kpis: [] }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('createKpiClient', () => {
  it('calls the KPI routes with the window, encoded path parts and the CSRF header on writes', async () => {
    const { fetch, seen } = recorder();
    const api = createKpiClient({ baseUrl: 'https://hub.example', fetch });
    await api.dashboard({ months: 6 });
    expect(await api.manual()).toEqual([]);
    await api.createManual({ key: 'a.b', title: 'A', unit: 'h', direction: 'higher', target: 3 });
    await api.recordValue('id/1', '2026-03-01', { value: 2 });
    await expect(api.deleteManual('k')).resolves.toBeUndefined();
    await api.reportAiProduct({
      name: 'N',
      organisation: 'O',
      reportedOn: '2026-03-01',
      regulatoryStatus: 'ce_marked',
    });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET https://hub.example/api/kpi?months=6',
      'GET https://hub.example/api/kpi/manual',
      'POST https://hub.example/api/kpi/manual',
      'PUT https://hub.example/api/kpi/manual/id%2F1/values/2026-03-01',
      'DELETE https://hub.example/api/kpi/manual/k',
      'POST https://hub.example/api/kpi/ai-products',
    ]);
    expect(seen[2]!.body).toEqual({ key: 'a.b', title: 'A', unit: 'h', direction: 'higher', target: 3 });
    expect(seen[0]!.headers['X-Requested-With']).toBeUndefined();
    expect(seen[3]!.headers['X-Requested-With']).toBe('openehds');
    expect([kpiCsvPath(), kpiPdfPath(24)]).toEqual(['/api/kpi/export.csv', '/api/kpi/report.pdf?months=24']);
  });
});
