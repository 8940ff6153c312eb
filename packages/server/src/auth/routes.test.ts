import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/seed';
import { createTestHub, type TestHub } from '../http/test-hub';
import { SESSION_COOKIE } from './guard';

// Sign-in, sessions (bearer and cookie), CSRF and the idle timeout, over HTTP in process.
describe('auth routes', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await createTestHub({ sessionIdleMinutes: 1 });
  });
  afterAll(() => hub?.close());

  const cookieOf = (setCookie: string) => setCookie.split(';')[0]!;

  it('signs in: a token, the principal, and an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'holder-fi', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      token: string;
      principal: { role: string; username: string };
      expiresAt: string;
    };
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.principal).toMatchObject({ username: 'holder-fi', role: 'data_holder' });
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const cookie = String(res.headers['set-cookie']);
    expect(cookie.startsWith(`${SESSION_COOKIE}=${body.token};`)).toBe(true);
    expect(cookie).toMatch(/;\s*HttpOnly/);
    expect(cookie).toMatch(/;\s*SameSite=Strict/);
    expect(cookie).toMatch(/;\s*Path=\//);
    // http:// public URL: no Secure flag (it would stop the cookie working on plain-HTTP demos).
    expect(cookie).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure when the hub is served over https', async () => {
    const secureHub = await createTestHub({ publicUrl: 'https://hub.test' });
    try {
      const { setCookie } = await secureHub.signIn('user');
      expect(setCookie).toMatch(/;\s*Secure/);
    } finally {
      await secureHub.close();
    }
  });

  it('refuses a wrong password with 401 problem+json that does not say which part was wrong', async () => {
    for (const payload of [
      { username: 'admin', password: 'not-the-password' },
      { username: 'nobody', password: DEMO_PASSWORD },
    ]) {
      const res = await hub.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['set-cookie']).toBeUndefined();
      const problem = res.json();
      expect(problem).toMatchObject({ status: 401, title: 'unauthenticated', instance: '/api/auth/sign-in' });
      expect(problem.detail).toBe('unknown username or wrong password');
    }
  });

  it('answers a malformed body with 400 problem+json listing every field at fault', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: '', password: 42 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json() as { issues: { path: string; message: string }[]; detail: string };
    expect(problem.issues.map((i) => i.path).sort()).toEqual(['password', 'username']);
    expect(problem.detail).toBe('the sign-in has 2 problems');

    const missing = await hub.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'password',
      'username',
    ]);

    const notJson = await hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.headers['content-type']).toMatch(/^application\/problem\+json/);

    // A body the hub cannot parse at all keeps its own status (RFC 9110 §15.5.16), still as a problem.
    const form = await hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'text/csv' },
      payload: 'admin,demo-password',
    });
    expect(form.statusCode).toBe(415);
    expect(form.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(form.json()).toMatchObject({ status: 415, title: 'unsupported-media-type' });
  });

  it('authenticates by bearer token and by session cookie', async () => {
    const { token, setCookie } = await hub.signIn('hdab');
    const byBearer = await hub.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byBearer.statusCode).toBe(200);
    expect(byBearer.json()).toMatchObject({ username: 'hdab', role: 'hdab_staff' });
    const byCookie = await hub.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `theme=dark; ${cookieOf(setCookie)}` },
    });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.json()).toMatchObject({ username: 'hdab' });

    const anonymous = await hub.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    // A mangled cookie is just no session: 401, never a 500.
    const mangled = await hub.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `${SESSION_COOKIE}=%E0%A4%A` },
    });
    expect(mangled.statusCode).toBe(401);
    const forged = await hub.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Bearer not-a-session' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated state change without X-Requested-With (CSRF)', async () => {
    const { setCookie } = await hub.signIn('admin');
    const cookie = cookieOf(setCookie);
    const noHeader = await hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().detail).toMatch(/X-Requested-With/);
    // A non-Bearer Authorization header does not authenticate, so it must not waive the CSRF check.
    const basic = await hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, authorization: 'Basic YWRtaW46eA==' },
    });
    expect(basic.statusCode).toBe(403);
    // The refused requests left the session alive.
    const me = await hub.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const withHeader = await hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, 'x-requested-with': 'fetch' },
    });
    expect(withHeader.statusCode).toBe(200);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const { token } = await hub.signIn('user');
    const auth = { authorization: `Bearer ${token}` };
    const out = await hub.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: auth });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ signedOut: true });
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    const after = await hub.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session idle longer than sessionIdleMinutes', async () => {
    // Prepare: a fresh session, then its last activity moved back past the 1-minute idle limit
    const { token } = await hub.signIn('holder-es');
    const auth = { authorization: `Bearer ${token}` };
    expect((await hub.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).statusCode).toBe(
      200,
    );
    await hub.db.query(
      `UPDATE session SET last_seen_at = now() - interval '2 minutes'
       WHERE account_id = (SELECT id FROM account WHERE username = 'holder-es')`,
    );
    // Execute
    const res = await hub.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth });
    // Assert
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/idle/);
  });

  it('keeps a session alive while it is used within the idle limit', async () => {
    const { token } = await hub.signIn('holder-de');
    const auth = { authorization: `Bearer ${token}` };
    await hub.db.query(
      `UPDATE session SET last_seen_at = now() - interval '50 seconds'
       WHERE account_id = (SELECT id FROM account WHERE username = 'holder-de')`,
    );
    expect((await hub.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).statusCode).toBe(
      200,
    );
    // The request touched the idle timer, so it starts again from now.
    const [row] = await hub.db.query<{ idle: number }>(
      `SELECT extract(epoch FROM now() - last_seen_at)::float AS idle FROM session
       WHERE account_id = (SELECT id FROM account WHERE username = 'holder-de')`,
    );
    expect(Number(row!.idle)).toBeLessThan(50);
  });
});
