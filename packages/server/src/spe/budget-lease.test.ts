import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, type Db } from '@openehds/db';
import { withBudgetLease } from './budget-lease';

describe('the privacy-budget lease of a permit chain', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
  });
  afterAll(() => db.close());

  it('refuses a second analysis while the first spends, and lets the next one in after', async () => {
    let release!: () => void;
    const first = withBudgetLease(
      db,
      'root-a',
      randomUUID(),
      60_000,
      () => new Promise<string>((r) => (release = () => r('first'))),
    );
    await new Promise((r) => setTimeout(r, 20));
    await expect(
      withBudgetLease(db, 'root-a', randomUUID(), 60_000, async () => 'second'),
    ).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/another analysis under this permit/),
    });
    // Another permit chain is not held up.
    await expect(withBudgetLease(db, 'root-b', randomUUID(), 60_000, async () => 'other')).resolves.toBe(
      'other',
    );
    release();
    await expect(first).resolves.toBe('first');
    await expect(withBudgetLease(db, 'root-a', randomUUID(), 60_000, async () => 'third')).resolves.toBe(
      'third',
    );
    expect(await db.query('SELECT * FROM spe_budget_lease')).toEqual([]);
  });

  it('drops the lease when the analysis throws, and takes over a lapsed one', async () => {
    await expect(
      withBudgetLease(db, 'root-c', randomUUID(), 60_000, async () => {
        throw new Error('node failed');
      }),
    ).rejects.toThrow('node failed');
    expect(await db.query(`SELECT * FROM spe_budget_lease WHERE permit_root_id = 'root-c'`)).toEqual([]);
    // A process that died holding a lease: its row stays, but lapses.
    await db.query(`INSERT INTO spe_budget_lease VALUES ('root-d', $1, now() - interval '1 second')`, [
      randomUUID(),
    ]);
    await expect(withBudgetLease(db, 'root-d', randomUUID(), 60_000, async () => 'taken over')).resolves.toBe(
      'taken over',
    );
  });
});
