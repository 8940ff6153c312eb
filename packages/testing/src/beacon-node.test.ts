import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaitTaskResult, createTestCitizen, runOptOutSweep } from '@openehds/server';
import { parseNodeConfig, startNode, type RunningNode } from '@openehds/node';
import { createTestWorld, type TestWorld } from './world';

const ID_SYSTEM = 'https://openehds.eu/sid/person';
const DATASET = 'fi-genomes';
// Five persons with national identifiers; the first two carry chr1 POS 1000 A>G (Beacon start 999).
const PERSONS = ['FI-S5-0000101', 'FI-S5-0000102', 'FI-S5-0000103', 'FI-S5-0000104', 'FI-S5-0000105'];
const CARRIERS = 2;
const VARIANT = 'referenceName=1&start=999&referenceBases=A&alternateBases=G&assemblyId=GRCh38';

const patients = () =>
  PERSONS.map((nid, i) =>
    JSON.stringify({
      resourceType: 'Patient',
      id: `p${i + 1}`,
      gender: 'female',
      birthDate: '1970-05-01',
      identifier: [{ system: ID_SYSTEM, value: nid }],
    }),
  ).join('\n') + '\n';

const vcf = () =>
  [
    '##fileformat=VCFv4.2',
    '##contig=<ID=1,length=100000,assembly=GRCh38>',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...PERSONS].join('\t'),
    [
      '1',
      '1000',
      '.',
      'A',
      'G',
      '50',
      'PASS',
      '.',
      'GT',
      ...PERSONS.map((_, i) => (i < CARRIERS ? '0/1' : '0/0')),
    ].join('\t'),
  ].join('\n') + '\n';

// A real node, started as `ehds node start` starts it (startNode: store, local API with the public
// Beacon on a TCP port, federation runtime over HTTP to a listening hub). The engine answers from a
// snapshot of the store (node/src/beacon/engine/README.md); this checks that start-node.ts drops it
// when the Beacon-visible data changes: after each committed ingest batch (`onIngestCommitted`) and
// after an opt-out registry sync from the hub (Art. 71), asked over HTTP like any Beacon client.
describe('a started node’s Beacon follows its data: ingest batches and opt-out syncs', () => {
  let world: TestWorld;
  let node: RunningNode;
  let dataDir: string;

  const beacon = async (path: string) => {
    const res = await fetch(`${node.apiUrl}/api/beacon${path}`);
    return {
      status: res.status,
      body: (await res.json()) as {
        responseSummary: { exists: boolean };
        response: { filteringTerms: { id: string }[] };
      },
    };
  };
  const exists = async () => {
    const { status, body } = await beacon(`/g_variants?${VARIANT}`);
    expect(status, JSON.stringify(body)).toBe(200);
    return body.responseSummary.exists;
  };
  const termIds = async () =>
    (await beacon('/filtering_terms')).body.response.filteringTerms.map((t) => t.id);
  const upload = async (filename: string, content: string) => {
    const res = await fetch(`${node.apiUrl}/api/ingest?filename=${filename}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${node.operatorToken}`, 'content-type': 'application/octet-stream' },
      body: content,
    });
    const body = (await res.json()) as { loaded: number; rejected: number };
    expect(res.status, JSON.stringify(body)).toBe(200);
    return body;
  };
  /** Runs the hub's opt-out sweep until the node has answered every task it queued. */
  const settleOptOut = async () => {
    for (let round = 0; round < 4; round++) {
      await runOptOutSweep(world.hub.db, world.hub.config);
      const open = await world.hub.db.query<{ id: string }>(
        `SELECT id FROM task WHERE type LIKE 'opt-out.%' AND status IN ('QUEUED', 'CLAIMED')`,
      );
      if (!open.length) return;
      const done = await Promise.all(open.map((t) => awaitTaskResult(world.hub.db, t.id, 20_000)));
      expect(done.map((t) => t.error)).toEqual(done.map(() => null));
    }
  };

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 0, transport: 'http', hubConfig: { permitSweepSeconds: 0 } });
    dataDir = mkdtempSync(join(tmpdir(), 'ehds-beacon-node-'));
    node = await startNode(
      parseNodeConfig({
        name: 'Helsinki genomes node',
        country: 'FI',
        organisation: 'Helsinki Biobank',
        dataDir,
        hubUrl: world.hub.url,
        datasetId: DATASET,
        personIdentifierSystem: ID_SYSTEM,
      }),
    );
    const approved = await world.admin('POST', `/api/nodes/${node.nodeId}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    // The runtime learns of its approval on its next poll (start-node.ts: every 3 s).
    for (let i = 0; i < 100 && node.runtime.status !== 'APPROVED'; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(node.runtime.status).toBe('APPROVED');
  }, 60_000);
  afterAll(async () => {
    await node?.stop();
    await world?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers no before any data, and yes once an ingest batch links the carriers', async () => {
    // The first query builds the engine's snapshot of the empty store.
    expect(await exists()).toBe(false);
    expect(await termIds()).not.toContain('NCIT:C16576');

    // Persons only: their sex is now a filtering term, the variant is still unknown.
    expect(await upload('Patient.ndjson', patients())).toMatchObject({ loaded: PERSONS.length, rejected: 0 });
    expect(await termIds()).toContain('NCIT:C16576');
    expect(await exists()).toBe(false);

    // The VCF batch: its samples are linked to the persons, and the Beacon sees it without a restart.
    expect((await upload('calls.vcf', vcf())).rejected).toBe(0);
    expect(await exists()).toBe(true);
    const other = await beacon(`/g_variants?${VARIANT.replace('alternateBases=G', 'alternateBases=T')}`);
    expect(other.body.responseSummary.exists).toBe(false);
  });

  it('answers no once every carrier has opted out and the hub’s registry reached the node', async () => {
    await settleOptOut(); // the pseudonym key and the (empty) registry
    expect(await exists()).toBe(true);

    // One carrier opts out: the other still carries the variant.
    const opt = async (i: number) => {
      const citizen = await createTestCitizen(world.hub.db, world.hub.config, {
        username: `citizen-${i}`,
        nationalId: PERSONS[i]!,
      });
      const res = await world.hub.app.inject({
        method: 'POST',
        url: '/api/citizen/opt-out',
        headers: { authorization: `Bearer ${citizen.token}` },
        payload: {},
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await opt(0);
    await settleOptOut();
    expect(await exists()).toBe(true);

    await opt(1);
    await settleOptOut();
    // The node drops its snapshot when it reports the sync task done (start-node.ts onEvent), which
    // may be just after the hub has the result: ask until it has, within a bound.
    let answer = await exists();
    for (let i = 0; i < 20 && answer; i++) {
      await new Promise((r) => setTimeout(r, 250));
      answer = await exists();
    }
    expect(answer).toBe(false);
  });
});
