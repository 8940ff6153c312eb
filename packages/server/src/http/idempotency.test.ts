import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, type Db } from '@openehds/db';
import { conflict, registerProblemHandler } from '@openehds/core';
import type { Principal } from '../auth/roles';
import { createTestHub, type TestHub } from './test-hub';
import {
  claimIdempotencyKey,
  parseIdempotencyKey,
  purgeExpiredIdempotencyKeys,
  registerIdempotency,
  requestHash,
} from './idempotency';

// A retried write with the same Idempotency-Key acts once (draft-ietf-httpapi-idempotency-key-header).
describe('Idempotency-Key on the write API', () => {
  let hub: TestHub;
  const create = (key: string | undefined, payload: object, who = 'user') =>
    hub.as(who, {
      method: 'POST',
      url: '/api/applications',
      payload,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });
  const countOf = async (username: string) => {
    const [row] = await hub.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM application a JOIN account u ON u.id = a.applicant_id WHERE u.username = $1`,
      [username],
    );
    return row!.n;
  };

  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('replays the first answer of POST /api/applications: one application, not two', async () => {
    const before = await countOf('user');
    const key = randomUUID();
    const first = await create(key, { kind: 'application' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await create(key, { kind: 'application' });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toBe(first.headers['content-type']);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.body).toBe(first.body);
    expect(await countOf('user')).toBe(before + 1);

    // Without a key, the same request acts again (that is what the key is for).
    expect((await create(undefined, { kind: 'application' })).statusCode).toBe(201);
    expect(await countOf('user')).toBe(before + 2);
  });

  it('refuses the same key with another body or another URL (422 problem)', async () => {
    const key = randomUUID();
    expect((await create(key, { kind: 'application' })).statusCode).toBe(201);
    const before = await countOf('user');

    const other = await create(key, { kind: 'data_request' });
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.json()).toMatchObject({ status: 422, title: 'idempotency-key-reused' });
    expect(other.json().issues[0].path).toBe('header Idempotency-Key');

    const elsewhere = await hub.as('user', {
      method: 'POST',
      url: `/api/applications/${randomUUID()}/submit`,
      headers: { 'idempotency-key': key },
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(await countOf('user')).toBe(before);
  });

  it('scopes keys to the account: another applicant using the same key acts on its own', async () => {
    const key = randomUUID();
    const mine = await create(key, { kind: 'application' });
    const theirs = await create(key, { kind: 'application' }, 'researcher-thl');
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    // Prepare: the first request has claimed the key and not answered yet.
    const key = randomUUID();
    const [user] = await hub.db.query<{ id: string }>(`SELECT id FROM account WHERE username = 'user'`);
    const payload = { kind: 'application' };
    const hash = requestHash('POST', '/api/applications', payload);
    expect((await claimIdempotencyKey(hub.db, user!.id, key, hash)).kind).toBe('claimed');
    const before = await countOf('user');

    const retry = await create(key, payload);
    expect(retry.statusCode).toBe(409);
    expect(retry.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(retry.headers['retry-after']).toBe('1');
    expect(retry.json().detail).toMatch(/still being processed/);
    expect(await countOf('user')).toBe(before);
  });

  it('acts once when two identical requests race', async () => {
    const key = randomUUID();
    const before = await countOf('user');
    const answers = await Promise.all([1, 2, 3].map(() => create(key, { kind: 'application' })));
    expect(await countOf('user')).toBe(before + 1);
    const fresh = answers.filter((a) => a.statusCode === 201 && !a.headers['idempotent-replayed']);
    expect(fresh).toHaveLength(1);
    for (const a of answers) expect([201, 409]).toContain(a.statusCode);
  });

  it('replays a refusal of the handler too, and keeps nothing for a refused caller', async () => {
    const key = randomUUID();
    const bad = await create(key, { kind: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    const again = await create(key, { kind: 'nonsense' });
    expect(again.statusCode).toBe(400);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.json()).toEqual(bad.json());

    // Refused by the guard (wrong role, no session): the handler never ran, so nothing is kept.
    const other = randomUUID();
    expect((await create(other, { kind: 'application' }, 'hdab')).statusCode).toBe(403);
    const anonymous = await hub.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { kind: 'application' },
      headers: { 'idempotency-key': other },
    });
    expect(anonymous.statusCode).toBe(401);
    const kept = await hub.db.query('SELECT 1 FROM idempotency_key WHERE key = $1', [other]);
    expect(kept).toHaveLength(0);
  });

  it('rejects a malformed key with a 400 problem naming the header', async () => {
    const before = await countOf('user');
    for (const key of ['', 'x'.repeat(256), 'tab\there', '""']) {
      const res = await create(key, { kind: 'application' });
      expect(res.statusCode, JSON.stringify(key)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().issues[0].path).toBe('header Idempotency-Key');
    }
    expect(await countOf('user')).toBe(before);
    // The structured-field form `"…"` is the same key as the bare token.
    const key = randomUUID();
    const quoted = await create(`"${key}"`, { kind: 'application' });
    const bare = await create(key, { kind: 'application' });
    expect(bare.headers['idempotent-replayed']).toBe('true');
    expect(bare.json().id).toBe(quoted.json().id);
  });

  it('forgets keys after 24 hours', async () => {
    const key = randomUUID();
    const first = await create(key, { kind: 'application' });
    await hub.db.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`, [
      key,
    ]);
    const later = await create(key, { kind: 'application' });
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.json().id).not.toBe(first.json().id);

    await hub.db.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`, [
      key,
    ]);
    expect(await purgeExpiredIdempotencyKeys(hub.db)).toBeGreaterThanOrEqual(1);
    expect(await hub.db.query('SELECT 1 FROM idempotency_key WHERE key = $1', [key])).toHaveLength(0);
  });

  it('reads the header as 1–255 printable characters, quoted or not', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('abc')).toBe('abc');
    expect(parseIdempotencyKey('"abc"')).toBe('abc');
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
    expect(() => parseIdempotencyKey('é')).toThrow(/Idempotency-Key/);
    expect(requestHash('POST', '/a', { x: 1 })).toBe(requestHash('POST', '/a', { x: 1 }));
    expect(requestHash('POST', '/a', { x: 1 })).not.toBe(requestHash('PUT', '/a', { x: 1 }));
    expect(requestHash('POST', '/a', '{"x":1}')).not.toBe(requestHash('POST', '/a', { x: 1 }));
  });
});

// What is kept: 2xx and 4xx answers of the handler; a 5xx frees the key so the retry runs again.
describe('Idempotency-Key and failing handlers', () => {
  let db: Db;
  let app: FastifyInstance;
  let runs = 0;

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    app = Fastify({ logger: false });
    registerProblemHandler(app);
    registerIdempotency(app, db);
    // A stand-in guard: the account comes from a header, as requireRole would set it from a session.
    const guard = async (request: FastifyRequest) => {
      request.principal = { accountId: String(request.headers['x-account']) } as Principal;
    };
    app.post('/flaky', { preHandler: guard }, async (request) => {
      runs++;
      const { fail } = request.body as { fail: 'internal' | 'conflict' | 'none' };
      if (fail === 'internal' && runs === 1) throw new Error('database went away');
      if (fail === 'conflict') throw conflict(`clash number ${runs}`);
      return { run: runs };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const post = (key: string, fail: string, account = randomUUID()) =>
    app.inject({
      method: 'POST',
      url: '/flaky',
      payload: { fail },
      headers: { 'idempotency-key': key, 'x-account': account },
    });

  it('frees the key after a 5xx, so the retry runs the handler again', async () => {
    runs = 0;
    const account = randomUUID();
    const failed = await post('k-500', 'internal', account);
    expect(failed.statusCode).toBe(500);
    const retried = await post('k-500', 'internal', account);
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.json()).toEqual({ run: 2 });
    const replayed = await post('k-500', 'internal', account);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json()).toEqual({ run: 2 });
    expect(runs).toBe(2);
  });

  it('keeps a 4xx of the handler and does not run it again', async () => {
    runs = 0;
    const account = randomUUID();
    const first = await post('k-409', 'conflict', account);
    expect(first.statusCode).toBe(409);
    const second = await post('k-409', 'conflict', account);
    expect(second.statusCode).toBe(409);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().detail).toBe('clash number 1');
    expect(runs).toBe(1);
  });
});
