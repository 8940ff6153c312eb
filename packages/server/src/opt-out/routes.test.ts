import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenPseudonym, pseudonymKey } from '../auth/pseudonym';
import { createTestHub, TEST_CITIZEN, type TestHub } from '../http/test-hub';
import { citizenActor } from './actor';
import { optOut, reverseOptOut } from './registry';
import type { OptOutChange, OptOutStatus } from './registry';
import type { OptOutStatistics } from './statistics';

const write = { 'x-requested-with': 'test' };

// Citizens' opt-out at the hub (Art. 71): their own status, opting out and back in with receipts, counts
// for HDAB staff, and an audit trail that names no one.
describe('opt-out registry routes', () => {
  let hub: TestHub;
  let pseudonym: string;
  const citizen = (method: 'GET' | 'POST', url: string) =>
    hub.as(TEST_CITIZEN.username, {
      method,
      url,
      headers: write,
      ...(method === 'POST' ? { payload: {} } : {}),
    });

  beforeAll(async () => {
    hub = await createTestHub();
    pseudonym = citizenPseudonym(
      await pseudonymKey(hub.db, hub.config.citizenPseudonymKey),
      TEST_CITIZEN.nationalId,
    );
  });
  afterAll(() => hub?.close());

  it('shows a citizen who never opted out as not opted out, with no history', async () => {
    const res = await citizen('GET', '/api/citizen/opt-out');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ optedOut: false, since: null, history: [] });
  });

  it('opts out with a receipt, idempotently, and opts back in as easily', async () => {
    // Execute: opt out twice, then reverse twice
    const first = await citizen('POST', '/api/citizen/opt-out');
    const again = await citizen('POST', '/api/citizen/opt-out');
    const status = (await citizen('GET', '/api/citizen/opt-out')).json() as OptOutStatus;
    const back = await citizen('POST', '/api/citizen/opt-out/reverse');
    const backAgain = await citizen('POST', '/api/citizen/opt-out/reverse');

    // Assert: one opt-out, one reversal, each with its own receipt; repeats change nothing
    expect(first.statusCode).toBe(201);
    const opted = first.json() as OptOutChange;
    expect(opted).toMatchObject({
      changed: true,
      receipt: { action: 'opt-out' },
      status: { optedOut: true },
    });
    expect(opted.receipt!.receiptId).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.statusCode).toBe(200);
    expect((again.json() as OptOutChange).changed).toBe(false);
    expect((again.json() as OptOutChange).receipt).toEqual(opted.receipt);
    expect(status).toEqual({ optedOut: true, since: opted.receipt!.at, history: [opted.receipt] });

    expect(back.statusCode).toBe(201);
    const reversed = back.json() as OptOutChange;
    expect(reversed).toMatchObject({
      changed: true,
      receipt: { action: 'reversal' },
      status: { optedOut: false },
    });
    expect(Date.parse(reversed.receipt!.at)).toBeGreaterThan(Date.parse(opted.receipt!.at));
    expect(reversed.status.history).toEqual([reversed.receipt, opted.receipt]);
    expect((backAgain.json() as OptOutChange).changed).toBe(false);
  });

  it('keeps only keyed pseudonyms, and audits each change under a short hash of one', async () => {
    const tables = await hub.db.query<{ pseudonym: string }>(
      'SELECT pseudonym FROM opt_out_event UNION SELECT pseudonym FROM opt_out_period',
    );
    expect(tables.map((t) => t.pseudonym)).toEqual([pseudonym]);
    const dump = JSON.stringify(
      await hub.db.query('SELECT * FROM opt_out_event UNION ALL SELECT * FROM opt_out_event'),
    );
    expect(dump).not.toContain(TEST_CITIZEN.nationalId);
    const audit = await hub.db.query<{ actor: string; action: string; details: unknown }>(
      `SELECT actor, action, details FROM audit_event WHERE action LIKE 'opt-out.%' ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['opt-out.register', 'opt-out.reverse']);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([citizenActor(pseudonym)]));
    expect(citizenActor(pseudonym)).toMatch(/^citizen:[0-9a-f]{16}$/);
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain(pseudonym);
    expect(auditText).not.toContain(TEST_CITIZEN.nationalId);
  });

  it('gives HDAB staff counts only: opted out now, opt-outs and reversals per month', async () => {
    // Prepare: two more persons, at known months (service calls with a clock)
    await optOut(hub.db, 'pseudonym-of-another-person-A', new Date('2031-03-04T10:00:00Z'));
    await optOut(hub.db, 'pseudonym-of-another-person-B', new Date('2031-03-20T10:00:00Z'));
    await reverseOptOut(hub.db, 'pseudonym-of-another-person-B', new Date('2031-04-02T10:00:00Z'));

    const res = await hub.as('hdab', { method: 'GET', url: '/api/opt-out/statistics' });

    expect(res.statusCode).toBe(200);
    const stats = res.json() as OptOutStatistics;
    expect(stats.currentOptedOut).toBe(1);
    expect(stats.registryVersion).toBe(5);
    expect(stats.months.slice(-2)).toEqual([
      { month: '2031-03', optOuts: 2, reversals: 0 },
      { month: '2031-04', optOuts: 0, reversals: 1 },
    ]);
    const thisMonth = stats.months.find((m) => m.month === new Date().toISOString().slice(0, 7));
    expect(thisMonth).toEqual({ month: thisMonth!.month, optOuts: 1, reversals: 1 });
    expect(res.body).not.toContain('pseudonym-of-another-person');
    expect(res.body).not.toContain(pseudonym);
  });

  it('refuses the citizen routes to other roles and the statistics to citizens', async () => {
    expect((await hub.as('user', { method: 'GET', url: '/api/citizen/opt-out' })).statusCode).toBe(403);
    expect((await citizen('GET', '/api/opt-out/statistics')).statusCode).toBe(403);
    const extra = await hub.as(TEST_CITIZEN.username, {
      method: 'POST',
      url: '/api/citizen/opt-out',
      headers: write,
      payload: { nationalId: '131052-308T' },
    });
    expect(extra.statusCode).toBe(400);
  });
});
