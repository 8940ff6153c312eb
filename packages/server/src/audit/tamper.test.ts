import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '@openehds/db';
import { generateFederationKeyPair, keyFingerprint } from '@openehds/core';
import { hubKeyPair } from '../federation/hub-key';
import { recordAuditBatch, type AuditInput } from './append';
import { signCheckpoint } from './checkpoint';
import { writeCheckpoint } from './checkpoints';
import { verifyAudit } from './service';
import { auditStores } from './test-stores';

const input = (i: number, actor = `account:user-${i % 5}`): AuditInput => ({
  actor,
  action: i % 2 ? 'dataset.view' : 'task.enqueue',
  object: `dataset:ds-${i}`,
  outcome: 'success',
  details: { i },
});

const kinds = (r: { findings: { kind: string; seq: number }[] }) => r.findings.map((f) => [f.kind, f.seq]);

/**
 * Someone with write access to the database tampers with the audit log (UPDATE, DELETE, swapped
 * seqs, a cut tail, a re-written suffix); the verifier says what was done and where.
 */
describe.each(auditStores())('tampering with the audit store on %s', (_driver, open) => {
  let db: Db;
  let hubPublicKey: string;

  /** 60 events in three batches, a signed checkpoint after each (seq 20, 40, 60). */
  async function seeded(): Promise<Db> {
    db = await open();
    hubPublicKey = (await hubKeyPair(db)).publicKey;
    for (let b = 0; b < 3; b++) {
      await recordAuditBatch(
        db,
        Array.from({ length: 20 }, (_, i) => input(b * 20 + i + 1)),
      );
      await writeCheckpoint(db);
    }
    expect(await verifyAudit(db)).toMatchObject({
      intact: true,
      events: 60,
      checkpoints: 3,
      lastCheckpoint: { seq: 60 },
      unsignedTail: 0,
    });
    return db;
  }
  afterEach(async () => db?.close());

  it('an UPDATE of an event is an edit at its seq', async () => {
    await seeded();
    await db.query(`UPDATE audit_event SET actor = 'account:someone-else' WHERE seq = 7`);
    const report = await verifyAudit(db);
    expect(kinds(report)).toEqual([['edited', 7]]);
    expect(report.brokenAt).toBe(7);
  });

  it('a DELETE is a deletion at the missing seq', async () => {
    await seeded();
    await db.query('DELETE FROM audit_event WHERE seq = 12');
    expect(kinds(await verifyAudit(db))).toEqual([['deleted', 12]]);
  });

  it('swapped seqs are a reordering of both events', async () => {
    await seeded();
    const swap = async (a: number, b: number) => {
      await db.query('UPDATE audit_event SET seq = -1 WHERE seq = $1', [a]);
      await db.query('UPDATE audit_event SET seq = $1 WHERE seq = $2', [a, b]);
      await db.query('UPDATE audit_event SET seq = $1 WHERE seq = -1', [b]);
    };
    await swap(30, 31);
    expect(kinds(await verifyAudit(db))).toEqual([
      ['reordered', 30],
      ['reordered', 31],
    ]);
    await swap(30, 31);
    await swap(25, 35);
    expect(kinds(await verifyAudit(db))).toEqual([
      ['reordered', 25],
      ['reordered', 35],
    ]);
  });

  it('a cut-off tail is a truncation, found through the signed checkpoint', async () => {
    await seeded();
    await db.query('DELETE FROM audit_event WHERE seq > 52');
    const report = await verifyAudit(db);
    expect(kinds(report)).toEqual([['truncated', 53]]);
    expect(report.findings[0]!.detail).toContain('up to seq 60');
  });

  it('a suffix deleted and re-written with re-computed hashes fails the checkpoint', async () => {
    await seeded();
    // The forger deletes 46..60 and appends 15 other events with our own code: a valid chain.
    await db.query('DELETE FROM audit_event WHERE seq > 45');
    await recordAuditBatch(
      db,
      Array.from({ length: 15 }, (_, i) => input(46 + i, 'account:forger')),
    );
    const report = await verifyAudit(db);
    expect(kinds(report)).toEqual([['checkpoint-mismatch', 60]]);
    expect(report.findings[0]!.detail).toContain('seq 41..60');

    // Adjusting the stored checkpoint to the new hash breaks its signature.
    const [head] = await db.query<{ hash: string }>('SELECT hash FROM audit_event WHERE seq = 60');
    await db.query('UPDATE audit_checkpoint SET hash = $1 WHERE seq = 60', [head!.hash]);
    expect(kinds(await verifyAudit(db))).toEqual([['bad-checkpoint-signature', 60]]);
  });

  it('a forger who also replaces the hub key passes only when the key is not pinned', async () => {
    await seeded();
    await db.query('DELETE FROM audit_event WHERE seq > 45');
    await recordAuditBatch(
      db,
      Array.from({ length: 15 }, (_, i) => input(46 + i, 'account:forger')),
    );
    const forger = generateFederationKeyPair();
    await db.query(`UPDATE hub_key SET public_key = $1, private_key = $2 WHERE id = 'current'`, [
      forger.publicKey,
      forger.privateKey,
    ]);
    const [head] = await db.query<{ hash: string }>('SELECT hash FROM audit_event WHERE seq = 60');
    const resigned = signCheckpoint(forger, { seq: 60, hash: head!.hash, events: 60 });
    await db.query(
      `UPDATE audit_checkpoint SET hash = $1, at = $2, signature = $3, key_fingerprint = $4,
         segment_from = NULL, segment_bytes = NULL, segment_sha256 = NULL WHERE seq = 60`,
      [resigned.hash, resigned.at, resigned.signature, resigned.keyFingerprint],
    );
    // The old checkpoints (20, 40) were signed by the real key: even the store's key sees them fail.
    const unpinned = await verifyAudit(db);
    expect(unpinned.keySource).toBe('store');
    expect(kinds(unpinned)).toEqual([
      ['bad-checkpoint-signature', 20],
      ['bad-checkpoint-signature', 40],
    ]);
    // Pinned to the key the hub publishes, the forged checkpoint fails too.
    const pinned = await verifyAudit(db, { publicKey: hubPublicKey });
    expect(pinned.keyFingerprint).toBe(keyFingerprint(hubPublicKey));
    expect(kinds(pinned)).toEqual([['bad-checkpoint-signature', 60]]);
  });
});
