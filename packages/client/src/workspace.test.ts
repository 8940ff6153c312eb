import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import {
  createWorkspaceClient,
  type Analysis,
  type AnalysisRequestJson,
  type DescribeResultJson,
  type KmResultJson,
  type TableResultJson,
} from './workspace';

interface Seen {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

/** A fetch double recording each request and answering with what `answer` gives for its body. */
function recorder(answer: (body: AnalysisRequestJson) => { status?: number; body: unknown; type?: string }) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    seen.push({
      method: init?.method ?? 'GET',
      url: String(input),
      body,
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    const a = answer(body as AnalysisRequestJson);
    return new Response(JSON.stringify(a.body), {
      status: a.status ?? 201,
      headers: { 'content-type': a.type ?? 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const PERMIT = 'P-2027-0042-FI';
const released = {
  schema: 'openehds.sdc-record/1',
  kind: 'table' as const,
  at: '2027-03-01T10:00:00Z',
  policy: { id: 'default', version: '1', hash: 'a'.repeat(64) },
  audience: 'permit_holder' as const,
  outcome: 'released' as const,
  rules: [{ rule: 'threshold', target: 'r0:c1', outcome: 'suppressed', params: { threshold: 10 } }],
  outputHash: 'b'.repeat(64),
};

/** An analysis as the hub stores it (packages/server/src/spe/README.md), with the given result. */
function analysis<R>(request: AnalysisRequestJson, result: R | null, status: Analysis['status'] = 'DONE') {
  return {
    id: '0f8e1c9a-1b2c-4d5e-8f90-0123456789ab',
    permitId: PERMIT,
    kind: request.kind,
    status,
    request,
    result,
    error: status === 'DONE' ? null : 'Lyon registry refused it: a group has fewer than 10 persons (male)',
    sdc: [{ nodeId: 'n1', nodeName: 'Lyon registry', status: 'ok', message: null, records: [released] }],
    nodes: ['n1'],
    createdBy: 'user',
    createdAt: '2027-03-01T10:00:00Z',
    finishedAt: '2027-03-01T10:00:01Z',
  } satisfies Analysis<R>;
}

const table: TableResultJson = {
  rowVariable: 'sex',
  columnVariable: 'diabetes',
  rows: ['female', 'male'],
  columns: ['0', '1'],
  statistic: 'count',
  cells: [
    [85, null],
    [70, 15],
  ],
  rowTotals: [95, 85],
  columnTotals: [155, 25],
  grandTotal: 180,
  missing: 0,
};
const described: DescribeResultJson = {
  by: null,
  groups: [
    {
      group: null,
      numeric: {
        age: { n: 180, mean: 52.5, sd: 14.2, suppressed: false },
        bmi: { n: null, mean: null, sd: null, suppressed: true, suppressedAt: ['Lyon registry'] },
      },
      counts: {},
    },
  ],
};
const km: KmResultJson = {
  survival: 'os',
  group: null,
  intervalDays: 7,
  curves: [
    {
      group: null,
      n: 180,
      events: 12,
      truncatedAt: 700,
      points: [
        {
          time: 7,
          nRisk: 180,
          nEvent: 2,
          nCensor: 0,
          survival: 178 / 180,
          stdErr: 0.0078,
          stdErrLog: 0.0079,
          lower: 0.97,
          upper: 1,
        },
      ],
    },
  ],
};

describe('workspace client: describe, table and Kaplan–Meier', () => {
  const variables = {
    sex: { kind: 'sex' as const },
    diabetes: {
      kind: 'condition' as const,
      codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true },
    },
    os: { kind: 'survival' as const, event: { domain: 'death' as const } },
  };

  it('posts each analysis to the permit’s workspace with its kind and returns the typed result with the analysis', async () => {
    const { fetch, seen } = recorder((req) => ({
      body: analysis(req, req.kind === 'table' ? table : req.kind === 'describe' ? described : km),
    }));
    const client = createWorkspaceClient({ baseUrl: 'https://hub.example', fetch, token: 'tok' });

    const t = await client.table({ permit: PERMIT, rows: 'sex', columns: 'diabetes', variables });
    const d = await client.describe({ permit: PERMIT, variables: { age: { kind: 'age' } }, by: 'sex' });
    const k = await client.km({ permit: PERMIT, survival: 'os', intervalDays: 30, variables });

    const url = `https://hub.example/api/workspaces/${PERMIT}/analyses`;
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', url, { kind: 'table', rows: 'sex', columns: 'diabetes', variables }],
      ['POST', url, { kind: 'describe', variables: { age: { kind: 'age' } }, by: 'sex' }],
      ['POST', url, { kind: 'km', survival: 'os', intervalDays: 30, variables }],
    ]);
    expect(seen.every((s) => s.headers['X-Requested-With'] && s.headers.Authorization === 'Bearer tok')).toBe(
      true,
    );
    // The pooled result, suppressed cells and statistics kept as null, and the records alongside.
    expect(t.cells[0]).toEqual([85, null]);
    expect(t.analysis.sdc[0]!.records[0]!.rules[0]).toMatchObject({ target: 'r0:c1', outcome: 'suppressed' });
    const bmi = d.groups[0]!.numeric.bmi!;
    expect(bmi.suppressed && bmi.suppressedAt).toEqual(['Lyon registry']);
    expect(k.curves[0]).toMatchObject({ n: 180, truncatedAt: 700 });
    expect(k.analysis.kind).toBe('km');
  });

  it('rejects with the kind, the status, the analysis id and the nodes’ reason when disclosure control refused it', async () => {
    const { fetch } = recorder((req) => ({ body: analysis(req, null, 'REFUSED') }));
    const client = createWorkspaceClient({ baseUrl: '', fetch });
    await expect(client.km({ permit: PERMIT, survival: 'os', group: 'sex', variables })).rejects.toThrow(
      /^the Kaplan–Meier analysis was refused \(analysis 0f8e1c9a-.*\): Lyon registry refused it: a group has fewer than 10 persons/,
    );
    await expect(client.table({ permit: PERMIT, rows: 'sex', variables })).rejects.toThrow(
      /^the table was refused/,
    );
    // `analyse` itself resolves with the refusal, records included, for callers that show them.
    const a = await client.analyse(PERMIT, { kind: 'describe', variables });
    expect(a.status).toBe('REFUSED');
    expect(a.sdc[0]!.records).toHaveLength(1);
  });

  it('reports the hub’s refusal of the request itself as an ApiError with its issues', async () => {
    const { fetch } = recorder(() => ({
      status: 400,
      type: 'application/problem+json',
      body: {
        title: 'Invalid',
        status: 400,
        detail: 'analysis request has 1 problem',
        issues: [{ path: 'rows', message: "'age' is a age variable; tables count categorical variables" }],
      },
    }));
    const client = createWorkspaceClient({ baseUrl: '', fetch });
    const err = await client
      .table({ permit: PERMIT, rows: 'age', variables: { age: { kind: 'age' } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).issues[0]).toMatchObject({ path: 'rows' });
  });
});
