import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './seed';
import { signInDemoAccount } from './demo-sign-in';

interface DemoAccountsBody {
  accounts: { username: string; role: string; totpSecret?: string }[];
  password: string;
}

// The demo's account list for the sign-in page, and what the demo seed leaves behind.
describe('demo accounts', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('lists the demo accounts with the shared password, and the TOTP secret for staff only', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/demo/accounts' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as DemoAccountsBody;
    expect(body.accounts.map((a) => a.role).sort()).toEqual(
      [
        'admin',
        'data_holder',
        'data_holder',
        'data_holder',
        'data_user',
        'data_user',
        'hdab_staff',
        'hdab_staff',
      ].sort(),
    );
    expect(body.password).toBe(DEMO_PASSWORD);
    expect(
      body.accounts
        .filter((a) => a.totpSecret)
        .map((a) => a.username)
        .sort(),
    ).toEqual(['admin', 'hdab', 'hdab-checker']);
    expect(body.accounts.find((a) => a.username === 'hdab')!.totpSecret).toBe(DEMO_TOTP_SECRET);
  });

  it('serves nothing outside demo mode', async () => {
    const production = await createTestHub({ seedDemo: false });
    try {
      const res = await production.app.inject({ method: 'GET', url: '/api/demo/accounts' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).not.toContain(DEMO_PASSWORD);
      expect(res.body).not.toContain(DEMO_TOTP_SECRET);
    } finally {
      await production.close();
    }
  });

  it('signs every demo account in, staff with the documented TOTP secret', async () => {
    for (const username of [
      'holder-fi',
      'holder-es',
      'holder-de',
      'user',
      'researcher-thl',
      'hdab',
      'admin',
    ]) {
      const { token } = await hub.signIn(username);
      const me = await hub.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.json().username, username).toBe(username);
    }
  });

  it('tries the previous, current and next step, so three quick sign-ins in a row work', async () => {
    const post = async (url: string, payload: unknown) => {
      const res = await hub.app.inject({ method: 'POST', url, payload: payload as object });
      return { status: res.statusCode, body: res.json() as unknown };
    };
    const at = hub.now() + 3600_000;
    hub.advanceClock(3600_000);
    const tokens = new Set<string>();
    for (let i = 0; i < 3; i++) tokens.add((await signInDemoAccount(post, 'hdab', { nowMs: at })).token);
    expect(tokens.size).toBe(3);
    await expect(signInDemoAccount(post, 'hdab', { nowMs: at })).rejects.toThrow(
      /TOTP sign-in of hdab failed/,
    );
  });

  it('upgrades the data dir of an earlier run: a second seed adds what is missing and changes nothing else', async () => {
    // Prepare: as an earlier demo left it, without THL, its researcher or the TOTP enrolment
    await hub.db.query(`DELETE FROM account_totp`);
    await hub.db.query(
      `DELETE FROM session WHERE account_id = (SELECT id FROM account WHERE username = 'researcher-thl')`,
    );
    await hub.db.query(
      `DELETE FROM membership WHERE account_id = (SELECT id FROM account WHERE username = 'researcher-thl')`,
    );
    await hub.db.query(`DELETE FROM account WHERE username = 'researcher-thl'`);
    const before = await hub.db.query(`SELECT id, username, password_hash FROM account ORDER BY username`);
    // Execute
    const { seedDemo } = await import('./seed');
    expect(await seedDemo(hub.db, hub.config.hdab)).toBe(false);
    // Assert
    const after = await hub.db.query<{ username: string }>(
      `SELECT id, username, password_hash FROM account ORDER BY username`,
    );
    expect(after.filter((a) => a.username !== 'researcher-thl')).toEqual(before);
    expect(after.map((a) => a.username)).toContain('researcher-thl');
    const totp = await hub.db.query<{ username: string }>(
      `SELECT a.username FROM account_totp t JOIN account a ON a.id = t.account_id ORDER BY a.username`,
    );
    expect(totp.map((t) => t.username)).toEqual(['admin', 'hdab', 'hdab-checker']);
  });
});
