import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate, openPglite } from '@openehds/db';
import { DEMO_PASSWORD, DEMO_PUBLIC_BODY } from '../demo/seed';
import { createTestHub, type TestHub } from '../http/test-hub';
import type { Organisation } from './service';

// Organisations, the verified public-body flag (Art. 53(2)), memberships and local accounts.
describe('organisations and memberships', () => {
  let hub: TestHub;
  const admin = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    hub.as('admin', { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('seeds THL as a verified public body with a data user acting for it', async () => {
    const res = await hub.as('researcher-thl', { method: 'GET', url: '/api/auth/me' });
    expect(res.json()).toMatchObject({
      username: 'researcher-thl',
      displayName: 'Mikko Laine (THL)',
      role: 'data_user',
      organisationName: DEMO_PUBLIC_BODY.name,
      organisationKind: 'public_body',
      publicBodyVerified: true,
    });
    // The other demo accounts are as before, now with their organisation's kind.
    expect((await hub.as('user', { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      displayName: 'Marie Dubois (BioNova SAS)',
      organisationKind: 'biotech_company',
      publicBodyVerified: false,
    });
  });

  it('creates organisations of the known kinds only, with unique names', async () => {
    const created = await admin('POST', '/api/organisations', {
      name: 'Folkhälsomyndigheten (test)',
      kind: 'public_body',
      country: 'SE',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'public_body', publicBodyVerified: false, memberCount: 0 });
    const clash = await admin('POST', '/api/organisations', {
      name: 'folkhälsomyndigheten (TEST)',
      kind: 'public_body',
      country: 'SE',
    });
    expect(clash.statusCode).toBe(409);
    const bad = await admin('POST', '/api/organisations', { name: 'X Corp', kind: 'startup', country: 'se' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'country',
      'kind',
    ]);
    // The store refuses unknown kinds too (CHECK constraint), whatever writes them.
    await expect(
      hub.db.query(
        `INSERT INTO organisation (id, name, kind, country) VALUES (gen_random_uuid(), 'x', 'startup', 'SE')`,
      ),
    ).rejects.toThrow(/organisation_kind_known/);
  });

  it('verifies a public body, adds a member who then acts for it, and removes them again', async () => {
    // Prepare: an organisation and a local account
    const org = (
      await admin('POST', '/api/organisations', {
        name: 'Sciensano (test)',
        kind: 'public_body',
        country: 'BE',
      })
    ).json() as Organisation;
    const account = await admin('POST', '/api/accounts', {
      username: 'analyst-be',
      displayName: 'Analyst BE',
      role: 'data_user',
      // The demo password, so `hub.as` can sign the new account in.
      password: DEMO_PASSWORD,
    });
    expect(account.statusCode).toBe(201);
    const accountId = (account.json() as { id: string }).id;

    // Execute: verify (Art. 53(2)) and add the member
    const verified = await admin('POST', `/api/organisations/${org.id}/public-body`, { verified: true });
    expect(verified.json()).toMatchObject({ publicBodyVerified: true });
    expect((verified.json() as Organisation).publicBodyVerifiedAt).not.toBeNull();
    const member = await admin('POST', `/api/organisations/${org.id}/members`, {
      accountId,
      role: 'data_user',
    });
    expect(member.statusCode).toBe(201);
    expect(member.json()).toMatchObject({ username: 'analyst-be', role: 'data_user', current: true });

    // Assert: the member's principal carries the organisation and its status
    const me = await hub.as('analyst-be', { method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toMatchObject({
      organisationId: org.id,
      organisationKind: 'public_body',
      publicBodyVerified: true,
    });
    const members = await hub.as('hdab', { method: 'GET', url: `/api/organisations/${org.id}/members` });
    expect((members.json() as { members: { username: string }[] }).members.map((m) => m.username)).toEqual([
      'analyst-be',
    ]);

    // Withdrawing the verification shows at once.
    await admin('POST', `/api/organisations/${org.id}/public-body`, { verified: false });
    expect(
      (await hub.as('analyst-be', { method: 'GET', url: '/api/auth/me' })).json().publicBodyVerified,
    ).toBe(false);

    const removed = await admin('DELETE', `/api/organisations/${org.id}/members/${accountId}`);
    expect(removed.json()).toEqual({ removed: true });
    expect((await hub.as('analyst-be', { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      organisationId: null,
      role: 'data_user',
    });
    expect((await admin('DELETE', `/api/organisations/${org.id}/members/${accountId}`)).statusCode).toBe(404);
  });

  it('lets an account switch between its organisations, taking the role it has in each', async () => {
    // Prepare: the THL researcher also joins the Helsinki Biobank as a data holder
    const orgs = ((await admin('GET', '/api/organisations')).json() as { organisations: Organisation[] })
      .organisations;
    const biobank = orgs.find((o) => o.name === 'Helsinki Biobank (demo)')!;
    const [thlResearcher] = await hub.db.query<{ id: string }>(
      `SELECT id FROM account WHERE username = 'researcher-thl'`,
    );
    await admin('POST', `/api/organisations/${biobank.id}/members`, {
      accountId: thlResearcher!.id,
      role: 'data_holder',
    });
    const memberships = await hub.as('researcher-thl', { method: 'GET', url: '/api/auth/memberships' });
    const list = (memberships.json() as { memberships: { organisationName: string; current: boolean }[] })
      .memberships;
    expect(list.map((m) => [m.organisationName, m.current]).sort()).toEqual([
      ['Helsinki Biobank (demo)', false],
      [DEMO_PUBLIC_BODY.name, true],
    ]);

    // Execute
    const switched = await hub.as('researcher-thl', {
      method: 'POST',
      url: '/api/auth/acting-organisation',
      payload: { organisationId: biobank.id },
    });
    // Assert
    expect(switched.json()).toMatchObject({
      role: 'data_holder',
      organisationId: biobank.id,
      publicBodyVerified: false,
    });
    expect((await hub.as('researcher-thl', { method: 'GET', url: '/api/holder/nodes' })).statusCode).toBe(
      200,
    );

    // Not a member: refused.
    const hdabOrg = orgs.find((o) => o.kind === 'hdab')!;
    const refused = await hub.as('researcher-thl', {
      method: 'POST',
      url: '/api/auth/acting-organisation',
      payload: { organisationId: hdabOrg.id },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('does not let a password-only session act in a role that needs a second factor', async () => {
    const orgs = ((await admin('GET', '/api/organisations')).json() as { organisations: Organisation[] })
      .organisations;
    const hdabOrg = orgs.find((o) => o.kind === 'hdab')!;
    const [user] = await hub.db.query<{ id: string }>(`SELECT id FROM account WHERE username = 'user'`);
    await admin('POST', `/api/organisations/${hdabOrg.id}/members`, {
      accountId: user!.id,
      role: 'hdab_staff',
    });
    const res = await hub.as('user', {
      method: 'POST',
      url: '/api/auth/acting-organisation',
      payload: { organisationId: hdabOrg.id },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/authenticator code/);
  });

  it('lists accounts without secrets and enforces the password policy for new local accounts', async () => {
    const res = await admin('GET', '/api/accounts');
    const accounts = (res.json() as { accounts: { username: string; totp: string; hasPassword: boolean }[] })
      .accounts;
    expect(accounts.find((a) => a.username === 'admin')).toMatchObject({
      totp: 'confirmed',
      hasPassword: true,
    });
    expect(accounts.find((a) => a.username === 'citizen-test')).toMatchObject({
      totp: 'none',
      hasPassword: false,
    });
    expect(res.body).not.toMatch(/argon2|scrypt|secret/);

    const weak = await admin('POST', '/api/accounts', {
      username: 'X',
      displayName: 'x',
      role: 'citizen',
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect((weak.json() as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'password',
      'role',
      'username',
    ]);
    const taken = await admin('POST', '/api/accounts', {
      username: 'admin',
      displayName: 'Again',
      role: 'admin',
      password: 'a long enough password',
    });
    expect(taken.statusCode).toBe(409);
  });
});

// Migration 0004 on a store written before it: free-text kinds become known ones, memberships appear.
describe('identity migration', () => {
  it('normalises organisation kinds and creates memberships for existing accounts', async () => {
    const db = await openPglite();
    try {
      // Prepare: the store as of migration 0003, with rows written then
      await db.exec(`CREATE TABLE schema_migration (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      for (const m of listMigrations().filter((m) => m.version <= 3)) {
        await db.exec(m.sql);
        await db.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await db.exec(`
        INSERT INTO organisation (id, name, kind, country) VALUES
          ('00000000-0000-0000-0000-000000000001', 'A', 'Public body', 'FI'),
          ('00000000-0000-0000-0000-000000000002', 'B', 'biotech_company', 'FR'),
          ('00000000-0000-0000-0000-000000000003', 'C', 'hospital??', 'DE');
        INSERT INTO account (id, username, display_name, role, organisation_id, password_hash) VALUES
          ('00000000-0000-0000-0000-0000000000a1', 'u', 'U', 'data_user', '00000000-0000-0000-0000-000000000001', 'scrypt$x');`);
      // Execute
      await migrate(db);
      // Assert
      const kinds = await db.query<{ name: string; kind: string; public_body_verified: boolean }>(
        'SELECT name, kind, public_body_verified FROM organisation ORDER BY name',
      );
      expect(kinds).toEqual([
        { name: 'A', kind: 'public_body', public_body_verified: false },
        { name: 'B', kind: 'biotech_company', public_body_verified: false },
        { name: 'C', kind: 'data_holder', public_body_verified: false },
      ]);
      expect(await db.query('SELECT account_id, organisation_id, role FROM membership')).toEqual([
        {
          account_id: '00000000-0000-0000-0000-0000000000a1',
          organisation_id: '00000000-0000-0000-0000-000000000001',
          role: 'data_user',
        },
      ]);
    } finally {
      await db.close();
    }
  });
});
