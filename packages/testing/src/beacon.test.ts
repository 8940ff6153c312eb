import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { grantTestPermit, signInDemoAccount } from '@openehds/server';
import { ingest, installBeaconQuery, installPermits, prepareTestExtract } from '@openehds/node';
import { BEACON_SCHEMAS_PRESENT, loadBeaconSchemas, type BeaconResponseSchema } from './beacon-schemas';
import { createTestWorld, type TestWorld } from './world';

const ID_SYSTEM = 'https://openehds.eu/sid/person';
const DATASETS = ['fi-genomes', 'es-genomes', 'de-genomes'];
const DAY = 86_400_000;

/** Persons named like the VCF's samples, and a VCF where the first `carriers` carry 1:1000 A>G. */
async function seedNode(
  store: NodeStore,
  dir: string,
  datasetId: string,
  prefix: string,
  samples: number,
  carriers: number,
) {
  const names = Array.from({ length: samples }, (_, i) => `${prefix}${i + 1}`);
  const patients = join(dir, `${prefix}-Patient.ndjson`);
  writeFileSync(
    patients,
    names
      .map((n) =>
        JSON.stringify({
          resourceType: 'Patient',
          id: `patient-${n}`,
          gender: 'female',
          birthDate: '1970-05-01',
          identifier: [{ system: ID_SYSTEM, value: n }],
        }),
      )
      .join('\n') + '\n',
  );
  const vcf = join(dir, `${prefix}.vcf`);
  const gts = names.map((_, i) => (i < carriers ? '0/1' : '0/0'));
  writeFileSync(
    vcf,
    [
      '##fileformat=VCFv4.2',
      '##contig=<ID=1,length=100000,assembly=GRCh38>',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...names].join('\t'),
      ['1', '1000', '.', 'A', 'G', '50', 'PASS', '.', 'GT', ...gts].join('\t'),
      ['1', '2000', '.', 'C', 'T', '50', 'PASS', '.', 'GT', ...names.map(() => '0/0')].join('\t'),
    ].join('\n') + '\n',
  );
  await ingest([patients], { store, datasetId, personIdentifierSystem: ID_SYSTEM });
  await ingest([vcf], { store, datasetId, personIdentifierSystem: ID_SYSTEM });
}

interface BeaconBody {
  meta: { beaconId: string; returnedGranularity: string };
  responseSummary: { exists: boolean; numTotalResults?: number };
  response?: {
    resultSets: {
      id: string;
      exists: boolean;
      resultsCount: number;
      results: Record<string, unknown>[];
      info: { returnedGranularity: string; node?: { id: string; name: string; country: string } };
    }[];
  };
  info?: {
    nodes?: { nodeId: string; datasetIds: string[]; status: string; exists?: boolean; message?: string }[];
  };
  error?: { errorCode: number; errorMessage: string };
}

// The hub as a Beacon network over three nodes (issue 5 §2-3): two answer from their own stores (real
// ingest of persons and a VCF), the third never comes online. The hub fans each query out as a signed
// `beacon.query` task and lists every node's answer.
describe('Beacon network at the hub', () => {
  let world: TestWorld;
  let dir: string;
  const stores: NodeStore[] = [];
  let staffToken: string;
  let userToken: string;
  const signIn = (who: 'hdab' | 'user') =>
    signInDemoAccount(async (path, payload) => {
      const res = await world.hub.app.inject({ method: 'POST', url: path, payload: payload as object });
      return { status: res.statusCode, body: res.json() as unknown };
    }, who).then((r) => r.token);
  const get = async (url: string, opts: { token?: string; ip?: string } = {}) => {
    const res = await world.hub.app.inject({
      method: 'GET',
      url,
      remoteAddress: opts.ip ?? '10.0.0.1',
      ...(opts.token ? { headers: { authorization: `Bearer ${opts.token}` } } : {}),
    });
    return { status: res.statusCode, headers: res.headers, body: res.json() as BeaconBody };
  };
  const post = async (url: string, body: unknown, opts: { token?: string; ip?: string } = {}) => {
    const res = await world.hub.app.inject({
      method: 'POST',
      url,
      payload: body as object,
      remoteAddress: opts.ip ?? '10.0.0.1',
      ...(opts.token ? { headers: { authorization: `Bearer ${opts.token}` } } : {}),
    });
    return { status: res.statusCode, headers: res.headers, body: res.json() as BeaconBody };
  };
  const variant = 'referenceName=1&start=999&referenceBases=A&alternateBases=G&assemblyId=GRCh38';
  const tasksFor = async (nodeId: string, type = 'beacon.query') =>
    (
      await world.hub.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM task WHERE node_id = $1 AND type = $2`,
        [nodeId, type],
      )
    )[0]!.n;
  const setLastSeen = (nodeId: string, ago: string | null) =>
    world.hub.db.query(
      `UPDATE node SET last_seen_at = ${ago === null ? 'NULL' : `now() - $2::interval`} WHERE id = $1`,
      ago === null ? [nodeId] : [nodeId, ago],
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-beacon-network-'));
    world = await createTestWorld({
      nodes: 3,
      start: false,
      hubConfig: {
        beacon: { timeoutMs: 1500, budget: { anonymous: { limit: 5, windowSeconds: 3600 } } },
      },
    });
    // 12 carriers of 20 at the first node, 3 of 10 at the second; the third stays offline.
    const sizes: [string, number, number][] = [
      ['fi', 20, 12],
      ['es', 10, 3],
    ];
    for (const [i, [prefix, samples, carriers]] of sizes.entries()) {
      const store = await openNodeStore(join(dir, `${prefix}.duckdb`));
      stores.push(store);
      await seedNode(store, dir, DATASETS[i]!, prefix, samples, carriers);
      const node = world.nodes[i]!;
      installPermits(node.runtime, store);
      installBeaconQuery(node.runtime, store, {
        engine: { datasetId: DATASETS[i]!, assembly: 'GRCh38', identifierSystem: ID_SYSTEM },
      });
      await node.runtime.start();
    }
    await world.hub.db.query(
      `INSERT INTO dataset (id, node_id, status, description) VALUES
         ($1, $4, 'PUBLISHED', '{"title":{"en":"Finnish genomes"}}'), ($2, $5, 'PUBLISHED', '{}'), ($3, $6, 'PUBLISHED', '{}')`,
      [...DATASETS, ...world.nodes.map((n) => n.identity.nodeId)],
    );
    staffToken = await signIn('hdab');
    userToken = await signIn('user');
  }, 60_000);
  afterAll(async () => {
    await world?.close();
    for (const s of stores) s.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers an anonymous caller with a boolean, listing every node and the offline one as offline', async () => {
    const { status, body } = await get(`/api/beacon/g_variants?${variant}&requestedGranularity=count`, {
      ip: '10.0.0.2',
    });
    expect(status).toBe(200);
    expect(body.meta.returnedGranularity).toBe('boolean');
    expect(body.responseSummary).toEqual({ exists: true });
    expect(body.response).toBeUndefined();
    const nodes = Object.fromEntries(body.info!.nodes!.map((n) => [n.datasetIds[0], n]));
    expect(nodes['fi-genomes']).toMatchObject({ status: 'ok', exists: true });
    expect(nodes['es-genomes']).toMatchObject({ status: 'ok', exists: true });
    // The third node registered but never came online: the hub has not heard from it since, so it is
    // listed as offline at once and sent no task (network.ts BEACON_OFFLINE_AFTER_MS).
    expect(nodes['de-genomes']).toMatchObject({ status: 'offline' });
    expect(nodes['de-genomes']!.message).toMatch(/never heard from this node/);
    expect(await tasksFor(world.nodes[2]!.identity.nodeId)).toBe(0);
    expect(await tasksFor(world.nodes[2]!.identity.nodeId, 'beacon.filtering-terms')).toBe(0);
  });

  it('answers a signed-in account with counts rounded by the HDAB policy, per node', async () => {
    const { status, body } = await get(`/api/beacon/g_variants?${variant}&requestedGranularity=count`, {
      token: staffToken,
    });
    expect(status).toBe(200);
    expect(body.meta.returnedGranularity).toBe('count');
    const sets = Object.fromEntries(body.response!.resultSets.map((s) => [s.id, s]));
    // 12 carriers → rounded to a multiple of the registered rounding (5), never below the minimum (10).
    expect(sets['fi-genomes']).toMatchObject({ exists: true, resultsCount: 10, results: [] });
    expect(sets['fi-genomes']!.info.node).toEqual({
      id: world.nodes[0]!.identity.nodeId,
      name: world.nodes[0]!.info.name,
      country: world.nodes[0]!.info.country,
    });
    // 3 carriers: below the minimum count, so no count is shown for that node.
    expect(sets['es-genomes']).toBeUndefined();
    expect(body.info!.nodes!.find((n) => n.datasetIds[0] === 'es-genomes')).toMatchObject({ exists: true });
    // Audited with the query's hash, never the alleles.
    const [audit] = await world.hub.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE action = 'beacon.query' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit!.details).toMatchObject({ entryType: 'genomicVariant', granularity: 'count' });
    expect(JSON.stringify(audit!.details)).not.toMatch(/"G"|alternateBases/);
  });

  it('refuses a malformed query in Beacon’s error model, naming the parameter', async () => {
    const { status, body } = await get('/api/beacon/g_variants?referenceName=1&start=-4&assemblyId=GRCh38');
    expect(status).toBe(400);
    expect(body.error!.errorCode).toBe(400);
    expect(body.error!.errorMessage).toMatch(/start/);
    const post400 = await post('/api/beacon/g_variants', {
      meta: { apiVersion: 'v2.0.0' },
      query: { requestParameters: { referenceName: '1', start: [999], assemblyId: 'hg99' } },
    });
    expect(post400.status).toBe(400);
    expect(post400.body.error!.errorMessage).toMatch(/query\.requestParameters\.assemblyId/);
    const unknownDataset = await get(`/api/beacon/g_variants?${variant}&datasets=no-such`);
    expect(unknownDataset.status).toBe(400);
    expect(unknownDataset.body.error!.errorMessage).toMatch(/datasets.*no-such/);
  });

  it('gives a permit holder the records of the permit’s dataset only', async () => {
    const permit = await grantTestPermit(world.hub.db, world.hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-genomes', country: 'FI' }],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: new Date(Date.now() + 365 * DAY).toISOString(),
    });
    // The node holds the permit and its extract (the permit delivery is tested in permits.test.ts).
    await prepareTestExtract(stores[0]!, { permitId: permit.id, datasets: ['fi-genomes'], variables: [] });
    const { status, body } = await post(
      '/api/beacon/individuals',
      {
        meta: { apiVersion: 'v2.0.0' },
        query: {
          requestParameters: { referenceName: '1', start: [999], referenceBases: 'A', alternateBases: 'G' },
          requestedGranularity: 'record',
        },
      },
      { token: userToken },
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.meta.returnedGranularity).toBe('record');
    const sets = Object.fromEntries(body.response!.resultSets.map((s) => [s.id, s]));
    expect(sets['fi-genomes']!.info.returnedGranularity).toBe('record');
    expect(sets['fi-genomes']!.results.length).toBeGreaterThan(0);
    expect(sets['es-genomes']).toBeUndefined();
    for (const s of body.response!.resultSets) if (s.id !== 'fi-genomes') expect(s.results).toEqual([]);
  });

  it('runs out of the anonymous budget with a 429 saying when it refills', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 5; i++)
      expect((await get(`/api/beacon/g_variants?${variant}`, { ip })).status).toBe(200);
    const { status, headers, body } = await get(`/api/beacon/g_variants?${variant}`, { ip });
    expect(status).toBe(429);
    expect(body.error!.errorCode).toBe(429);
    expect(body.error!.errorMessage).toMatch(/query budget exhausted.*allowed in \d+ s/);
    expect(Number(headers['retry-after'])).toBeGreaterThan(0);
    // Another caller still has theirs.
    expect((await get(`/api/beacon/g_variants?${variant}`, { ip: '10.9.9.10' })).status).toBe(200);
  });

  it('serves the informational endpoints, the catalogue datasets and the union of the nodes’ terms', async () => {
    const info = await get('/api/beacon/info');
    expect(info.status).toBe(200);
    const datasets = await get('/api/beacon/datasets');
    const collections = (
      datasets.body as unknown as { response: { collections: { id: string; name: string }[] } }
    ).response.collections;
    expect(collections.map((c) => c.id).sort()).toEqual([...DATASETS].sort());
    expect(collections.find((c) => c.id === 'fi-genomes')!.name).toBe('Finnish genomes');
    const terms = await get('/api/beacon/filtering_terms');
    const ids = (
      terms.body as unknown as { response: { filteringTerms: { id: string }[] } }
    ).response.filteringTerms.map((t) => t.id);
    expect(ids).toContain('NCIT:C16576');
    expect(ids).toContain('age');
    expect(ids).not.toContain('NCIT:C20197');
  });

  it('asks a node heard from lately even if it then stays silent, and skips one silent for longer than 3 heartbeats', async () => {
    const de = world.nodes[2]!.identity.nodeId;
    try {
      // Seen a minute ago: still asked (a task is queued), and listed as not answering in time.
      await setLastSeen(de, '1 minute');
      const before = await tasksFor(de);
      const recent = await get(`/api/beacon/g_variants?${variant}`, { ip: '10.7.0.1' });
      expect(recent.status).toBe(200);
      const asked = recent.body.info!.nodes!.find((n) => n.nodeId === de)!;
      expect(asked).toMatchObject({ status: 'timeout' });
      expect(asked.message).toMatch(/no answer from the node within 1.5 s/);
      expect(await tasksFor(de)).toBe(before + 1);

      // Silent for 10 minutes (over 3 × the 60 s heartbeat): listed as offline, no task queued, the
      // other nodes answer as usual.
      await setLastSeen(de, '10 minutes');
      const stale = await get(`/api/beacon/g_variants?${variant}`, { ip: '10.7.0.2' });
      expect(stale.status).toBe(200);
      expect(stale.body.responseSummary.exists).toBe(true);
      const skipped = stale.body.info!.nodes!.find((n) => n.nodeId === de)!;
      expect(skipped).toMatchObject({ status: 'offline' });
      expect(skipped.message).toMatch(/^offline: not heard from since \d{4}-\d\d-\d\dT.* \(over 3 min\)/);
      expect(await tasksFor(de)).toBe(before + 1);
      expect(stale.body.info!.nodes!.filter((n) => n.status === 'ok')).toHaveLength(2);
    } finally {
      await setLastSeen(de, null);
    }
  });

  // Issue 5 §4: every kind of answer the hub gives, validated whole against the official v2.1.1 schemas
  // (beacon-schemas.ts; the core builders alone are covered by beacon-conformance.test.ts). Runs after
  // the permit test above, so the signed-in user has record access to fi-genomes.
  it.skipIf(!BEACON_SCHEMAS_PRESENT)(
    'answers, of every kind, validate against the Beacon v2.1.1 schemas',
    async () => {
      const schemas = loadBeaconSchemas();
      const valid = (schema: BeaconResponseSchema, res: { status: number; body: unknown }, label: string) =>
        expect(schemas.response(schema, res.body), `${label} (HTTP ${res.status})`).toEqual([]);

      for (const path of ['', '/', '/info'])
        valid('beaconInfoResponse', await get(`/api/beacon${path}`), path);
      valid('ga4gh-service-info-1-0-0-schema', await get('/api/beacon/service-info'), 'service-info');
      valid('beaconMapResponse', await get('/api/beacon/map'), 'map');
      valid('beaconConfigurationResponse', await get('/api/beacon/configuration'), 'configuration');
      valid('beaconEntryTypesResponse', await get('/api/beacon/entry_types'), 'entry_types');
      valid('beaconFilteringTermsResponse', await get('/api/beacon/filtering_terms'), 'filtering_terms');
      const datasets = await get('/api/beacon/datasets');
      valid('beaconCollectionsResponse', datasets, 'datasets');
      const collections = (datasets.body as unknown as { response: { collections: unknown[] } }).response
        .collections;
      expect(collections).toHaveLength(3);
      for (const d of collections) expect(schemas.record('datasets', d)).toEqual([]);
      valid('beaconCollectionsResponse', await get('/api/beacon/cohorts'), 'cohorts');

      const anonymous = await get(`/api/beacon/g_variants?${variant}`, { ip: '10.8.0.1' });
      expect(anonymous.body.meta.returnedGranularity).toBe('boolean');
      valid('beaconBooleanResponse', anonymous, 'boolean');

      const count = await get(`/api/beacon/g_variants?${variant}&requestedGranularity=count`, {
        token: staffToken,
      });
      expect(count.body.meta.returnedGranularity).toBe('count');
      valid('beaconCountResponse', count, 'count');
      valid('beaconResultsetsResponse', count, 'count as result sets');

      const recordQuery = {
        meta: { apiVersion: 'v2.0.0' },
        query: {
          requestParameters: { referenceName: '1', start: [999], referenceBases: 'A', alternateBases: 'G' },
          requestedGranularity: 'record',
        },
      };
      for (const [path, entry] of [
        ['g_variants', 'genomicVariations'],
        ['individuals', 'individuals'],
        ['biosamples', 'biosamples'],
      ] as const) {
        const res = await post(`/api/beacon/${path}`, recordQuery, { token: userToken });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.meta.returnedGranularity).toBe('record');
        valid('beaconResultsetsResponse', res, `${path} records`);
        const results = res.body.response!.resultSets.flatMap((r) => r.results);
        expect(results.length, path).toBeGreaterThan(0);
        for (const r of results) expect(schemas.record(entry, r), path).toEqual([]);
      }

      const refused = await get('/api/beacon/g_variants?referenceName=1&start=-4&assemblyId=GRCh38');
      expect(refused.status).toBe(400);
      valid('beaconErrorResponse', refused, '400 (GET)');
      const refusedPost = await post('/api/beacon/individuals', { query: { pagination: 'x' } });
      expect(refusedPost.status).toBe(400);
      valid('beaconErrorResponse', refusedPost, '400 (POST)');
      const missing = await get('/api/beacon/runs');
      expect(missing.status).toBe(404);
      valid('beaconErrorResponse', missing, '404');
      let exhausted = await get(`/api/beacon/g_variants?${variant}`, { ip: '10.8.0.2' });
      for (let i = 0; i < 5 && exhausted.status !== 429; i++)
        exhausted = await get(`/api/beacon/g_variants?${variant}`, { ip: '10.8.0.2' });
      expect(exhausted.status).toBe(429);
      valid('beaconErrorResponse', exhausted, '429');
    },
  );
});
