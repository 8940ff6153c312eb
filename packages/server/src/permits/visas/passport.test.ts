import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { createAccount } from '../../auth/service';
import { datasetIri } from '../../catalogue/service';
import { DEMO_PASSWORD } from '../../demo/seed';
import { createTestHub, type TestHub } from '../../http/test-hub';
import { grantTestPermit } from '../test-support';

const DAY = 86_400_000;
const ORCID = '0000-0002-1825-0097';

// GA4GH Passport v1.2 ControlledAccessGrants visas for the persons of active permits.
describe('GA4GH passport visas', () => {
  let hub: TestHub;
  let jwks: ReturnType<typeof createLocalJWKSet>;
  const json = { 'x-requested-with': 'test' };
  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    hub.as(who, {
      method,
      url,
      headers: json,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const passport = async (who: string) =>
    (await as(who, 'GET', '/api/passport')).json().ga4gh_passport_v1 as string[];
  const verify = (visa: string) =>
    jwtVerify(visa, jwks, { issuer: hub.config.publicUrl, typ: 'vnd.ga4gh.visa+jwt', algorithms: ['ES256'] });
  const revoked = async () =>
    (await hub.app.inject({ method: 'GET', url: '/api/permits/visas/revoked' })).json().revoked as {
      jti: string;
      reason: string;
    }[];

  beforeAll(async () => {
    hub = await createTestHub({ visaLifetimeSeconds: 600 });
    // A person known by e-mail (the username) and one known by ORCID (a linked ORCID sign-in).
    await createAccount(hub.db, {
      username: 'ada@example.org',
      displayName: 'Ada',
      role: 'data_user',
      organisationId: null,
      password: DEMO_PASSWORD,
    });
    const bob = await createAccount(hub.db, {
      username: 'bob',
      displayName: 'Bob',
      role: 'data_user',
      organisationId: null,
      password: DEMO_PASSWORD,
    });
    await hub.db.query(
      `INSERT INTO external_identity (issuer, subject, provider_id, account_id) VALUES ('https://orcid.org', $1, 'orcid', $2)`,
      [ORCID, bob],
    );
    // Verifiers get the keys from the public JWKS endpoint.
    const res = await hub.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(res.statusCode).toBe(200);
    const set = res.json() as JSONWebKeySet;
    expect(set.keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' }),
    ]);
    expect(set.keys[0]).not.toHaveProperty('d');
    jwks = createLocalJWKSet(set);
  });
  afterAll(() => hub?.close());

  it('issues verifiable visas for active permits only, and lists those of revoked permits', async () => {
    // Prepare: an active permit naming Ada (e-mail) and Bob (ORCID), over two datasets
    const validUntil = new Date(Date.now() + 200 * DAY).toISOString();
    const permit = await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [
        { datasetId: 'fi-biobank', country: 'FI' },
        { datasetId: 'fi-registry', country: 'FI' },
      ],
      persons: [
        { name: 'Ada', email: 'Ada@Example.org', role: 'principal_investigator' },
        { name: 'Bob', email: 'bob@elsewhere.example', role: 'researcher', orcid: ORCID },
      ],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil,
    });
    // A permit whose access period has not begun gives no visa.
    await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'later', country: 'FI' }],
      persons: [{ name: 'Ada', email: 'ada@example.org', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() + 30 * DAY).toISOString(),
      validUntil: new Date(Date.now() + 60 * DAY).toISOString(),
    });

    // Execute
    const ada = await passport('ada@example.org');
    const bob = await passport('bob');

    // Assert: one visa per dataset, each verifying against the JWKS, with the GA4GH claims
    expect(ada).toHaveLength(2);
    expect(bob).toHaveLength(2);
    const claims = await Promise.all(ada.map(async (v) => (await verify(v)).payload));
    expect(claims.map((c) => (c.ga4gh_visa_v1 as { value: string }).value).sort()).toEqual(
      [datasetIri(hub.config, 'fi-biobank'), datasetIri(hub.config, 'fi-registry')].sort(),
    );
    for (const c of claims) {
      expect(c).toMatchObject({
        iss: hub.config.publicUrl,
        sub: 'ada@example.org',
        ga4gh_visa_v1: {
          type: 'ControlledAccessGrants',
          source: hub.config.hdab.url,
          by: 'dac',
          asserted: Math.floor(Date.parse(permit.activeFrom) / 1000),
        },
      });
      expect(c.exp! - c.iat!).toBe(600);
      expect(c.jti).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(decodeProtectedHeader(ada[0]!)).toMatchObject({
      alg: 'ES256',
      jku: `${hub.config.publicUrl}/.well-known/jwks.json`,
    });
    expect((await verify(bob[0]!)).payload.sub).toBe(`https://orcid.org/${ORCID}`);
    expect(await passport('user')).toEqual([]);
    expect(await revoked()).toEqual([]);

    // Revocation: no new visa, and the issued ones are listed until they expire.
    await as('hdab', 'POST', `/api/permits/${permit.id}/revoke`, { reason: 'Breach of conditions.' });
    expect(await passport('ada@example.org')).toEqual([]);
    const jtis = await Promise.all([...ada, ...bob].map(async (v) => (await verify(v)).payload.jti));
    const listed = await revoked();
    expect(listed.map((r) => r.jti).sort()).toEqual([...jtis].sort());
    expect(new Set(listed.map((r) => r.reason))).toEqual(new Set(['REVOKED']));
  });

  it("matches an account by its e-mail address: the demo user is her application's principal investigator", async () => {
    await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-marie', country: 'FI' }],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: new Date(Date.now() + 100 * DAY).toISOString(),
    });
    const visas = await passport('user');
    expect(visas).toHaveLength(1);
    expect((await verify(visas[0]!)).payload.sub).toBe('marie@bionova.example');
  });

  it('lists the visas of a person an amendment removed, not those of persons who stay', async () => {
    const permit = await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-cohort', country: 'FI' }],
      persons: [
        { name: 'Ada', email: 'ada@example.org', role: 'principal_investigator' },
        { name: 'Bob', email: 'bob@elsewhere.example', role: 'researcher', orcid: ORCID },
      ],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: new Date(Date.now() + 100 * DAY).toISOString(),
    });
    const [adaVisa] = await passport('ada@example.org');
    const [bobVisa] = await passport('bob');
    const amended = await as('hdab', 'POST', `/api/permits/${permit.id}/amend`, {
      reason: 'Bob left the project.',
      persons: [{ name: 'Ada', email: 'ada@example.org', role: 'principal_investigator' }],
    });
    expect(amended.statusCode).toBe(201);

    const listed = await revoked();
    const bobJti = (await verify(bobVisa!)).payload.jti;
    const adaJti = (await verify(adaVisa!)).payload.jti;
    expect(listed).toContainEqual(expect.objectContaining({ jti: bobJti, reason: 'NO_LONGER_GRANTED' }));
    expect(listed.map((r) => r.jti)).not.toContain(adaJti);
    expect(await passport('bob')).toEqual([]);
    expect(await passport('ada@example.org')).toHaveLength(1);
  });

  it('never lets a visa outlive its permit', async () => {
    const validUntil = new Date(Date.now() + 120_000);
    await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'short-study', country: 'FI' }],
      persons: [
        { name: 'Bob', email: 'bob@elsewhere.example', role: 'principal_investigator', orcid: ORCID },
      ],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: validUntil.toISOString(),
    });
    const visas = await Promise.all((await passport('bob')).map(async (v) => (await verify(v)).payload));
    const short = visas.find((c) => (c.ga4gh_visa_v1 as { value: string }).value.endsWith('/short-study'));
    expect(short!.exp).toBe(Math.floor(validUntil.getTime() / 1000));
  });
});
