import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyVisa, VISA_TYP, type VisaJwk } from './auth-visa';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk: VisaJwk = { ...(publicKey.export({ format: 'jwk' }) as VisaJwk), kid: 'k1' };
const NOW = new Date('2027-03-01T12:00:00Z');
const t = NOW.getTime() / 1000;
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const claims = {
  iss: 'https://hub.example',
  sub: 'ada@uni.example',
  iat: t - 10,
  exp: t + 600,
  ga4gh_visa_v1: {
    type: 'ControlledAccessGrants',
    value: 'https://hub.example/catalogue/datasets/d1',
    by: 'dac',
  },
};

function es256(header: object, payload: object): string {
  const signing = `${b64(header)}.${b64(payload)}`;
  const sig = sign('sha256', Buffer.from(signing), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signing}.${sig.toString('base64url')}`;
}
const header = { alg: 'ES256', typ: VISA_TYP, kid: 'k1' };

describe('verifyVisa', () => {
  it('accepts a visa signed with the published key and returns its claims', () => {
    const v = verifyVisa(es256(header, claims), [jwk], 'https://hub.example/', NOW);
    expect(v).toMatchObject({
      iss: 'https://hub.example',
      sub: 'ada@uni.example',
      visa: claims.ga4gh_visa_v1,
    });
  });

  it('never lets the token choose a weaker algorithm (none, HS256 keyed with the public key)', () => {
    const none = `${b64({ ...header, alg: 'none' })}.${b64(claims)}.`;
    expect(() => verifyVisa(none, [jwk], null, NOW)).toThrow(/not a compact JWS/);
    expect(() => verifyVisa(`${none}x`, [jwk], null, NOW)).toThrow(/only ES256 or RS256/);
    const signing = `${b64({ ...header, alg: 'HS256' })}.${b64(claims)}`;
    const mac = createHmac('sha256', JSON.stringify(jwk)).update(signing).digest('base64url');
    expect(() => verifyVisa(`${signing}.${mac}`, [jwk], null, NOW)).toThrow(/only ES256 or RS256/);
  });

  it('refuses a changed payload, another key id, a missing typ, expiry, early use and another issuer', () => {
    const good = es256(header, claims);
    const [h, , s] = good.split('.');
    const forged = `${h}.${b64({ ...claims, sub: 'eve@uni.example' })}.${s}`;
    expect(() => verifyVisa(forged, [jwk], null, NOW)).toThrow(/does not verify/);
    expect(() => verifyVisa(es256({ ...header, kid: 'k2' }, claims), [jwk], null, NOW)).toThrow(
      /does not publish/,
    );
    expect(() => verifyVisa(es256({ alg: 'ES256', kid: 'k1' }, claims), [jwk], null, NOW)).toThrow(/typ/);
    expect(() => verifyVisa(es256(header, { ...claims, exp: t - 1 }), [jwk], null, NOW)).toThrow(/expired/);
    expect(() => verifyVisa(es256(header, { ...claims, nbf: t + 60 }), [jwk], null, NOW)).toThrow(
      /not valid yet/,
    );
    expect(() => verifyVisa(good, [jwk], 'https://other-hub.example', NOW)).toThrow(/another hub/);
  });

  it('refuses a signed token that carries no visa claim', () => {
    const { ga4gh_visa_v1: _v, ...bare } = claims;
    expect(() => verifyVisa(es256(header, bare), [jwk], null, NOW)).toThrow(/neither a hub access token nor/);
  });
});
