import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '@openehds/db';
import { takeNonce } from './nonces';

const message = (issuedAt = new Date()) => ({
  nodeId: randomUUID(),
  nonce: randomUUID(),
  issuedAt: issuedAt.toISOString(),
});

const rowsOf = async (db: Db) =>
  Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM message_nonce'))[0]!.n);

describe('replay nonces', () => {
  let dir: string;
  let db: Db;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehds-nonces-'));
    db = await openDb({ dataDir: dir });
  });
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a nonce once on an embedded store, without a statement', async () => {
    expect(db.exclusiveSince).toBeTypeOf('number');
    const m = message();
    expect(await takeNonce(db, m)).toEqual({ ok: true });
    const again = await takeNonce(db, m);
    expect(again).toMatchObject({ ok: false, reason: 'replayed' });
    // The same nonce from another node is another message.
    expect(await takeNonce(db, { ...m, nodeId: randomUUID() })).toEqual({ ok: true });
    expect(await rowsOf(db)).toBe(0);
  });

  it('refuses on an embedded store a message issued before the store was opened', async () => {
    const early = message(new Date(db.exclusiveSince! - 1_000));
    const refused = await takeNonce(db, early);
    expect(refused).toMatchObject({ ok: false, reason: 'stale' });
    expect(refused.ok === false && refused.message).toMatch(/before this hub opened its store/);
  });

  it('refuses after a restart a message taken before it (a replay across the restart)', async () => {
    const m = message();
    expect(await takeNonce(db, m)).toEqual({ ok: true });
    await db.close();
    await new Promise((r) => setTimeout(r, 5));
    db = await openDb({ dataDir: dir });
    expect(await takeNonce(db, m)).toMatchObject({ ok: false, reason: 'stale' });
    expect(await takeNonce(db, message())).toEqual({ ok: true });
  });

  it('keeps nonces in message_nonce on a store other processes may share', async () => {
    // The PostgreSQL driver sets no exclusiveSince: the same store seen that way.
    const shared: Db = { ...db, exclusiveSince: undefined };
    const m = message(new Date(Date.now() - 60_000));
    expect(await takeNonce(shared, m)).toEqual({ ok: true });
    expect(await takeNonce(shared, m)).toMatchObject({ ok: false, reason: 'replayed' });
    expect(await rowsOf(db)).toBe(1);
  });
});
