import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { kaplanMeier } from '@openehds/analytics';
import type {
  Analysis,
  AnalysisNodeSdc,
  DescribeResultJson,
  KmResultJson,
  TableResultJson,
} from '@openehds/client';
import type { FastifyInstance } from 'fastify';
import { migrate, openPglite, type Db } from '@openehds/db';
import {
  createApp,
  grantWorkspacePermit,
  parseHubConfig,
  seedDemo,
  signInDemoAccount,
} from '@openehds/server';
import { main } from '../../main';
import { describeTable } from './describe';
import { kmTable } from './km';
import { contingencyTable } from './table';

/** Runs `ehds …` and returns the exit code with what it printed on stdout and stderr. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = 0;
  try {
    await main(['node', 'ehds', ...argv]);
    return { code: process.exitCode, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = 0;
  }
}

// `ehds analyse describe|table|km` against a real hub listening on a port, as glm.test.ts does for
// `ehds analyse glm` (the federated runs themselves: packages/testing/src/workspace.test.ts).
describe('ehds analyse describe, table and km', () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let url: string;
  let token: string;
  let permit: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-analyses-cli-'));
    writeFileSync(
      join(dir, 'vars.json'),
      JSON.stringify({
        age: { kind: 'age' },
        sex: { kind: 'sex' },
        diabetes: { kind: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } },
      }),
    );
    writeFileSync(
      join(dir, 'os.json'),
      JSON.stringify({ os: { kind: 'survival', event: { domain: 'death' } } }),
    );
    db = await openPglite();
    await migrate(db);
    const config = parseHubConfig({ seedDemo: true });
    await seedDemo(db, config.hdab);
    app = await createApp(config, { db });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    ({ token } = await signInDemoAccount(async (path, payload) => {
      const res = await app.inject({ method: 'POST', url: path, payload: payload as object });
      return { status: res.statusCode, body: res.json() as unknown };
    }, 'user'));
    permit = (
      await grantWorkspacePermit(db, config, {
        applicant: 'user',
        datasets: [{ datasetId: 'held-by-no-node', country: 'FI' }],
        persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
        validFrom: new Date(Date.now() - 86_400_000).toISOString(),
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        variables: ['person'],
      })
    ).id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const base = (verb: string, file = 'vars.json') => [
    'analyse',
    verb,
    '--hub',
    url,
    '--token',
    token,
    '--permit',
    permit,
    '--variables',
    join(dir, file),
  ];

  it('sends each to the hub, which checks it and answers where no node holds the data', async () => {
    for (const argv of [
      [...base('describe'), '--by', 'sex'],
      [...base('table'), '--rows', 'sex', '--columns', 'diabetes'],
      [...base('km', 'os.json'), '--survival', 'os', '--interval-days', '30'],
    ]) {
      const r = await run(argv);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(/error: no approved node holds the datasets of permit .* \(held-by-no-node\)/);
    }
  });

  it('lists every issue the hub finds in the request, on its field, with exit code 2', async () => {
    const table = await run([...base('table'), '--rows', 'age', '--columns', 'nobody']);
    expect(table.code).toBe(2);
    expect(table.err).toMatch(/rows: 'age' is a age variable; tables count categorical variables/);
    expect(table.err).toMatch(/columns: 'nobody' is not one of the variables declared/);
    const km = await run([...base('km'), '--survival', 'age', '--json']);
    expect(km.code).toBe(2);
    expect(JSON.parse(km.err).issues).toContainEqual(
      expect.objectContaining({
        path: 'survival',
        message: expect.stringMatching(/needs a survival variable/),
      }),
    );
  });

  it('refuses locally an interval that is not a whole number of days, before asking the hub', async () => {
    const r = await run([...base('km', 'os.json'), '--survival', 'os', '--interval-days', '0.5']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--interval-days must be a whole number of days from 1 to 365; got 0\.5/);
  });
});

const sdc = (rules: { rule: string; target: string; outcome: string }[], label: string): AnalysisNodeSdc => ({
  nodeId: 'n1',
  nodeName: 'Lyon registry',
  status: 'ok',
  message: null,
  records: [
    {
      schema: 'openehds.sdc-record/1',
      kind: 'table',
      at: '2027-03-01T10:00:00Z',
      policy: { id: 'default', version: '1', hash: 'a'.repeat(64) },
      audience: 'permit_holder',
      label,
      outcome: 'released',
      rules: rules.map((r) => ({ ...r, params: {} })),
      outputHash: null,
    },
  ],
});
const analysis = <R>(kind: Analysis['kind'], result: R, node: AnalysisNodeSdc) =>
  ({ id: 'a1', kind, status: 'DONE', result, sdc: [node] }) as unknown as Analysis<R>;

describe('the readable renderings', () => {
  it('prints a contingency table with totals, a suppressed cell as x with its legend and the node’s record', () => {
    const result: TableResultJson = {
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
    const text = contingencyTable(
      analysis(
        'table',
        result,
        sdc(
          [
            { rule: 'threshold', target: 'r0:c1', outcome: 'suppressed' },
            { rule: 'rounding', target: 'r0:c0', outcome: 'rounded' },
          ],
          'table sex × diabetes',
        ),
      ),
    );
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Counts of sex by diabetes: analysis a1',
      'sex \\ diabetes    0   1  total',
      'female           85   x     95',
      'male             70  15     85',
      'total           155  25    180',
    ]);
    expect(text).toContain('left out for a missing value: 0');
    expect(text).toContain('x = suppressed by disclosure control');
    expect(text).toContain(
      'node Lyon registry: ok, 1/1 records released (suppressed 1, rounded 1); threshold table sex × diabetes r0:c1',
    );
  });

  it('prints described variables per group, a suppressed mean with the nodes that withheld it, and counts', () => {
    const result: DescribeResultJson = {
      by: 'diabetes',
      groups: [
        {
          group: '0',
          numeric: { age: { n: 155, mean: 51.25, sd: 12.5, suppressed: false } },
          counts: {
            sex: { rows: ['female', 'male'], columns: ['n'], statistic: 'count', cells: [[85], [70]] },
          },
        },
        {
          group: '1',
          numeric: {
            age: { n: null, mean: null, sd: null, suppressed: true, suppressedAt: ['Lyon registry'] },
          },
          counts: {
            sex: { rows: ['female', 'male'], columns: ['n'], statistic: 'count', cells: [[null], [15]] },
          },
        },
      ],
    };
    const text = describeTable(
      analysis(
        'describe',
        result,
        sdc([{ rule: 'threshold', target: '$', outcome: 'suppressed' }], 'describe mean age (diabetes=1)'),
      ),
    );
    expect(text).toMatch(
      /diabetes = 0\nvariable +n +mean +sd\nage +155 +51\.25 +12\.5\nsex: female 85, male 70/,
    );
    expect(text).toMatch(
      /diabetes = 1\nvariable +n +mean +sd\nage +x +x +x \(suppressed at Lyon registry\)\nsex: female x, male 15/,
    );
    expect(text).toContain('x = suppressed by disclosure control');
    expect(text).toContain('threshold describe mean age (diabetes=1) $');
  });

  it('prints each Kaplan–Meier curve as survfit’s summary, with where it was cut', () => {
    // Ten persons: events at weeks 1, 1, 2 and 4, censored at 3; the product-limit estimate by hand
    // is 8/10 at day 7, 8/10·7/8 = 0.7 at 14, 0.7·4/5 = 0.56 at 28.
    const curve = kaplanMeier({
      group: null,
      n: 10,
      rows: [
        { time: 7, events: 2, censored: 0 },
        { time: 14, events: 1, censored: 0 },
        { time: 21, events: 0, censored: 2 },
        { time: 28, events: 1, censored: 0 },
      ],
    });
    const result: KmResultJson = {
      survival: 'os',
      group: null,
      intervalDays: 7,
      curves: [{ ...curve, truncatedAt: 28 }],
    };
    const text = kmTable(
      analysis(
        'km',
        result,
        sdc([{ rule: 'suppression', target: 'group=all', outcome: 'suppressed' }], 'km os'),
      ),
    );
    expect(text).toMatch(/^Kaplan–Meier of os \(times in days, multiples of 7\): analysis a1/);
    expect(text).toMatch(/all persons: n = 10, events = 4; cut after day 28/);
    expect(text).toMatch(/\n7 +10 +2 +0 +0\.8000 /);
    expect(text).toMatch(/\n14 +8 +1 +0 +0\.7000 /);
    expect(text).toMatch(/\n28 +5 +1 +0 +0\.5600 /);
    expect(text).toContain('suppression km os group=all');
  });
});
