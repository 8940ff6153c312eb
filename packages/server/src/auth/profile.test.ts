import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, TEST_CITIZEN, type TestHub } from '../http/test-hub';
import type { AccountProfile } from './profile';

// "My account": a signed-in person reads their own account, with e-mail and second-factor status.
describe('GET /api/auth/account', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it("answers the caller's own account with e-mail, organisation and second-factor status", async () => {
    const res = await hub.as('user', { method: 'GET', url: '/api/auth/account' });
    expect(res.statusCode).toBe(200);
    const profile = res.json() as AccountProfile;
    expect(profile).toMatchObject({
      username: 'user',
      displayName: 'Marie Dubois (BioNova SAS)',
      email: 'marie@bionova.example',
      role: 'data_user',
      organisationKind: 'biotech_company',
      publicBodyVerified: false,
      hasPassword: true,
      totp: 'none',
      externalIdentities: 0,
    });
    expect(profile.organisationName).toBeTruthy();
    // Never a secret: no password hash, no TOTP secret.
    expect(res.body).not.toMatch(/argon2|scrypt|secret|password_hash/i);

    const staff = (
      await hub.as('hdab', { method: 'GET', url: '/api/auth/account' })
    ).json() as AccountProfile;
    expect(staff).toMatchObject({ username: 'hdab', role: 'hdab_staff', totp: 'confirmed', email: null });
  });

  it('follows a started enrolment (pending) and never shows a citizen’s pseudonym', async () => {
    await hub.as('researcher-thl', { method: 'POST', url: '/api/auth/totp/enrol', payload: {} });
    const pending = await hub.as('researcher-thl', { method: 'GET', url: '/api/auth/account' });
    expect((pending.json() as AccountProfile).totp).toBe('pending');

    const citizen = await hub.as(TEST_CITIZEN.username, { method: 'GET', url: '/api/auth/account' });
    expect(citizen.statusCode).toBe(200);
    expect(citizen.json()).toMatchObject({
      role: 'citizen',
      email: null,
      organisationId: null,
      hasPassword: false,
    });
    const [row] = await hub.db.query<{ citizen_pseudonym: string }>(
      'SELECT citizen_pseudonym FROM account WHERE username = $1',
      [TEST_CITIZEN.username],
    );
    expect(row!.citizen_pseudonym).toBeTruthy();
    expect(citizen.body).not.toContain(row!.citizen_pseudonym);
  });

  it('refuses anonymous callers', async () => {
    const res = await hub.as(null, { method: 'GET', url: '/api/auth/account' });
    expect(res.statusCode).toBe(401);
  });
});
