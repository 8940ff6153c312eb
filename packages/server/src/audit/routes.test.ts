import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finnishT2dCohort } from '@openehds/standards';
import { createTestWorld, type TestWorld } from '@openehds/testing';
import { DEMO_PASSWORD } from '../demo/seed';
import Fastify from 'fastify';
import { migrate, openPglite } from '@openehds/db';
import { createTestHub } from '../http/test-hub';
import { hubKeyPair } from '../federation/hub-key';
import { recordAudit } from './append';
import { listCheckpoints, writeCheckpoint } from './checkpoints';
import { auditRoutes } from './routes';
import { verifyAuditFile } from './file-verify';
import type { FhirAuditEvent } from './fhir';
import { signInDemoAccount } from '../demo/demo-sign-in';

interface Event {
  seq: number;
  actor: string;
  action: string;
  object: string | null;
  outcome: string;
}

// Accountability (Art. 50(1)(e) EHDS; TEHDAS2 logging): who did what is recorded in a hash chain
// that staff can check for tampering.
describe('audit routes', () => {
  let world: TestWorld;
  let staffToken: string;
  const get = (url: string, token = staffToken) =>
    world.hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const signIn = (username: string, password: string) =>
    world.hub.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  const events = async (qs = '') => ((await get(`/api/audit${qs}`)).json() as { events: Event[] }).events;

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 1, start: false });
    // HDAB staff sign in with password and the demo TOTP code.
    staffToken = (
      await signInDemoAccount(async (url, payload) => {
        const res = await world.hub.app.inject({ method: 'POST', url, payload: payload as object });
        return { status: res.statusCode, body: res.json() as unknown };
      }, 'hdab')
    ).token;
  });
  afterAll(() => world?.close());

  it('records every sign-in, successful or not', async () => {
    expect((await signIn('holder-es', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await signIn('holder-es', 'wrong')).statusCode).toBe(401);
    expect((await signIn('mallory', 'guess')).statusCode).toBe(401);
    const es = await events('?actor=account:holder-es');
    expect(es.filter((e) => e.action === 'auth.sign-in').map((e) => e.outcome)).toEqual([
      'denied',
      'success',
    ]);
    const unknown = await events('?actor=account:mallory');
    expect(unknown).toMatchObject([{ action: 'auth.sign-in', outcome: 'denied' }]);
  });

  it('records a publication and a node-token issuance', async () => {
    // Prepare
    const node = world.nodes[0]!;
    const nodeId = node.identity.nodeId;
    await node.runtime.send('dataset.publish', {
      description: { ...finnishT2dCohort('NON_PUBLIC'), identifier: 'audit-t2d' },
      statistics: {},
      quality: null,
    });
    const holderToken = ((await signIn('holder-fi', DEMO_PASSWORD)).json() as { token: string }).token;
    // Execute
    expect((await get('/api/holder/nodes', holderToken)).statusCode).toBe(200);
    // Assert
    expect(await events('?object=dataset:audit-t2d')).toMatchObject([
      { actor: `node:${nodeId}`, action: 'dataset.publish', outcome: 'success' },
    ]);
    expect(await events('?actor=account:holder-fi&limit=1')).toMatchObject([
      { action: 'holder.node-token', object: `node:${nodeId}`, outcome: 'success' },
    ]);
  });

  it('lists newest first, limited, and refuses a limit out of range', async () => {
    const all = await events('?limit=1000');
    expect(all.length).toBeGreaterThan(5);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    expect(await events('?limit=2')).toEqual(all.slice(0, 2));
    for (const limit of ['-5', '0', '1001', 'ten']) {
      const res = await get(`/api/audit?limit=${limit}`);
      expect(res.statusCode, limit).toBe(400);
      expect((res.json() as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['limit']);
    }
  });

  it('lists the signed checkpoints with the hub key, for staff only', async () => {
    const signed = await writeCheckpoint(world.hub.db);
    const res = await get('/api/audit/checkpoints');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { publicKey: string; keyFingerprint: string; checkpoints: { seq: number }[] };
    const hubKey = (await world.hub.app.inject({ method: 'GET', url: '/api/federation/hub-key' })).json() as {
      publicKey: string;
      fingerprint: string;
    };
    expect(body).toMatchObject({ publicKey: hubKey.publicKey, keyFingerprint: hubKey.fingerprint });
    expect(body.checkpoints.at(-1)).toEqual(signed);
    const userToken = ((await signIn('user', DEMO_PASSWORD)).json() as { token: string }).token;
    for (const url of ['/api/audit/checkpoints', '/api/audit/export', '/api/audit/verify']) {
      expect((await get(url, userToken)).statusCode, url).toBe(403);
    }
  });

  it('exports the chain for offline verification, and records the export', async () => {
    // Execute
    const res = await get('/api/audit/export');
    // Assert: NDJSON that verifies offline, with the hub key in its header
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const dir = mkdtempSync(join(tmpdir(), 'audit-export-'));
    try {
      const file = join(dir, 'audit.ndjson');
      writeFileSync(file, res.body);
      const report = await verifyAuditFile(file);
      expect(report).toMatchObject({
        intact: true,
        keySource: 'file',
        lastCheckpoint: { seq: expect.any(Number) },
      });
      expect(report.events).toBeGreaterThan(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await events('?object=audit-log&limit=1')).toMatchObject([
      { actor: 'account:hdab', action: 'audit.export', outcome: 'success' },
    ]);
    const bad = await get('/api/audit/export?format=xml');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['format']);
  });

  it('exports FHIR AuditEvents as a collection Bundle, or as NDJSON when asked', async () => {
    const bundle = await get('/api/audit/export?format=fhir');
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const parsed = bundle.json() as {
      resourceType: string;
      type: string;
      entry: { resource: FhirAuditEvent }[];
    };
    expect(parsed).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const signIns = parsed.entry.map((e) => e.resource).filter((r) => r.subtype?.[0]?.code === '110122');
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.map((r) => r.outcome)).toEqual(expect.arrayContaining(['0', '4']));

    const ndjson = await world.hub.app.inject({
      method: 'GET',
      url: '/api/audit/export?format=fhir',
      headers: { authorization: `Bearer ${staffToken}`, accept: 'application/fhir+ndjson' },
    });
    expect(ndjson.headers['content-type']).toMatch(/^application\/fhir\+ndjson/);
    const lines = ndjson.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as FhirAuditEvent);
    expect(lines.length).toBeGreaterThanOrEqual(parsed.entry.length);
    expect(lines.every((r) => r.resourceType === 'AuditEvent')).toBe(true);
  });

  it('verifies the chain, and finds the row changed behind its back', async () => {
    // Prepare: the chain is intact
    const before = (await get('/api/audit/verify')).json() as { events: number; brokenAt: number | null };
    expect(before).toMatchObject({ intact: true, findings: [], brokenAt: null });
    expect(before.events).toBeGreaterThan(5);
    const [target] = await events('?object=dataset:audit-t2d');
    // Execute: someone with database access rewrites who published the dataset
    await world.hub.db.query(`UPDATE audit_event SET actor = 'node:someone-else' WHERE seq = $1`, [
      target!.seq,
    ]);
    // Assert
    const after = (await get('/api/audit/verify')).json() as { events: number; brokenAt: number | null };
    expect(after).toMatchObject({
      intact: false,
      brokenAt: target!.seq,
      findings: [
        { kind: 'edited', seq: target!.seq, detail: expect.stringContaining('content was changed') },
      ],
    });
    expect(after.events).toBeGreaterThanOrEqual(before.events);
  });
});

describe('audit checkpoints of a running hub', () => {
  it('follows the configured schedule: every N events, and at shutdown', async () => {
    // Prepare: the audit routes alone, checkpoints every 5 events
    const db = await openPglite();
    try {
      await migrate(db);
      await hubKeyPair(db);
      const app = Fastify();
      auditRoutes(app, db, 30, { every: 5, intervalMinutes: 60 });
      await app.ready();
      // Execute
      for (let i = 1; i <= 12; i++) {
        await recordAudit(db, { actor: 'system', action: 'test.event', object: null, outcome: 'success' });
        for (let wait = 0; wait < 200 && i % 5 === 0 && (await listCheckpoints(db)).length < i / 5; wait++) {
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      await app.close();
      // Assert
      expect((await listCheckpoints(db)).map((c) => c.seq)).toEqual([5, 10, 12]);
    } finally {
      await db.close();
    }
  });

  it('signs a last checkpoint when the hub shuts down', async () => {
    const hub = await createTestHub();
    try {
      await hub.signIn('hdab'); // an audited event
      await hub.app.close();
      const [head] = await hub.db.query<{ seq: number }>('SELECT max(seq) AS seq FROM audit_event');
      const [last] = await hub.db.query<{ seq: number }>('SELECT max(seq) AS seq FROM audit_checkpoint');
      expect(Number(last!.seq)).toBe(Number(head!.seq));
    } finally {
      await hub.db.close();
    }
  });
});
