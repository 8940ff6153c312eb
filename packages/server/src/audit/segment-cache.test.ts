import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openPglite, type Db } from '@openehds/db';
import { appendBatch, onAuditAppended, recordAuditBatch, type AuditInput } from './append';
import { segmentOf } from './segment';
import { SegmentCache } from './segment-cache';

const input = (i: number): AuditInput => ({
  actor: 'system',
  action: 'task.claim',
  object: `task:${i}`,
  outcome: 'success',
  details: { i, text: 'ä "q" \\ \n' },
});
const batch = (from: number, n: number) => Array.from({ length: n }, (_, k) => input(from + k));
const head = async (db: Db) =>
  (
    await db.query<{ seq: number; hash: string }>(
      'SELECT seq::int, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    )
  )[0]!;

describe('the segment cache of the checkpointer', () => {
  let db: Db;
  let stop: (() => void) | undefined;
  afterEach(async () => {
    stop?.();
    await db?.close();
  });

  async function withCache(): Promise<SegmentCache> {
    db = await openPglite();
    await migrate(db);
    const cache = new SegmentCache();
    stop = onAuditAppended((events) => cache.add(events));
    return cache;
  }

  it('gives the same segment as reading the store, and forgets what a checkpoint covered', async () => {
    const cache = await withCache();
    await recordAuditBatch(db, batch(1, 30));
    const h1 = await head(db);
    expect(cache.segment(null, h1)).toEqual(await segmentOf(db, null, h1.seq));
    await recordAuditBatch(db, batch(31, 20));
    const h2 = await head(db);
    expect(cache.segment(h1, h2)).toEqual(await segmentOf(db, h1, h2.seq));
    expect(cache.segment(h1, h2)?.events).toBe(20);
  });

  it('does not serve events that rolled back, nor a run it did not see whole', async () => {
    const cache = await withCache();
    await recordAuditBatch(db, batch(1, 10));
    await expect(
      db.transaction(async (tx) => {
        await appendBatch(tx, batch(11, 5));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await recordAuditBatch(db, batch(100, 5)); // seqs 11..15 again, other content
    const h = await head(db);
    expect(cache.segment(null, h)).toEqual(await segmentOf(db, null, h.seq));

    // Events appended while nobody listened (another process): the cache cannot give the segment.
    stop?.();
    await recordAuditBatch(db, batch(200, 3));
    stop = onAuditAppended((events) => cache.add(events));
    await recordAuditBatch(db, batch(300, 3));
    expect(cache.segment(h, await head(db))).toBeNull();
  });
});
