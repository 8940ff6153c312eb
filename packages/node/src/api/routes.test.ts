import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import {
  generateFederationKeyPair,
  invalid,
  publicKeyObject,
  signAccessToken,
  type AccessTokenClaims,
} from '@openehds/core';
import { parseNodeConfig } from '../config';
import { createNodeServices } from './node-services';
import { createNodeApi } from './routes';
import type { NodeServices } from './services';

const NODE_ID = '6f1c1b9e-8a55-4a53-9b0e-2f2b8f0f4d11';
const OPERATOR = 'operator-token-0123456789abcdef0123456789abcdef';
const UI_ORIGIN = 'http://hub.test';

const hubKeys = generateFederationKeyPair();
const pem = (raw: string) => publicKeyObject(raw).export({ format: 'pem', type: 'spki' }).toString();

/** A hub-issued token as `GET /api/holder/nodes` makes one; `over` changes a claim. */
function hubToken(over: Partial<AccessTokenClaims> = {}, privateKey = hubKeys.privateKey): string {
  const iat = Math.floor(Date.now() / 1000);
  return signAccessToken(privateKey, {
    sub: 'holder-fi',
    role: 'data_holder',
    aud: NODE_ID,
    iat,
    exp: iat + 900,
    ...over,
  });
}

/** A fake of the node's services that records what the routes asked for. */
function fakeServices() {
  const calls: { op: string; args: unknown[] }[] = [];
  const uploads: { path: string; content: string }[] = [];
  const services: NodeServices = {
    async ingestFiles(paths, actor) {
      calls.push({ op: 'ingest', args: [paths, actor] });
      for (const path of paths) uploads.push({ path, content: readFileSync(path, 'utf8') });
      return { read: 1, loaded: 1, rejected: 0, errors: [], files: paths.map((path) => ({ path })) };
    },
    listBatches: async () => [{ batchId: 'b1' }],
    quality: async () => ({ label: { stars: 3 } }),
    runQuality: async () => ({ label: { stars: 4 } }),
    dataset: async () => ({ id: 'fake-dataset' }),
    async saveDraft(draft) {
      calls.push({ op: 'saveDraft', args: [draft] });
      if (!(draft as { title?: unknown }).title)
        throw invalid('the description has 1 problem', [{ path: 'title', message: 'required' }]);
      return { draft };
    },
    async publish(actor) {
      calls.push({ op: 'publish', args: [actor] });
      return { published: true };
    },
  };
  return { services, calls, uploads };
}

describe('node local API: authentication, CORS and routes (fake services)', () => {
  let api: FastifyInstance;
  let uploadDir: string;
  let registered = true;
  const fake = fakeServices();
  const call = (options: InjectOptions, token?: string) =>
    api.inject({
      ...options,
      headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'ehds-node-api-'));
    api = await createNodeApi({
      services: fake.services,
      auth: {
        nodeId: () => (registered ? NODE_ID : null),
        hubPublicKey: () => (registered ? pem(hubKeys.publicKey) : null),
        operatorToken: OPERATOR,
      },
      allowedOrigins: [UI_ORIGIN],
      uploadDir,
      health: async () => ({ status: 'up', service: 'node' }),
    });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('serves /health without a token, and nothing else', async () => {
    expect((await call({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await call({ method: 'GET', url: '/health?verbose=1' })).statusCode).toBe(200);
    for (const url of ['/api/quality', '/api/dataset', '/api/ingest/batches']) {
      const res = await call({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(
      (await call({ method: 'GET', url: '/api/quality', headers: { authorization: 'Basic b3A6eA==' } }))
        .statusCode,
    ).toBe(401);
  });

  it('lets the operator token in', async () => {
    const res = await call({ method: 'GET', url: '/api/quality' }, OPERATOR);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ label: { stars: 3 } });
    expect((await call({ method: 'POST', url: '/api/quality/run' }, OPERATOR)).json()).toEqual({
      label: { stars: 4 },
    });
    expect((await call({ method: 'GET', url: '/api/ingest/batches' }, OPERATOR)).json()).toEqual({
      batches: [{ batchId: 'b1' }],
    });
    // A near miss of the operator token is not accepted.
    expect((await call({ method: 'GET', url: '/api/quality' }, `${OPERATOR.slice(0, -1)}x`)).statusCode).toBe(
      401,
    );
  });

  it("lets in a data holder with the hub's token for this node, acting under their own name", async () => {
    const res = await call({ method: 'POST', url: '/api/dataset/publish' }, hubToken());
    expect(res.statusCode).toBe(200);
    expect(fake.calls.at(-1)).toEqual({ op: 'publish', args: ['account:holder-fi'] });
    const op = await call({ method: 'POST', url: '/api/dataset/publish' }, OPERATOR);
    expect(op.statusCode).toBe(200);
    expect(fake.calls.at(-1)).toEqual({ op: 'publish', args: ['operator'] });
  });

  it('refuses hub tokens for another node, expired, signed by another key, or for another role', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string, number, RegExp][] = [
      ['other node', hubToken({ aud: 'another-node' }), 401, /another node/],
      ['expired', hubToken({ iat: now - 1000, exp: now - 100 }), 401, /expired/],
      ['other key', hubToken({}, generateFederationKeyPair().privateKey), 401, /signature/],
      ['tampered', `${hubToken().slice(0, -4)}AAAA`, 401, /signature/],
      ['data user', hubToken({ role: 'data_user' }), 403, /data holder/],
      ['admin', hubToken({ role: 'admin' }), 403, /data holder/],
    ];
    for (const [what, token, status, detail] of cases) {
      const res = await call({ method: 'GET', url: '/api/dataset' }, token);
      expect(res.statusCode, what).toBe(status);
      expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
      expect(res.json().detail, what).toMatch(detail);
    }
  });

  it('refuses hub tokens while the node is not registered, but still takes the operator token', async () => {
    registered = false;
    try {
      const res = await call({ method: 'GET', url: '/api/dataset' }, hubToken());
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toMatch(/operator token/);
      expect((await call({ method: 'GET', url: '/api/dataset' }, OPERATOR)).statusCode).toBe(200);
    } finally {
      registered = true;
    }
  });

  it('answers a CORS preflight from the hub UI with the allowed headers, and not from another origin', async () => {
    const preflight = (origin: string) =>
      call({
        method: 'OPTIONS',
        url: '/api/ingest?filename=x.ndjson',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, x-requested-with',
        },
      });
    const allowed = await preflight(UI_ORIGIN);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    const headers = String(allowed.headers['access-control-allow-headers']).split(/,\s*/).sort();
    expect(headers).toEqual(['authorization', 'content-type', 'x-requested-with']);
    expect(String(allowed.headers['access-control-allow-methods'])).toMatch(/POST/);
    expect(allowed.headers.vary).toMatch(/origin/i);

    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(other.headers['access-control-allow-headers']).toBeUndefined();

    // A refused request from the UI still carries the CORS headers, so the page can read the 401.
    const denied = await call({ method: 'GET', url: '/api/quality', headers: { origin: UI_ORIGIN } });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
  });

  it('streams an upload to a private temporary file, ingests it, then removes it', async () => {
    const body = '{"resourceType":"Patient","id":"p1"}\n';
    const res = await call(
      {
        method: 'POST',
        url: '/api/ingest?filename=..%2F..%2Fetc%2Fpatients.ndjson',
        headers: { 'content-type': 'application/octet-stream' },
        payload: body,
      },
      OPERATOR,
    );
    expect(res.statusCode, res.body).toBe(200);
    const upload = fake.uploads.at(-1)!;
    expect(upload.content).toBe(body);
    // The name is reduced to its last segment, inside the upload dir: no path traversal.
    expect(upload.path.startsWith(`${uploadDir}/`)).toBe(true);
    expect(upload.path.endsWith('/patients.ndjson')).toBe(true);
    expect(readdirSync(uploadDir)).toEqual([]);
    // The report names the file as uploaded, not by the node's temporary path.
    expect((res.json() as { files: { path: string }[] }).files[0]!.path).toBe('patients.ndjson');
  });

  it('refuses an upload without a filename, or not sent as a file, with 400; another media type with 415', async () => {
    const missing = await call(
      {
        method: 'POST',
        url: '/api/ingest',
        headers: { 'content-type': 'application/octet-stream' },
        payload: 'x',
      },
      OPERATOR,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json().issues).toEqual([{ path: 'filename', message: 'required query parameter' }]);

    const asJson = await call(
      { method: 'POST', url: '/api/ingest?filename=a.json', payload: { a: 1 } },
      OPERATOR,
    );
    expect(asJson.statusCode).toBe(400);
    expect(asJson.json().detail).toMatch(/application\/octet-stream/);

    const ndjsonType = await call(
      {
        method: 'POST',
        url: '/api/ingest?filename=a.ndjson',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: '{}\n',
      },
      OPERATOR,
    );
    expect(ndjsonType.statusCode).toBe(415);
    expect(ndjsonType.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ndjsonType.json().detail).toMatch(/application\/octet-stream/);
  });

  it('passes the draft to the service and renders its validation problem as 400 problem+json', async () => {
    const bad = await call({ method: 'PUT', url: '/api/dataset', payload: { keywords: [] } }, OPERATOR);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([{ path: 'title', message: 'required' }]);
    const notJson = await call(
      {
        method: 'PUT',
        url: '/api/dataset',
        headers: { 'content-type': 'application/json' },
        payload: '{"title":',
      },
      OPERATOR,
    );
    expect(notJson.statusCode).toBe(400);
    expect(notJson.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers an unknown route with a 404 problem once authenticated', async () => {
    const res = await call({ method: 'GET', url: '/api/nothing-here' }, OPERATOR);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('node local API over the real services and a DuckDB store', () => {
  let api: FastifyInstance;
  let store: NodeStore;
  let dataDir: string;
  const call = (options: InjectOptions) =>
    api.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${hubToken()}` } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ehds-node-real-'));
    const config = parseNodeConfig({
      name: 'Test node',
      country: 'FI',
      organisation: 'Helsinki Biobank (demo)',
      dataDir,
      hubUrl: 'http://hub.test',
      datasetId: 'route-test',
    });
    store = await openNodeStore(join(dataDir, 'node.duckdb'));
    const services = createNodeServices({ config, store, hub: () => null, log: () => undefined });
    api = await createNodeApi({
      services,
      auth: { nodeId: () => NODE_ID, hubPublicKey: () => pem(hubKeys.publicKey), operatorToken: OPERATOR },
      allowedOrigins: [],
      uploadDir: join(dataDir, 'uploads'),
      health: async () => ({ status: 'up' }),
    });
  });
  afterAll(async () => {
    await api?.close();
    store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ingests an uploaded FHIR NDJSON file and reports read, loaded, rejected and each error', async () => {
    // Prepare: two good patients and one with an impossible birth date on line 2
    const person = (id: string, birthDate: string) =>
      JSON.stringify({
        resourceType: 'Patient',
        id,
        gender: 'female',
        birthDate,
        identifier: [{ system: 'https://openehds.eu/sid/person', value: `PER-${id}` }],
      });
    const body = [person('p1', '1980-02-29'), person('p2', '1980-13-45'), person('p3', '1975-06-01')].join(
      '\n',
    );
    // Execute
    const res = await call({
      method: 'POST',
      url: '/api/ingest?filename=patients.ndjson',
      headers: { 'content-type': 'application/octet-stream' },
      payload: body,
    });
    // Assert
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as {
      read: number;
      loaded: number;
      rejected: number;
      errors: { file: string; line: number; reason: string }[];
      files: { path: string; format: string }[];
    };
    expect([report.read, report.loaded, report.rejected]).toEqual([3, 2, 1]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'patients.ndjson', line: 2 });
    expect(report.errors[0]!.reason).toMatch(/birthDate/);
    expect(report.files).toMatchObject([{ path: 'patients.ndjson', format: 'fhir-ndjson' }]);

    const batches = (await call({ method: 'GET', url: '/api/ingest/batches' })).json() as {
      batches: { loaded: number; rejected: number }[];
    };
    expect(batches.batches).toHaveLength(1);
    expect(batches.batches[0]).toMatchObject({ loaded: 2, rejected: 1 });
  });

  it('refuses an invalid draft with 400 listing every field, and saves a valid one', async () => {
    const bad = await call({
      method: 'PUT',
      url: '/api/dataset',
      payload: {
        title: { en: '' },
        description: { en: 'ok' },
        accessRights: 'SECRET',
        healthCategories: [],
        contactPoint: { name: 'Data office', email: 'not-an-email' },
        legalBasis: 'Biobank Act',
        purpose: 'Research',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const paths = (bad.json() as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    expect(paths).toEqual([
      'accessRights',
      'contactPoint.email',
      'healthCategories',
      'provenance',
      'title.en',
    ]);

    const current = (await call({ method: 'GET', url: '/api/dataset' })).json() as {
      draft: Record<string, unknown>;
    };
    const draft = { ...current.draft, title: { en: 'Renamed cohort' } };
    const ok = await call({ method: 'PUT', url: '/api/dataset', payload: draft });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await call({ method: 'GET', url: '/api/dataset' })).json() as {
      id: string;
      draft: { title: { en: string } };
    };
    expect(after.id).toBe('route-test');
    expect(after.draft.title.en).toBe('Renamed cohort');
  });

  it('refuses to publish before the hub has approved the node', async () => {
    const res = await call({ method: 'POST', url: '/api/dataset/publish' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/not connected to a hub/);
  });
});
