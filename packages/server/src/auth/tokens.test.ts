import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { listAudit } from '../audit/service';
import { API_TOKEN_PREFIX } from './api-tokens';

interface TokenInfo {
  id: string;
  name: string;
  scopes: string[];
  expiresAt: string;
  revokedAt: string | null;
  secret?: string;
}

// Personal API tokens: created once, listed without secrets, scoped, revocable, audited.
describe('API tokens', () => {
  let hub: TestHub;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const create = (username: string, payload: object) =>
    hub.as(username, { method: 'POST', url: '/api/tokens', payload });

  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('returns the secret once and lists tokens without it', async () => {
    const res = await create('user', { name: 'laptop CLI', scopes: ['read'], expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    const token = res.json() as TokenInfo;
    expect(token.secret).toMatch(new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
    expect(token).toMatchObject({ name: 'laptop CLI', scopes: ['read'], revokedAt: null });
    const days = (new Date(token.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);

    const list = await hub.as('user', { method: 'GET', url: '/api/tokens' });
    const tokens = (list.json() as { tokens: TokenInfo[] }).tokens;
    expect(tokens.map((t) => t.id)).toContain(token.id);
    expect(list.body).not.toContain(token.secret!);
    // Only the hash is stored.
    const rows = await hub.db.query(`SELECT * FROM api_token WHERE id = $1`, [token.id]);
    expect(JSON.stringify(rows)).not.toContain(token.secret!);
    // Other accounts do not see it.
    const other = await hub.as('holder-fi', { method: 'GET', url: '/api/tokens' });
    expect((other.json() as { tokens: TokenInfo[] }).tokens.map((t) => t.id)).not.toContain(token.id);
  });

  it('acts with the role of its account; read scope only on GET; no CSRF header needed', async () => {
    const read = (
      await create('admin', { name: 'read', scopes: ['read'], expiresInDays: 1 })
    ).json() as TokenInfo;
    const write = (
      await create('admin', { name: 'write', scopes: ['read', 'write'], expiresInDays: 1 })
    ).json() as TokenInfo;
    const me = await hub.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(read.secret!) });
    expect(me.json()).toMatchObject({ username: 'admin', role: 'admin' });
    expect(
      (await hub.app.inject({ method: 'GET', url: '/api/accounts', headers: bearer(read.secret!) }))
        .statusCode,
    ).toBe(200);

    const payload = { name: 'Token-made organisation', kind: 'research_organisation', country: 'SE' };
    const refused = await hub.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload,
      headers: bearer(read.secret!),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/read scope/);
    const allowed = await hub.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload,
      headers: bearer(write.secret!),
    });
    expect(allowed.statusCode).toBe(201);

    // A token cannot mint more tokens.
    const minted = await hub.app.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'x', scopes: ['read'], expiresInDays: 1 },
      headers: bearer(write.secret!),
    });
    expect(minted.statusCode).toBe(403);
    // Role checks still apply: an admin's token does not open data-holder routes.
    const holder = await hub.app.inject({
      method: 'GET',
      url: '/api/holder/nodes',
      headers: bearer(write.secret!),
    });
    expect(holder.statusCode).toBe(403);
  });

  it('refuses revoked and expired tokens with 401', async () => {
    const token = (
      await create('holder-fi', { name: 'ci', scopes: ['read'], expiresInDays: 7 })
    ).json() as TokenInfo;
    const call = () =>
      hub.app.inject({ method: 'GET', url: '/api/holder/nodes', headers: bearer(token.secret!) });
    expect((await call()).statusCode).toBe(200);

    const revoked = await hub.as('holder-fi', { method: 'DELETE', url: `/api/tokens/${token.id}` });
    expect(revoked.statusCode).toBe(200);
    expect((revoked.json() as TokenInfo).revokedAt).not.toBeNull();
    const after = await call();
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toMatch(/revoked or expired/);

    const expiring = (
      await create('holder-fi', { name: 'old', scopes: ['read'], expiresInDays: 1 })
    ).json() as TokenInfo;
    await hub.db.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expiring.id,
    ]);
    const expired = await hub.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(expiring.secret!),
    });
    expect(expired.statusCode).toBe(401);
  });

  it("answers 404 for someone else's token and validates input", async () => {
    const mine = (
      await create('user', { name: 'mine', scopes: ['read'], expiresInDays: 1 })
    ).json() as TokenInfo;
    const theirs = await hub.as('holder-de', { method: 'DELETE', url: `/api/tokens/${mine.id}` });
    expect(theirs.statusCode).toBe(404);
    const bad = await create('user', { name: '', scopes: ['admin'], expiresInDays: 9999 });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'expiresInDays',
      'name',
      'scopes[0]',
    ]);
    // Citizens have no API tokens.
    expect((await create('citizen-test', { name: 'x', scopes: ['read'], expiresInDays: 1 })).statusCode).toBe(
      403,
    );
  });

  it('audits creation and revocation without the secret', async () => {
    const token = (
      await create('user', { name: 'audited', scopes: ['read'], expiresInDays: 1 })
    ).json() as TokenInfo;
    await hub.as('user', { method: 'DELETE', url: `/api/tokens/${token.id}` });
    const events = await listAudit(hub.db, { object: `token:${token.id}` });
    expect(events.map((e) => [e.action, e.actor, e.outcome]).sort()).toEqual([
      ['token.create', 'account:user', 'success'],
      ['token.revoke', 'account:user', 'success'],
    ]);
    expect(JSON.stringify(await listAudit(hub.db, { limit: 1000 }))).not.toContain(API_TOKEN_PREFIX);
  });
});
