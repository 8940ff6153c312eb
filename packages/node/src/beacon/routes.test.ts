import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import {
  DEFAULT_SDC_POLICY,
  generateFederationKeyPair,
  invalid,
  publicKeyObject,
  signAccessToken,
  type BeaconAccess,
  type BeaconQuery,
  type SignedDocument,
} from '@openehds/core';
import { createNodeApi } from '../api/routes';
import type { NodeServices } from '../api/services';
import { parseNodeConfig, type NodeConfig } from '../config';
import { savePublication } from '../describe/draft';
import { ingest } from '../ingest/pipeline/ingest';
import { storePermit } from '../permits/registry';
import { VISA_TYP, type VisaJwk } from './auth-visa';
import { BeaconQueryLog } from './budget-store';
import { nodeBeaconDeps } from './routes-deps';

const NODE_ID = '0b8f6d4e-52c1-4f7b-9a43-7f2c8e1d0a55';
const OPERATOR = 'operator-token-0123456789abcdef0123456789abcdef';
const HUB = 'http://hub.test';
const DATASET = 'beacon-route-test';
const hubKeys = generateFederationKeyPair();
const pem = (raw: string) => publicKeyObject(raw).export({ format: 'pem', type: 'spki' }).toString();

/** A hub access token for this node, as the hub issues it to a signed-in user (any role). */
function hubToken(role: 'data_user' | 'data_holder' = 'data_user', aud = NODE_ID): string {
  const iat = Math.floor(Date.now() / 1000);
  return signAccessToken(hubKeys.privateKey, { sub: `user-${role}`, role, aud, iat, exp: iat + 900 });
}

/** The hub's visa key (ES256, as packages/server/src/permits/visas/key.ts makes it) and its JWK. */
function visaSigner() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();
  const jwk: VisaJwk = { ...(publicKey.export({ format: 'jwk' }) as VisaJwk), kid, alg: 'ES256', use: 'sig' };
  return { privateKey, jwk, kid };
}
const hubVisa = visaSigner();

/** A ControlledAccessGrants visa as issuePassport signs it; `over` changes claims or the key. */
function visa(
  over: { sub?: string; dataset?: string; exp?: number; iss?: string; key?: KeyObject; kid?: string } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const iss = over.iss ?? HUB;
  const header = {
    alg: 'ES256',
    typ: VISA_TYP,
    kid: over.kid ?? hubVisa.kid,
    jku: `${HUB}/.well-known/jwks.json`,
  };
  const payload = {
    iss,
    sub: over.sub ?? 'ada@uni.example',
    iat: now,
    exp: over.exp ?? now + 3600,
    jti: randomUUID(),
    ga4gh_visa_v1: {
      type: 'ControlledAccessGrants',
      asserted: now - 60,
      value: `${iss}/catalogue/datasets/${encodeURIComponent(over.dataset ?? DATASET)}`,
      source: 'https://hdab.example',
      by: 'dac',
    },
  };
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signing = `${b64(header)}.${b64(payload)}`;
  const signature = sign('sha256', Buffer.from(signing), {
    key: over.key ?? hubVisa.privateKey,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64url');
  return `${signing}.${signature}`;
}

/** A permit version as the node's registry holds it after a `permit.update` task. */
async function registerPermit(
  store: NodeStore,
  permitId: string,
  email: string,
  status = 'GRANTED' as const,
) {
  const day = 86_400_000;
  await storePermit(store, {
    permitId,
    rootId: permitId,
    previousId: null,
    version: 1,
    revision: 1,
    status,
    validFrom: new Date(Date.now() - day).toISOString(),
    validUntil: new Date(Date.now() + 30 * day).toISOString(),
    activeFrom: new Date(Date.now() - day).toISOString(),
    activeUntil: null,
    renewals: 0,
    datasets: [DATASET],
    persons: [{ name: 'Ada', email, role: 'researcher' }],
    signed: {} as SignedDocument,
    receivedAt: new Date().toISOString(),
  });
}

const noServices: NodeServices = {
  ingestFiles: async () => ({}),
  listBatches: async () => [],
  quality: async () => ({}),
  runQuality: async () => ({}),
  dataset: async () => ({}),
  saveDraft: async () => ({}),
  publish: async () => ({}),
};

function nodeConfig(dataDir: string): NodeConfig {
  return parseNodeConfig({
    name: 'Beacon test node',
    country: 'FI',
    organisation: 'Helsinki Biobank (demo)',
    dataDir,
    hubUrl: HUB,
    datasetId: DATASET,
  });
}

async function startNode(
  store: NodeStore,
  config: NodeConfig,
  { log, ...over }: Partial<Parameters<typeof nodeBeaconDeps>[0]> & { log?: BeaconQueryLog } = {},
  query?: (q: BeaconQuery, a: BeaconAccess) => Promise<never[] | ReturnType<typeof fakeSets>>,
) {
  const beacon = {
    ...nodeBeaconDeps({
      config,
      store,
      nodeId: () => NODE_ID,
      hubPublicKey: () => pem(hubKeys.publicKey),
      policy: () => null,
      visaKeys: async () => [hubVisa.jwk],
      ...over,
    }),
    ...(log ? { log } : {}),
  };
  return createNodeApi({
    services: noServices,
    auth: { nodeId: () => NODE_ID, hubPublicKey: () => pem(hubKeys.publicKey), operatorToken: OPERATOR },
    allowedOrigins: [],
    uploadDir: join(config.dataDir, 'uploads'),
    health: async () => ({ status: 'up' }),
    beacon: query ? { ...beacon, query } : beacon,
  });
}

const fakeSets = (access: BeaconAccess) => [
  {
    id: DATASET,
    setType: 'dataset' as const,
    exists: true,
    resultsCount: 20,
    ...(access.recordDatasets.length ? { results: [{ id: 'PSN-1', sex: { id: 'NCIT:C16576' } }] } : {}),
  },
];

const bearer = (token: string): InjectOptions['headers'] => ({ authorization: `Bearer ${token}` });

describe('node Beacon over the real engine: ingested persons and a VCF', () => {
  let api: FastifyInstance;
  let store: NodeStore;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ehds-beacon-routes-'));
    const config = nodeConfig(dataDir);
    store = await openNodeStore(join(dataDir, 'node.duckdb'));
    // Prepare: 12 persons S1..S12; chr1 POS 100 A>G carried by 11 of them, POS 200 C>T by one.
    const ids = Array.from({ length: 12 }, (_, i) => `S${i + 1}`);
    const patients = ids.map((sid, i) =>
      JSON.stringify({
        resourceType: 'Patient',
        id: `p${i}`,
        gender: i % 2 ? 'male' : 'female',
        birthDate: '1970-01-01',
        identifier: [{ system: config.personIdentifierSystem, value: sid }],
      }),
    );
    const vcf = [
      '##fileformat=VCFv4.2',
      '##reference=GRCh38',
      '##contig=<ID=chr1,length=248956422>',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${ids.join('\t')}`,
      `chr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t${ids.map((_, i) => (i < 11 ? '0|1' : '0|0')).join('\t')}`,
      `chr1\t200\t.\tC\tT\t.\tPASS\t.\tGT\t${ids.map((_, i) => (i === 0 ? '0|1' : '0|0')).join('\t')}`,
      '',
    ].join('\n');
    const p = join(dataDir, 'Patient.ndjson');
    const v = join(dataDir, 'calls.vcf');
    writeFileSync(p, patients.join('\n') + '\n');
    writeFileSync(v, vcf);
    await ingest([p, v], {
      store,
      datasetId: DATASET,
      personIdentifierSystem: config.personIdentifierSystem,
    });
    api = await startNode(store, config);
  });
  afterAll(async () => {
    await api?.close();
    store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the informational endpoints to anyone, while the local API still wants a token', async () => {
    for (const url of ['/api/beacon', '/api/beacon/', '/api/beacon/info']) {
      const res = await api.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json().response).toMatchObject({ id: `eu.openehds.node.${DATASET}`, apiVersion: 'v2.1.1' });
    }
    const map = (
      await api.inject({ method: 'GET', url: '/api/beacon/map', headers: { host: 'node.test:8080' } })
    ).json();
    expect(map.response.endpointSets.genomicVariant).toEqual({
      entryType: 'genomicVariant',
      rootUrl: 'http://node.test:8080/api/beacon/g_variants',
      singleEntryUrl: 'http://node.test:8080/api/beacon/g_variants/{id}',
    });
    const service = (await api.inject({ method: 'GET', url: '/api/beacon/service-info' })).json();
    expect(service.type).toEqual({ group: 'org.ga4gh', artifact: 'beacon', version: 'v2.1.1' });
    const config = (await api.inject({ method: 'POST', url: '/api/beacon/configuration' })).json();
    expect(config.response.securityAttributes.securityLevels).toEqual(['PUBLIC', 'REGISTERED', 'CONTROLLED']);
    const types = (await api.inject({ method: 'GET', url: '/api/beacon/entry_types' })).json();
    expect(Object.keys(types.response.entryTypes).sort()).toEqual([
      'biosample',
      'cohort',
      'dataset',
      'genomicVariant',
      'individual',
    ]);
    expect((await api.inject({ method: 'GET', url: '/api/beacon/filtering_terms' })).json().response).toEqual(
      {
        filteringTerms: [],
        resources: [],
      },
    );
    const datasets = (await api.inject({ method: 'GET', url: '/api/beacon/datasets' })).json();
    expect(datasets.response.collections.map((d: { id: string }) => d.id)).toEqual([DATASET]);
    expect((await api.inject({ method: 'GET', url: '/api/beacon/cohorts' })).json().responseSummary).toEqual({
      exists: false,
      numTotalResults: 0,
    });
    // The Beacon's exemption does not open the holder's API.
    expect((await api.inject({ method: 'GET', url: '/api/quality' })).statusCode).toBe(401);
    expect((await api.inject({ method: 'GET', url: '/api/beaconx' })).statusCode).toBe(401);
  });

  it('answers anonymous callers yes or no, whatever granularity they ask for', async () => {
    // VCF POS 100 is Beacon start 99 (0-based).
    const hit = await api.inject({
      method: 'GET',
      url: '/api/beacon/g_variants?referenceName=chr1&start=99&referenceBases=A&alternateBases=G&requestedGranularity=count',
    });
    expect(hit.statusCode, hit.body).toBe(200);
    expect(hit.json().meta.returnedGranularity).toBe('boolean');
    expect(hit.json().responseSummary).toEqual({ exists: true });
    const miss = await api.inject({
      method: 'POST',
      url: '/api/beacon/g_variants',
      payload: {
        meta: { apiVersion: 'v2.0' },
        query: {
          requestParameters: { referenceName: '1', start: [100], referenceBases: 'A', alternateBases: 'G' },
        },
      },
    });
    expect(miss.statusCode, miss.body).toBe(200);
    expect(miss.json().responseSummary).toEqual({ exists: false });
  });

  it('gives a registered caller (a hub token for this node, any role) counts under disclosure control', async () => {
    const res = await api.inject({
      method: 'GET',
      url: '/api/beacon/g_variants?referenceName=1&start=99&end=100&requestedGranularity=count',
      headers: bearer(hubToken('data_user')),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.meta.returnedGranularity).toBe('count');
    expect(body.info.disclosureControl).toEqual({ minCount: 10, roundTo: 10 });
    // 11 carriers: shown, rounded to a multiple of 10.
    expect(body.responseSummary.exists).toBe(true);
    expect(body.responseSummary.numTotalResults % 10).toBe(0);
    expect(body.responseSummary.numTotalResults).toBeGreaterThanOrEqual(10);
    expect(JSON.stringify(body)).not.toMatch(/"results":\[\{/);
  });

  it('answers bad input with Beacon errors naming each parameter, not problem+json', async () => {
    const cases: [string, string[]][] = [
      ['referenceName=chr99&start=1&end=5', ['referenceName']],
      ['referenceName=1&start=10&end=5', ['start']],
      ['referenceName=1&start=0&end=20000000', ['end']],
      ['referenceName=1&start=1&end=5&assemblyId=NCBI36', ['assemblyId']],
      ['referenceName=1&start=1,2,3&end=5&variantType=WHAT&colour=red', ['colour', 'start', 'variantType']],
    ];
    for (const [qs, params] of cases) {
      const res = await api.inject({ method: 'GET', url: `/api/beacon/g_variants?${qs}` });
      expect(res.statusCode, qs).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json();
      expect(body.error.errorCode).toBe(400);
      expect(body.info.errors.map((e: { parameter: string }) => e.parameter).sort(), qs).toEqual(params);
      for (const p of params) expect(body.error.errorMessage).toContain(`${p}:`);
      expect(body.meta.receivedRequestSummary.requestedGranularity).toBe('boolean');
    }
    const post = await api.inject({
      method: 'POST',
      url: '/api/beacon/individuals',
      headers: { 'content-type': 'application/json' },
      payload: '{"query": ',
    });
    expect(post.statusCode).toBe(400);
    expect(post.json().error.errorCode).toBe(400);
    const unknown = await api.inject({ method: 'GET', url: '/api/beacon/runs' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.errorMessage).toMatch(/no Beacon endpoint GET \/api\/beacon\/runs/);
  });

  it("takes a permit holder's visa through to the engine, which asks for the permit's extract", async () => {
    // Prepare: the dataset is published and the node holds an active permit naming the visa's subject.
    await savePublication(nodeConfig(dataDir), {
      id: DATASET,
      url: `${HUB}/catalogue/${DATASET}`,
      publishedAt: new Date().toISOString(),
    });
    await registerPermit(store, 'P-2027-0077-FI', 'ada@uni.example');
    // Execute
    const res = await api.inject({
      method: 'GET',
      url: '/api/beacon/individuals?requestedGranularity=record',
      headers: bearer(visa()),
    });
    // Assert: record level needs the permit's prepared extract (engine/scope.ts); until the extract
    // task has run, the engine refuses in Beacon's error model and the count path still answers.
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.errorMessage).toMatch(/extract of permit P-2027-0077-FI is not prepared/);
    const count = await api.inject({
      method: 'GET',
      url: '/api/beacon/individuals?requestedGranularity=count',
      headers: bearer(visa()),
    });
    expect(count.statusCode, count.body).toBe(200);
    expect(count.json().meta.returnedGranularity).toBe('count');
    expect(count.json().responseSummary.numTotalResults).toBe(10);
  });

  it('refuses a token that does not verify with 401 instead of answering as anonymous', async () => {
    for (const token of [
      hubToken('data_user', 'another-node'),
      'not-a-jwt',
      visa({ key: visaSigner().privateKey }),
    ]) {
      const res = await api.inject({
        method: 'GET',
        url: '/api/beacon/g_variants?referenceName=1&start=99&end=100',
        headers: bearer(token),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.errorCode).toBe(401);
    }
  });
});

describe('node Beacon: callers, permits, budget and the query log (recording engine)', () => {
  let store: NodeStore;
  let dataDir: string;
  let config: NodeConfig;
  const seen: { query: BeaconQuery; access: BeaconAccess }[] = [];
  const recording = async (query: BeaconQuery, access: BeaconAccess) => {
    seen.push({ query, access });
    if (query.filters.some((f) => f.id === 'HP:0000000'))
      throw invalid('unknown filter term', [{ path: 'filters', message: 'HP:0000000 is not held here' }]);
    if (query.filters.some((f) => f.id === 'HP:9999999')) throw new Error('disk on fire at /var/secret');
    return fakeSets(access);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ehds-beacon-access-'));
    config = nodeConfig(dataDir);
    store = await openNodeStore(join(dataDir, 'node.duckdb'));
    await savePublication(config, {
      id: DATASET,
      url: `${HUB}/catalogue/${DATASET}`,
      publishedAt: new Date().toISOString(),
    });
    await registerPermit(store, 'P-2027-0042-FI', 'ada@uni.example');
    await registerPermit(store, 'P-2027-0043-FI', 'bob@uni.example', 'REVOKED' as never);
  });
  afterAll(() => {
    store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('maps each caller to the access the engine receives, with the HDAB policy of its audience', async () => {
    const api = await startNode(store, config, { policy: () => DEFAULT_SDC_POLICY }, recording);
    const ask = (headers?: InjectOptions['headers'], granularity = 'record') =>
      api.inject({
        method: 'GET',
        url: `/api/beacon/individuals?requestedGranularity=${granularity}`,
        headers,
      });

    const anon = await ask();
    expect(anon.json().meta.returnedGranularity).toBe('boolean');
    expect(seen.at(-1)!.access).toEqual({
      granularity: 'boolean',
      recordDatasets: [],
      minCount: 10,
      roundTo: 10,
    });

    const registered = await ask(bearer(hubToken('data_holder')));
    expect(registered.json().meta.returnedGranularity).toBe('count');
    // DEFAULT_SDC_POLICY: registered users see counts from 10, rounded to 5.
    expect(seen.at(-1)!.access).toEqual({
      granularity: 'count',
      recordDatasets: [],
      minCount: 10,
      roundTo: 5,
    });

    const permitted = await ask(bearer(visa()));
    expect(permitted.statusCode, permitted.body).toBe(200);
    expect(permitted.json().meta.returnedGranularity).toBe('record');
    expect(permitted.json().response.resultSets[0].results).toEqual([
      { id: 'PSN-1', sex: { id: 'NCIT:C16576' } },
    ]);
    expect(seen.at(-1)!.access.recordDatasets).toEqual([{ datasetId: DATASET, permitId: 'P-2027-0042-FI' }]);
    expect(permitted.headers['x-beacon-budget-limit']).toBe('2000');

    // A visa for another dataset, or one whose permit the node holds as revoked: counts, and why.
    for (const [token, note] of [
      [visa({ dataset: 'other-dataset' }), /no visa names this node's dataset/],
      [visa({ sub: 'bob@uni.example' }), /no active permit at this node names bob@uni.example/],
    ] as const) {
      const res = await ask(bearer(token));
      expect(res.json().meta.returnedGranularity).toBe('count');
      expect(res.json().info.notes.join(' ')).toMatch(note);
      expect(seen.at(-1)!.access.recordDatasets).toEqual([]);
    }
    // Expired visas are refused outright.
    const expired = await ask(bearer(visa({ exp: Math.floor(Date.now() / 1000) - 10 })));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.errorMessage).toMatch(/expired/);
    await api.close();
  });

  it('passes a single entry id through, and refuses individuals by id without a permit', async () => {
    const api = await startNode(store, config, {}, recording);
    const refused = await api.inject({
      method: 'GET',
      url: '/api/beacon/individuals/PSN-1',
      headers: bearer(hubToken()),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.errorMessage).toMatch(/need a GA4GH visa/);
    const ok = await api.inject({
      method: 'GET',
      url: '/api/beacon/individuals/PSN-1',
      headers: bearer(visa()),
    });
    expect(ok.statusCode).toBe(200);
    expect(seen.at(-1)!.query).toMatchObject({
      entryType: 'individual',
      entryId: 'PSN-1',
      requestedGranularity: 'record',
    });
    const variant = await api.inject({ method: 'GET', url: '/api/beacon/g_variants/42' });
    expect(variant.statusCode).toBe(200);
    expect(seen.at(-1)!.query).toMatchObject({ entryType: 'genomicVariant', entryId: '42' });
    await api.close();
  });

  it('maps engine errors to Beacon errors: the parameter named, internals hidden', async () => {
    const api = await startNode(store, config, {}, recording);
    const bad = await api.inject({ method: 'GET', url: '/api/beacon/individuals?filters=HP:0000000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().info.errors).toEqual([
      { parameter: 'filters', message: 'HP:0000000 is not held here' },
    ]);
    const crash = await api.inject({ method: 'GET', url: '/api/beacon/individuals?filters=HP:9999999' });
    expect(crash.statusCode).toBe(500);
    expect(crash.json().error.errorCode).toBe(500);
    expect(crash.body).not.toMatch(/secret|disk/);
    await api.close();
  });

  it('spends a per-caller budget, answers 429 when it runs out, and keeps it across a restart', async () => {
    const budgets = {
      anonymous: { limit: 3, windowSeconds: 3600 },
      registered: { limit: 5, windowSeconds: 3600 },
      permit_holder: { limit: 5, windowSeconds: 3600 },
    };
    const from = (remoteAddress: string) =>
      ({ method: 'GET', url: '/api/beacon/individuals', remoteAddress }) satisfies InjectOptions;
    let api = await startNode(store, config, { budgets }, recording);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api.inject(from('203.0.113.7'));
      expect(res.statusCode).toBe(200);
      remaining.push(String(res.headers['x-beacon-budget-remaining']));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const out = await api.inject(from('203.0.113.7'));
    expect(out.statusCode).toBe(429);
    expect(Number(out.headers['retry-after'])).toBeGreaterThan(0);
    expect(out.json().error).toMatchObject({
      errorCode: 429,
      errorMessage: expect.stringMatching(/query budget exhausted: 3 Beacon queries per 1 h/),
    });
    // Another caller has their own budget; invalid requests spend none.
    expect((await api.inject(from('198.51.100.2'))).statusCode).toBe(200);
    await api.close();

    // A restarted node (a new app and log over the same store) still refuses.
    api = await startNode(store, config, { budgets }, recording);
    expect((await api.inject(from('203.0.113.7'))).statusCode).toBe(429);
    await api.close();

    const log = await new BeaconQueryLog(store).list(200);
    const mine = log.filter((e) => e.caller === 'ip:203.0.113.7');
    expect(mine.filter((e) => e.outcome === 'answered')).toHaveLength(3);
    expect(mine.filter((e) => e.outcome === 'refused' && e.status === 429)).toHaveLength(2);
    expect(mine.every((e) => e.path === '/api/beacon/individuals' && e.entryType === 'individual')).toBe(
      true,
    );
  });

  it('writes the query log in one batch, when the API closes (a graceful node stop loses no row)', async () => {
    // The timer would flush after an hour: only the API's close writes these rows.
    const log = new BeaconQueryLog(store, { flushEveryMs: 3_600_000 });
    const api = await startNode(store, config, { log }, recording);
    const statements = log.statements;
    const mine = () =>
      store.all<{ outcome: string; status: number }>(
        `SELECT outcome, status FROM beacon_query_log WHERE caller = 'ip:192.0.2.50' ORDER BY seq`,
      );
    const ask = (url: string) => api.inject({ method: 'GET', url, remoteAddress: '192.0.2.50' });
    for (let i = 0; i < 40; i++) expect((await ask('/api/beacon/individuals')).statusCode).toBe(200);
    expect((await ask('/api/beacon/individuals?filters=HP:0000000')).statusCode).toBe(400);
    expect((await ask('/api/beacon/individuals?requestedGranularity=nonsense')).statusCode).toBe(400);
    // 42 requests, not one statement in the store yet.
    expect(await mine()).toEqual([]);
    expect(log.statements).toBe(statements);
    await api.close();
    const rows = await mine();
    expect(rows).toHaveLength(42);
    expect(rows.slice(0, 40).every((r) => r.outcome === 'answered' && r.status === 200)).toBe(true);
    expect(rows.slice(40)).toEqual([
      { outcome: 'invalid', status: 400 },
      { outcome: 'invalid', status: 400 },
    ]);
    expect(log.statements - statements).toBe(1);
  });

  it('logs every query with its caller, outcome and the granularity returned', async () => {
    const log = await new BeaconQueryLog(store).list(500);
    const outcomes = new Set(log.map((e) => e.outcome));
    expect(outcomes).toEqual(new Set(['answered', 'invalid', 'error', 'refused', 'unauthenticated']));
    const record = log.find((e) => e.caller === 'passport:ada@uni.example' && e.granularity === 'record');
    expect(record).toMatchObject({
      audience: 'permit_holder',
      status: 200,
      query: expect.objectContaining({ entryType: 'individual' }),
    });
    expect(log.some((e) => e.caller === 'account:user-data_holder' && e.granularity === 'count')).toBe(true);
  });
});
