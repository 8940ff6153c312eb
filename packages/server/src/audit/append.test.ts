import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '@openehds/db';
import { appendBatch, appendIn, recordAudit, recordAuditBatch, type AuditInput } from './append';
import { verifyAudit } from './service';
import { auditStores } from './test-stores';
import { listAudit, readEvents } from './store';

const input = (i: number): AuditInput => ({
  actor: `account:user-${i % 7}`,
  action: 'dataset.view',
  object: i % 5 === 3 ? null : `dataset:ds-${i}`,
  outcome: 'success',
  details: { i, note: 'Ünïcødé ✓', nested: { b: [1.5, null, true], a: 'x' } },
});

/** The tx as given, counting the statements that pass through it. */
function counting(tx: Queryable): Queryable & { statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    query: (sql, params) => {
      statements.push(sql.trim().split(/\s+/).slice(0, 2).join(' '));
      return tx.query(sql, params);
    },
    exec: (sql) => tx.exec(sql),
  };
}

async function allSeqs(db: Db): Promise<number[]> {
  const seqs: number[] = [];
  for await (const page of readEvents(db)) seqs.push(...page.map((e) => e.seq));
  return seqs;
}

describe.each(auditStores())('audit appends on %s', (_driver, open) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  it('writes a batch with one multi-row INSERT under the lock, chained in memory', async () => {
    // Execute
    let statements: string[] = [];
    const stored = await db.transaction(async (tx) => {
      const spy = counting(tx);
      const events = await appendBatch(
        spy,
        Array.from({ length: 2500 }, (_, i) => input(i)),
      );
      statements = spy.statements;
      return events;
    });
    // Assert: lock, head, one INSERT; seqs 1..2500; each event links to the one before
    expect(statements).toEqual(['SELECT pg_advisory_xact_lock(7411)', 'SELECT seq,', 'INSERT INTO']);
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    expect(stored.slice(1).every((e, i) => e.prevHash === stored[i]!.hash)).toBe(true);
    const report = await verifyAudit(db);
    expect(report).toMatchObject({ intact: true, events: 2500, lastSeq: 2500 });
  });

  it('reads back exactly what was hashed (JSONB, Unicode, numbers, timestamps)', async () => {
    const [newest] = await listAudit(db, { limit: 1 });
    expect(newest).toMatchObject({ seq: 2500, details: input(2499).details, object: 'dataset:ds-2499' });
    expect(newest!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("commits and rolls back with the caller's change, leaving no seq gap", async () => {
    await expect(
      db.transaction(async (tx) => {
        await appendIn(tx, input(1));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await recordAudit(db, input(2));
    await db.transaction(async (tx) => appendIn(tx, input(3)));
    const seqs = await allSeqs(db);
    expect(seqs.slice(-2)).toEqual([2501, 2502]);
    expect((await verifyAudit(db)).intact).toBe(true);
  });

  it('on a store that runs one transaction at a time, writes after the known head in one statement', async () => {
    const statementsOf = (inputs: AuditInput[]) =>
      db.transaction(async (tx) => {
        // The same tx, counted: exclusive and store as the driver gave them.
        const spy = Object.assign(counting(tx), { exclusive: tx.exclusive, store: tx.store });
        await appendBatch(spy, inputs);
        return spy.statements;
      });
    await recordAudit(db, input(4));
    const exclusive = db.driver === 'pglite';
    expect(await statementsOf([input(5), input(6)])).toEqual(
      exclusive ? ['INSERT INTO'] : ['SELECT pg_advisory_xact_lock(7411)', 'SELECT seq,', 'INSERT INTO'],
    );
    // The head known from a rolled-back append is no head: the guarded INSERT writes nothing and the
    // head is read again.
    await expect(
      db.transaction(async (tx) => {
        await appendIn(tx, input(7));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await statementsOf([input(8)])).toEqual(
      exclusive
        ? ['INSERT INTO', 'SELECT seq,', 'INSERT INTO']
        : ['SELECT pg_advisory_xact_lock(7411)', 'SELECT seq,', 'INSERT INTO'],
    );
    expect((await allSeqs(db)).slice(-4)).toEqual([2503, 2504, 2505, 2506]);
    expect(await verifyAudit(db)).toMatchObject({ intact: true, events: 2506 });
  });

  it('keeps one chain when appenders race', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, k) =>
        k % 2 ? recordAudit(db, input(k)) : recordAuditBatch(db, [input(k), input(k + 100), input(k + 200)]),
      ),
    );
    const seqs = await allSeqs(db);
    expect(seqs).toEqual(Array.from({ length: 2506 + 6 + 18 }, (_, i) => i + 1));
    expect(await verifyAudit(db)).toMatchObject({ intact: true, events: 2530 });
  });

  it('refuses an event without the lock: seq has no default any more', async () => {
    await expect(
      db.query(
        `INSERT INTO audit_event (at, actor, action, outcome, prev_hash, hash) VALUES (now(), 'x', 'y', 'success', '', '')`,
      ),
    ).rejects.toThrow(/null value in column "seq"/);
  });
});
