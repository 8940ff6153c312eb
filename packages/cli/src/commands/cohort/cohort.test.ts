import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { migrate, openPglite, type Db } from '@openehds/db';
import { createApp, parseHubConfig } from '@openehds/server';
import type { FeasibilityAnswer } from '@openehds/client';
import { main } from '../../main';
import { renderFeasibility } from './render';

/** Runs `ehds …` and returns the exit code with what it printed on stdout and stderr. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = 0;
  try {
    const code = await main(['node', 'ehds', ...argv]);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = 0;
  }
}

const record = {
  schema: 'openehds.sdc-record/1',
  kind: 'count' as const,
  at: '2030-01-01T00:00:00.000Z',
  policy: { id: 'p', version: '1', hash: 'a'.repeat(64) },
  audience: 'anonymous' as const,
  outcome: 'released' as const,
  rules: [],
  outputHash: null,
};

describe('ehds cohort', () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let hub: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-cohort-cli-'));
    db = await openPglite();
    await migrate(db);
    app = await createApp(parseHubConfig({}), { db });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    hub = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders one row per node and the total, saying when it is a lower bound', () => {
    const answer: FeasibilityAnswer = {
      audience: 'anonymous',
      threshold: 10,
      roundTo: 10,
      total: { value: 70, atLeast: true },
      askedAt: '2030-01-01T00:00:00.000Z',
      nodes: [
        {
          nodeId: 'a',
          nodeName: 'Helsinki Biobank node',
          country: 'FI',
          datasets: ['fi-biobank'],
          value: 40,
          suppressed: false,
          status: 'ok',
          record,
        },
        {
          nodeId: 'b',
          nodeName: 'Registro',
          country: 'ES',
          datasets: ['es-registry'],
          value: null,
          suppressed: true,
          status: 'ok',
          record,
        },
        {
          nodeId: 'c',
          nodeName: 'Klinikum',
          country: 'DE',
          datasets: ['de-hospital'],
          value: 30,
          suppressed: false,
          status: 'ok',
          record,
        },
        {
          nodeId: 'd',
          nodeName: 'Late',
          country: 'FR',
          datasets: ['fr-x'],
          value: null,
          suppressed: false,
          status: 'timeout',
          message: 'no answer within 20 s',
          record: null,
        },
      ],
    };
    const lines = renderFeasibility(answer).split('\n');
    expect(lines[0]).toMatch(/^node\s+country\s+datasets\s+count\s+note$/);
    expect(lines[2]).toMatch(/^Helsinki Biobank node\s+FI\s+fi-biobank\s+40$/);
    expect(lines[3]).toMatch(/^Registro\s+ES\s+es-registry\s+< 10\s+suppressed \(below the threshold\)$/);
    expect(lines[5]).toMatch(/^Late\s+FR\s+fr-x\s+timeout\s+no answer within 20 s$/);
    expect(lines).toContain('total: ≥ 70');
    expect(lines.at(-1)).toMatch(/^released to: anonymous; counts below 10 suppressed, rounded to 10/);
  });

  it('asks a running hub anonymously and prints the answer (JSON with --json)', async () => {
    const file = join(dir, 'cohort.json');
    writeFileSync(file, JSON.stringify({ inclusion: [{ criteria: [{ type: 'sex', values: ['female'] }] }] }));
    const r = await run(['cohort', 'count', file, '--hub', hub, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ audience: 'anonymous', nodes: [], total: { value: null } });
    const human = await run(['cohort', 'count', file, '--hub', hub]);
    expect(human.out).toContain('(no approved node holds a published dataset)');
  });

  it("prints the hub's list of bad fields and exits 2 for an invalid definition", async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ inclusion: [{ criteria: [{ type: 'sex', values: ['robot'] }] }] }));
    const r = await run(['cohort', 'count', file, '--hub', hub]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cohort.inclusion[0].criteria[0].values[0]');
    const missing = await run(['cohort', 'count', join(dir, 'nope.json'), '--hub', hub]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read/);
  });

  it('prints the JSON Schema', async () => {
    const r = await run(['cohort', 'schema', '--hub', hub]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
  });
});
