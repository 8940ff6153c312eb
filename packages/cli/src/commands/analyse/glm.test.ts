import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fitGlmInProcess } from '@openehds/analytics';
import type { Analysis, GlmResultJson } from '@openehds/client';
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
import { glmTable } from './glm';

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

// `ehds analyse glm` against a real hub listening on a port (the federated run itself is covered by
// packages/testing/src/workspace.test.ts through the same client).
describe('ehds analyse glm', () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let url: string;
  let token: string;
  let permit: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-analyse-cli-'));
    writeFileSync(join(dir, 'vars.json'), JSON.stringify({ age: { kind: 'age' }, sex: { kind: 'sex' } }));
    writeFileSync(join(dir, 'broken.json'), '{ "age": ');
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

  const args = (extra: string[]) => [
    'analyse',
    'glm',
    '--hub',
    url,
    '--permit',
    permit,
    '--formula',
    'age ~ sex',
    '--family',
    'gaussian',
    ...extra,
  ];

  it('sends the request to the hub and reports the hub’s answer with how to fix it', async () => {
    const r = await run(args(['--variables', join(dir, 'vars.json'), '--token', token]));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error: no approved node holds the datasets of permit .* \(held-by-no-node\)/);
  });

  it('refuses locally what cannot work: no token, an unreadable variables file, an unknown family', async () => {
    const saved = process.env.EHDS_TOKEN;
    delete process.env.EHDS_TOKEN;
    try {
      expect((await run(args(['--variables', join(dir, 'vars.json')]))).err).toMatch(/--token or EHDS_TOKEN/);
    } finally {
      if (saved !== undefined) process.env.EHDS_TOKEN = saved;
    }
    const broken = await run(args(['--variables', join(dir, 'broken.json'), '--token', token]));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/--variables .*broken\.json/);
    const family = await run([
      ...args(['--variables', join(dir, 'vars.json'), '--token', token]),
      '--family',
      'logit',
    ]);
    expect(family.err).toMatch(/--family must be one of gaussian, binomial, poisson/);
  });

  it('prints the coefficient table as R lays it out', async () => {
    const fit = await fitGlmInProcess(
      [{ y: [1, 3, 2, 5, 4, 6, 8, 7], x: [1, 2, 3, 4, 5, 6, 7, 8] }],
      'y ~ x',
      'gaussian',
    );
    const analysis = {
      id: 'a1',
      result: { ...fit, nodes: [{ node: 'Test node', n: 8 }] },
    } as unknown as Analysis<GlmResultJson>;
    const text = glmTable(analysis);
    expect(text).toMatch(/^gaussian GLM \(identity link\) of y ~ x: n = 8/);
    // Least squares by hand: slope Sxy/Sxx = 39/42, intercept 4.5 − slope × 4.5.
    expect(text).toMatch(/\(Intercept\)\s+0\.321429/);
    expect(text).toMatch(/Pr\(>\|t\|\)/);
    expect(text).toMatch(/\nx\s+0\.928571/);
    expect(text).toMatch(/node Test node: n = 8/);
  });
});
