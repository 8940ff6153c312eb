import { scryptSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../demo/seed';
import { createTestHub, type TestHub } from '../http/test-hub';
import { listAudit } from '../audit/service';
import { base32Decode, totpCode } from './totp';

// Password + TOTP sign-in, enrolment, replay protection and the legacy scrypt upgrade, over HTTP in process.
describe('second factor (TOTP) and password upgrade', () => {
  let hub: TestHub;
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    hub.app.inject({ method: 'POST', url, payload, headers });
  const passwordStep = async (username: string, password = DEMO_PASSWORD) => {
    const res = await post('/api/auth/sign-in', { username, password });
    return { res, body: res.json() as { mfaRequired?: boolean; challenge?: string; token?: string } };
  };

  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('asks HDAB staff for a code after the password, and signs them in with it', async () => {
    // Execute: the password step
    const { res, body } = await passwordStep('hdab');
    // Assert: no session yet, a challenge instead
    expect(res.statusCode).toBe(200);
    expect(body).toMatchObject({ mfaRequired: true });
    expect(body.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.token).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();

    hub.advanceClock(90_000);
    const done = await post('/api/auth/sign-in/totp', {
      challenge: body.challenge,
      code: totpCode(DEMO_TOTP_SECRET, hub.now()),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ principal: { username: 'hdab', role: 'hdab_staff' } });
    expect(String(done.headers['set-cookie'])).toMatch(/SameSite=Strict/);

    // The challenge was single-use.
    const again = await post('/api/auth/sign-in/totp', {
      challenge: body.challenge,
      code: totpCode(DEMO_TOTP_SECRET, hub.now() + 30_000),
    });
    expect(again.statusCode).toBe(401);
  });

  it('refuses a replayed code, a wrong code, and a challenge after five wrong codes', async () => {
    hub.advanceClock(90_000);
    const code = totpCode(DEMO_TOTP_SECRET, hub.now());
    const first = await passwordStep('admin');
    expect((await post('/api/auth/sign-in/totp', { challenge: first.body.challenge, code })).statusCode).toBe(
      200,
    );

    // Same code again within its step, with a fresh challenge: refused (RFC 6238 §5.2).
    const second = await passwordStep('admin');
    const replay = await post('/api/auth/sign-in/totp', { challenge: second.body.challenge, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toMatch(/already used/);

    // Wrong codes use the challenge up.
    const third = await passwordStep('admin');
    for (let i = 0; i < 5; i++) {
      const wrong = await post('/api/auth/sign-in/totp', { challenge: third.body.challenge, code: '000000' });
      expect(wrong.statusCode).toBe(401);
    }
    hub.advanceClock(90_000);
    const late = await post('/api/auth/sign-in/totp', {
      challenge: third.body.challenge,
      code: totpCode(DEMO_TOTP_SECRET, hub.now()),
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().detail).toMatch(/sign in again with your password/);
  });

  it('validates the code step, listing the fields at fault', async () => {
    const res = await post('/api/auth/sign-in/totp', { challenge: 'short', code: '12' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'challenge',
      'code',
    ]);
  });

  it('makes staff without an authenticator enrol one before their first sign-in completes', async () => {
    // Prepare: an administrator creates a new staff account
    const created = await hub.as('admin', {
      method: 'POST',
      url: '/api/accounts',
      payload: {
        username: 'new-staff',
        displayName: 'New Staff',
        role: 'hdab_staff',
        password: 'a long enough password',
      },
    });
    expect(created.statusCode).toBe(201);

    // Execute: the password is right, but there is no second factor yet
    const { res } = await passwordStep('new-staff', 'a long enough password');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json() as { code: string; enrolmentChallenge: string; detail: string };
    expect(problem.code).toBe('totp-enrolment-required');
    expect(problem.detail).toMatch(/enrol/);
    expect(res.headers['set-cookie']).toBeUndefined();

    // The challenge gets a secret and an otpauth:// URI …
    const enrol = await post('/api/auth/sign-in/enrol', { challenge: problem.enrolmentChallenge });
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri } = enrol.json() as { secret: string; otpauthUri: string };
    expect(base32Decode(secret)).toHaveLength(20);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*new-staff\?secret=/);
    // … but is no session: it cannot call anything else.
    const misuse = await hub.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${problem.enrolmentChallenge}` },
    });
    expect(misuse.statusCode).toBe(401);

    // A wrong code does not confirm; the right one confirms and signs in.
    const wrong = await post('/api/auth/sign-in/enrol/confirm', {
      challenge: problem.enrolmentChallenge,
      code: '000000',
    });
    expect(wrong.statusCode).toBe(400);
    hub.advanceClock(30_000);
    const confirmed = await post('/api/auth/sign-in/enrol/confirm', {
      challenge: problem.enrolmentChallenge,
      code: totpCode(secret, hub.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ principal: { username: 'new-staff', role: 'hdab_staff' } });

    // From now on the password leads to the code step.
    expect((await passwordStep('new-staff', 'a long enough password')).body.mfaRequired).toBe(true);

    // An administrator can reset a lost authenticator; the next sign-in enrols again.
    const id = (created.json() as { id: string }).id;
    const reset = await hub.as('admin', {
      method: 'POST',
      url: `/api/accounts/${id}/totp-reset`,
      payload: {},
    });
    expect(reset.json()).toEqual({ reset: true });
    expect((await passwordStep('new-staff', 'a long enough password')).res.statusCode).toBe(403);
  });

  it('lets a data user add a second factor, which their sign-in then asks for', async () => {
    const { token } = await hub.signIn('researcher-thl');
    const auth = { authorization: `Bearer ${token}` };
    expect((await hub.app.inject({ method: 'GET', url: '/api/auth/totp', headers: auth })).json()).toEqual({
      status: 'none',
    });
    const start = await post('/api/auth/totp/enrol', {}, auth);
    expect(start.statusCode).toBe(200);
    const { secret } = start.json() as { secret: string };
    hub.advanceClock(30_000);
    const confirm = await post('/api/auth/totp/confirm', { code: totpCode(secret, hub.now()) }, auth);
    expect(confirm.json()).toEqual({ status: 'confirmed' });
    // Enrolling again over a confirmed authenticator is refused.
    expect((await post('/api/auth/totp/enrol', {}, auth)).statusCode).toBe(409);

    const { body } = await passwordStep('researcher-thl');
    expect(body.mfaRequired).toBe(true);
    hub.advanceClock(30_000);
    const done = await post('/api/auth/sign-in/totp', {
      challenge: body.challenge,
      code: totpCode(secret, hub.now()),
    });
    expect(done.statusCode).toBe(200);
  });

  it('refuses a staff session that did not prove a second factor', async () => {
    // A password-only session of an admin account (e.g. the role came later through a membership).
    const [admin] = await hub.db.query<{ id: string }>(`SELECT id FROM account WHERE username = 'admin'`);
    const { startSession } = await import('./service');
    const session = await startSession(hub.db, admin!.id, 'password');
    const res = await hub.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/authenticator code/);
  });

  it('upgrades a scrypt hash of an earlier run to Argon2id at the first successful sign-in', async () => {
    // Prepare: holder-es's password stored the old way
    const salt = randomBytes(16);
    const hash = scryptSync(DEMO_PASSWORD, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
    const old = ['scrypt', 2 ** 17, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$');
    await hub.db.query(`UPDATE account SET password_hash = $1 WHERE username = 'holder-es'`, [old]);
    // A wrong password leaves it alone …
    expect((await passwordStep('holder-es', 'wrong')).res.statusCode).toBe(401);
    const stored = async () =>
      (
        await hub.db.query<{ h: string }>(
          `SELECT password_hash AS h FROM account WHERE username = 'holder-es'`,
        )
      )[0]!.h;
    expect(await stored()).toBe(old);
    // … the right one signs in and replaces it.
    expect((await passwordStep('holder-es')).res.statusCode).toBe(200);
    expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await passwordStep('holder-es')).res.statusCode).toBe(200);
  });

  it('audits each sign-in with its method, and never a secret', async () => {
    const events = await listAudit(hub.db, { limit: 500 });
    const signIns = events.filter((e) => e.action === 'auth.sign-in');
    expect(signIns.some((e) => e.details.method === 'totp' && e.outcome === 'success')).toBe(true);
    expect(signIns.some((e) => e.details.method === 'totp' && e.outcome === 'denied')).toBe(true);
    expect(signIns.some((e) => e.details.method === 'password' && e.outcome === 'denied')).toBe(true);
    expect(signIns.some((e) => e.details.reason === 'totp-enrolment-required')).toBe(true);
    const text = JSON.stringify(events);
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toContain(DEMO_TOTP_SECRET);
  });
});
