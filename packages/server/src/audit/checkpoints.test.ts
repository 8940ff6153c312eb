import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '@openehds/db';
import { keyFingerprint } from '@openehds/core';
import { hubKeyPair } from '../federation/hub-key';
import { recordAudit, recordAuditBatch, type AuditInput } from './append';
import { checkpointSignatureProblem } from './checkpoint';
import { Checkpointer, listCheckpoints, writeCheckpoint } from './checkpoints';
import { eventLine } from './segment';
import { readEvents } from './store';
import { auditStores } from './test-stores';

const input = (i: number): AuditInput => ({
  actor: 'system',
  action: 'task.claim',
  object: `task:${i}`,
  outcome: 'success',
  details: { i },
});

describe.each(auditStores())('signed audit checkpoints on %s', (_driver, open) => {
  let db: Db;
  let checkpointer: Checkpointer | undefined;
  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = undefined;
    await db?.close();
  });

  it('signs the head with the hub key, once per head, counting the events', async () => {
    db = await open();
    expect(await writeCheckpoint(db)).toBeNull(); // nothing to sign yet
    await recordAuditBatch(db, [input(1), input(2), input(3)]);
    const first = await writeCheckpoint(db, { now: new Date('2026-11-28T10:00:00Z') });
    const [head] = await db.query<{ hash: string }>('SELECT hash FROM audit_event WHERE seq = 3');
    const key = await hubKeyPair(db);
    expect(first).toMatchObject({
      seq: 3,
      hash: head!.hash,
      events: 3,
      at: '2026-11-28T10:00:00.000Z',
      keyFingerprint: keyFingerprint(key.publicKey),
    });
    expect(checkpointSignatureProblem(first!, key.publicKey)).toBeNull();
    expect(await writeCheckpoint(db)).toBeNull(); // the head is already signed
    await recordAudit(db, input(4));
    expect(await writeCheckpoint(db)).toMatchObject({ seq: 4, events: 4 });
    expect(await listCheckpoints(db)).toEqual([first, expect.objectContaining({ seq: 4 })]);
  });

  it('signs the exact export bytes of the events since the checkpoint before', async () => {
    db = await open();
    await recordAuditBatch(db, [input(1), input(2)]);
    await writeCheckpoint(db);
    await recordAuditBatch(db, [input(3), input(4), input(5)]);
    const second = await writeCheckpoint(db);
    let text = '';
    for await (const page of readEvents(db, { after: 2 })) for (const e of page) text += `${eventLine(e)}\n`;
    const bytes = Buffer.from(text, 'utf8');
    expect(second!.segment).toEqual({
      from: 2,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    // The segment is signed: changing it breaks the signature.
    const key = await hubKeyPair(db);
    expect(checkpointSignatureProblem(second!, key.publicKey)).toBeNull();
    const altered = { ...second!, segment: { ...second!.segment!, bytes: bytes.length + 1 } };
    expect(checkpointSignatureProblem(altered, key.publicKey)).toMatch(/altered after signing/);
  });

  it('refuses to sign a log that was altered in the store', async () => {
    db = await open();
    await recordAuditBatch(db, [input(1), input(2), input(3)]);
    await writeCheckpoint(db);
    await recordAuditBatch(db, [input(4), input(5)]);
    await db.query(`UPDATE audit_event SET actor = 'account:mallory' WHERE seq = 4`);
    await expect(writeCheckpoint(db)).rejects.toThrow(/audit event 4 does not chain/);
    expect((await listCheckpoints(db)).map((c) => c.seq)).toEqual([3]);
  });

  it('writes one every N events, and a last one at shutdown', async () => {
    // Prepare
    db = await open();
    await hubKeyPair(db);
    checkpointer = new Checkpointer(db, { every: 10, intervalMs: 3_600_000 });
    await checkpointer.start();
    // Execute: 25 single appends (each given time to trigger its checkpoint), then a stop
    for (let i = 1; i <= 25; i++) {
      await recordAudit(db, input(i));
      await checkpointer.idle();
    }
    const during = (await listCheckpoints(db)).map((c) => c.seq);
    await checkpointer.stop();
    const after = (await listCheckpoints(db)).map((c) => c.seq);
    // Assert: at 10 and 20, then the tail at stop
    expect(during).toEqual([10, 20]);
    expect(after).toEqual([10, 20, 25]);
  });

  it('writes one on its timer when new events exist, and none when there are none', async () => {
    db = await open();
    await hubKeyPair(db);
    checkpointer = new Checkpointer(db, { every: 1000, intervalMs: 20 });
    await checkpointer.start();
    await recordAudit(db, input(1));
    for (let i = 0; i < 500 && !(await listCheckpoints(db)).length; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await listCheckpoints(db)).map((c) => c.seq)).toEqual([1]);
    await new Promise((r) => setTimeout(r, 100)); // several more ticks without new events
    await checkpointer.idle();
    expect((await listCheckpoints(db)).map((c) => c.seq)).toEqual([1]);
  });
});
