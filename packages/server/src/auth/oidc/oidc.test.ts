import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoIdentityProvider, type DemoIdentityProvider } from '../../demo/identity-provider';
import { createTestHub, type TestHub } from '../../http/test-hub';
import { listAudit } from '../../audit/service';
import { SESSION_COOKIE } from '../guard';
import { OIDC_BINDING_COOKIE } from '../cookies';
import { citizenPseudonym, pseudonymKey } from '../pseudonym';
import { TestBrowser } from './test-browser';

const HUB = 'http://hub.test';
const callback = (id: string) => `${HUB}/api/auth/oidc/${id}/callback`;
const CITIZENS = [
  {
    sub: 'eid-1',
    username: 'anna',
    password: 'anna-pw',
    name: 'Anna Korhonen',
    givenName: 'Anna',
    nationalId: '010203A9876',
  },
  { sub: 'eid-2', username: 'noid', password: 'noid-pw', name: 'No Identifier' },
];
const RESEARCHERS = [
  { sub: 'ls-77', username: 'lena', password: 'lena-pw', name: 'Lena Schmidt', email: 'lena@uni.example' },
];

// OpenID Connect sign-in end to end: a real provider (oidc-provider) on a free port, the hub in
// process, and a cookie-carrying test browser walking the code flow over HTTP.
describe('OpenID Connect sign-in', () => {
  let eid: DemoIdentityProvider;
  let ls: DemoIdentityProvider;
  let hub: TestHub;
  const atHub = (url: string) => url.startsWith(`${HUB}/sign-in`);

  /** Walks start → provider sign-in → consent → callback; returns the hub's final redirect. */
  async function signInThrough(
    browser: TestBrowser,
    provider: string,
    user: { username: string; password: string },
  ) {
    const login = await browser.follow(`${HUB}/api/auth/oidc/${provider}/start?returnTo=/catalogue`);
    expect(login.status, login.body).toBe(200);
    expect(login.body).toContain('name="password"');
    const consent = await browser.submit(login, '/login', {
      username: user.username,
      password: user.password,
    });
    expect(consent.body).toContain('Share your details?');
    return browser.submit(consent, '/confirm', {}, atHub);
  }

  const me = (browser: TestBrowser) =>
    hub.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `${SESSION_COOKIE}=${browser.cookies('hub.test').get(SESSION_COOKIE) ?? ''}` },
    });

  beforeAll(async () => {
    eid = await startDemoIdentityProvider({
      title: 'Demo national eID',
      clients: [
        {
          clientId: 'hub-eid',
          clientSecret: 'eid-secret',
          redirectUris: [callback('eid')],
          name: 'Demo HDAB',
        },
      ],
      accounts: CITIZENS,
    });
    ls = await startDemoIdentityProvider({
      title: 'Demo Life Science Login',
      // A public client: PKCE is its only proof.
      clients: [{ clientId: 'hub-ls', redirectUris: [callback('ls')] }],
      accounts: RESEARCHERS,
    });
    hub = await createTestHub({
      oidcProviders: [
        {
          id: 'eid',
          label: 'Demo national eID',
          issuer: eid.issuer,
          clientId: 'hub-eid',
          clientSecret: 'eid-secret',
          audience: 'citizen',
        },
        {
          id: 'ls',
          label: 'Demo Life Science Login',
          issuer: ls.issuer,
          clientId: 'hub-ls',
          audience: 'user',
        },
      ],
      citizenPseudonymKey: 'k'.repeat(40),
    });
  });
  afterAll(async () => {
    await hub?.close();
    await eid?.stop();
    await ls?.stop();
  });

  it('lists the providers publicly, without secrets', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(res.json()).toEqual({
      providers: [
        { id: 'eid', label: 'Demo national eID', audience: 'citizen' },
        { id: 'ls', label: 'Demo Life Science Login', audience: 'user' },
      ],
    });
    expect(res.body).not.toContain('eid-secret');
  });

  it('starts with PKCE (S256), state and nonce, keeping them at the hub behind a Lax binding cookie', async () => {
    const browser = new TestBrowser(hub.app, HUB);
    const start = await browser.request('GET', `${HUB}/api/auth/oidc/eid/start`);
    expect(start.status).toBe(302);
    const url = new URL(start.location!);
    expect(url.origin).toBe(eid.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'hub-eid',
      response_type: 'code',
      redirect_uri: callback('eid'),
      scope: 'openid profile national_id',
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge'])
      expect(url.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
    const cookie = start.setCookies.find((c) => c.startsWith(`${OIDC_BINDING_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    // Neither the verifier nor the nonce travel in the cookie.
    const [row] = await hub.db.query<{ code_verifier: string; nonce: string }>(
      'SELECT code_verifier, nonce FROM oidc_login ORDER BY created_at DESC LIMIT 1',
    );
    expect(cookie).not.toContain(row!.code_verifier);
    expect(row!.nonce).toBe(url.searchParams.get('nonce'));
  });

  it('signs a citizen in through the national eID, keeping only a keyed pseudonym of the national id', async () => {
    // Execute
    const browser = new TestBrowser(hub.app, HUB);
    const done = await signInThrough(browser, 'eid', CITIZENS[0]!);
    // Assert: back at the web app's sign-in page, with an HttpOnly SameSite=Strict session cookie
    expect(done.status).toBe(302);
    expect(done.location).toBe(`${HUB}/sign-in?oidc=done&next=%2Fcatalogue`);
    const session = done.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(browser.cookies('hub.test').has(OIDC_BINDING_COOKIE)).toBe(false);

    const principal = (await me(browser)).json();
    const expected = citizenPseudonym(await pseudonymKey(hub.db, 'k'.repeat(40)), CITIZENS[0]!.nationalId!);
    expect(principal).toMatchObject({ role: 'citizen', displayName: 'Anna', citizenPseudonym: expected });
    expect(principal.organisationId).toBeNull();

    // The national identifier is nowhere in the store: accounts, links, sessions, audit.
    const dump = JSON.stringify([
      await hub.db.query('SELECT * FROM account'),
      await hub.db.query('SELECT * FROM external_identity'),
      await listAudit(hub.db, { limit: 1000 }),
    ]);
    expect(dump).not.toContain(CITIZENS[0]!.nationalId);
    expect(dump).toContain(expected);

    // Citizens are kept out of data user, holder and staff routes.
    const cookie = `${SESSION_COOKIE}=${browser.cookies('hub.test').get(SESSION_COOKIE)}`;
    for (const url of ['/api/holder/nodes', '/api/audit', '/api/tokens', '/api/organisations']) {
      expect((await hub.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode, url).toBe(403);
    }

    // The same person again: the same account.
    const again = new TestBrowser(hub.app, HUB);
    await signInThrough(again, 'eid', CITIZENS[0]!);
    expect((await me(again)).json().accountId).toBe(principal.accountId);
  });

  it('creates a data user at the first Life Science Login, and links to it afterwards', async () => {
    const first = new TestBrowser(hub.app, HUB);
    await signInThrough(first, 'ls', RESEARCHERS[0]!);
    const principal = (await me(first)).json();
    expect(principal).toMatchObject({ role: 'data_user', displayName: 'Lena Schmidt', organisationId: null });
    expect(principal.citizenPseudonym).toBeUndefined();
    expect(principal.username).toMatch(/^ls:[0-9a-f]{16}$/);

    const second = new TestBrowser(hub.app, HUB);
    await signInThrough(second, 'ls', RESEARCHERS[0]!);
    expect((await me(second)).json().accountId).toBe(principal.accountId);
    const links = await hub.db.query('SELECT provider_id FROM external_identity WHERE account_id = $1', [
      principal.accountId,
    ]);
    expect(links).toEqual([{ provider_id: 'ls' }]);

    const audit = await listAudit(hub.db, { actor: `account:${principal.username}` });
    expect(audit.map((e) => [e.action, e.outcome, e.details.method])).toEqual([
      ['auth.sign-in', 'success', 'oidc'],
      ['auth.sign-in', 'success', 'oidc'],
    ]);
  });

  it('refuses a callback in another browser (login CSRF), a replayed callback and a forged state', async () => {
    // Prepare: a sign-in walked up to the provider's answer, not yet delivered to the hub
    const victim = new TestBrowser(hub.app, HUB);
    const login = await victim.follow(`${HUB}/api/auth/oidc/ls/start`);
    const consent = await victim.submit(login, '/login', RESEARCHERS[0]!);
    const answer = await victim.submit(consent, '/confirm', {}, (url) => url.startsWith(callback('ls')));
    const callbackUrl = answer.location!;
    expect(callbackUrl).toContain('code=');

    // Another browser (no binding cookie) presenting the answer gets no session.
    const attacker = new TestBrowser(hub.app, HUB);
    const stolen = await attacker.request('GET', callbackUrl);
    expect(stolen.status).toBe(302);
    expect(new URL(stolen.location!).searchParams.get('oidcError')).toMatch(/not started in this browser/);
    expect(stolen.setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);

    // A forged state in the right browser: nothing matches.
    const forged = await victim.request('GET', callbackUrl.replace(/state=[^&]+/, 'state=forged'));
    expect(new URL(forged.location!).searchParams.get('oidcError')).toBeTruthy();
    expect(forged.setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);

    // The failed attempts used nothing up: the right browser completes once …
    const ok = await victim.request('GET', callbackUrl);
    expect(ok.location).toMatch(/oidc=done/);
    // … and a replay of the same answer is refused.
    const replay = await victim.request('GET', callbackUrl);
    expect(new URL(replay.location!).searchParams.get('oidcError')).toBeTruthy();
  });

  it('refuses a citizen whose provider sends no national identifier, and reports a cancelled sign-in', async () => {
    const browser = new TestBrowser(hub.app, HUB);
    const done = await signInThrough(browser, 'eid', CITIZENS[1]!);
    expect(new URL(done.location!).searchParams.get('oidcError')).toMatch(/national identifier/);
    expect(browser.cookies('hub.test').has(SESSION_COOKIE)).toBe(false);

    const cancelling = new TestBrowser(hub.app, HUB);
    const login = await cancelling.follow(`${HUB}/api/auth/oidc/eid/start`);
    const cancelled = await cancelling.submit(login, '/abort', {}, atHub);
    expect(new URL(cancelled.location!).searchParams.get('oidcError')).toMatch(
      /refused the sign-in \(access_denied\)/,
    );
    const denied = await listAudit(hub.db, { actor: 'oidc:eid' });
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(denied.every((e) => e.outcome === 'denied' && e.details.method === 'oidc')).toBe(true);
  });

  it('sends the browser back to the sign-in page when a provider cannot be reached', async () => {
    const offline = await createTestHub({
      oidcProviders: [
        { id: 'gone', label: 'Gone eID', issuer: 'http://127.0.0.1:9/', clientId: 'x', audience: 'citizen' },
      ],
    });
    try {
      const res = await offline.app.inject({ method: 'GET', url: '/api/auth/oidc/gone/start' });
      expect(res.statusCode).toBe(302);
      const error = new URL(res.headers.location as string).searchParams.get('oidcError');
      expect(error).toMatch(/Gone eID .* cannot be reached/);
      expect(res.headers['set-cookie']).toBeUndefined();
    } finally {
      await offline.close();
    }
  });

  it('answers 404 for an unknown provider', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/auth/oidc/nope/start' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('is a provider that requires PKCE and checks passwords', async () => {
    // Without a code challenge the provider refuses the request outright.
    const noPkce = new URL(`${ls.issuer}/auth`);
    noPkce.search = new URLSearchParams({
      client_id: 'hub-ls',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: callback('ls'),
      state: 'state-123456789',
    }).toString();
    const refused = await fetch(noPkce, { redirect: 'manual' });
    const location = new URL(refused.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);

    const browser = new TestBrowser(hub.app, HUB);
    const login = await browser.follow(`${HUB}/api/auth/oidc/ls/start`);
    const wrong = await browser.submit(login, '/login', { username: 'lena', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('Unknown username or wrong password');
  });
});
