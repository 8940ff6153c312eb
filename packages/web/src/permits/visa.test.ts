import { describe, expect, it } from 'vitest';
import { decodeSegment, decodeVisa, epochIso, expiryText } from './visa';

/** base64url of a JSON value, as a JWT segment. */
const seg = (v: unknown) =>
  Buffer.from(JSON.stringify(v), 'utf8')
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const header = {
  alg: 'ES256',
  typ: 'vnd.ga4gh.visa+jwt',
  kid: 'k1',
  jku: 'https://hub.example/.well-known/jwks.json',
};
const payload = {
  iss: 'https://hub.example',
  sub: 'https://orcid.org/0000-0002-1825-0097',
  iat: 1_800_000_000,
  exp: 1_800_003_600,
  jti: 'j-1',
  ga4gh_visa_v1: {
    type: 'ControlledAccessGrants',
    asserted: 1_799_000_000,
    value: 'https://hub.example/catalogue/datasets/fi-helsinki-biobank',
    source: 'https://hdab.example',
    by: 'dac',
  },
};

describe('decodeVisa', () => {
  it('reads the header, the claims and the ga4gh_visa_v1 of a visa without checking the signature', () => {
    const v = decodeVisa(`${seg(header)}.${seg(payload)}.c2lnbmF0dXJl`);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.header.typ).toBe('vnd.ga4gh.visa+jwt');
    expect(v.visa).toEqual(payload.ga4gh_visa_v1);
    expect([v.exp, v.sub, v.iss, v.jti]).toEqual([1_800_003_600, payload.sub, payload.iss, 'j-1']);
  });

  it('decodes UTF-8 text and base64url characters (- and _) correctly', () => {
    // "ü" and "?>" give bytes whose base64 holds + and /, which base64url writes as - and _.
    const v = decodeVisa(
      `${seg(header)}.${seg({ ...payload, ga4gh_visa_v1: { ...payload.ga4gh_visa_v1, source: 'Düsseldorf ?>?>' } })}.x`,
    );
    expect(v.ok && v.visa.source).toBe('Düsseldorf ?>?>');
    expect(decodeSegment(seg({ a: '~~~' }))).toEqual({ a: '~~~' });
  });

  it('says why a token cannot be read', () => {
    expect(decodeVisa('abc')).toEqual({ ok: false, reason: expect.stringMatching(/three parts/) });
    expect(decodeVisa('a+b.c.d')).toMatchObject({ ok: false, reason: expect.stringMatching(/base64url/) });
    expect(decodeVisa(`${seg(header)}.${seg({ sub: 'x' })}.s`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no ga4gh_visa_v1/),
    });
    expect(decodeVisa(`${seg(header)}.${seg([1, 2])}.s`).ok).toBe(false);
    const partial = { ...payload, ga4gh_visa_v1: { type: 'ControlledAccessGrants' } };
    expect(decodeVisa(`${seg(header)}.${seg(partial)}.s`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/lacks/),
    });
  });
});

describe('expiryText', () => {
  const now = new Date(1_800_000_000 * 1000);
  it('says how long a visa still holds, in the largest fitting unit', () => {
    expect(expiryText(1_800_000_000 + 30, now)).toBe('in 1 minute');
    expect(expiryText(1_800_000_000 + 3600, now)).toBe('in 60 minutes');
    expect(expiryText(1_800_000_000 + 5 * 3600, now)).toBe('in 5 hours');
    expect(expiryText(1_800_000_000 + 3 * 86_400, now)).toBe('in 3 days');
  });
  it('says "expired" at and after the expiry, and nothing without one', () => {
    expect(expiryText(1_800_000_000, now)).toBe('expired');
    expect(expiryText(1_799_999_000, now)).toBe('expired');
    expect(expiryText(null, now)).toBe('');
    expect(epochIso(1_800_000_000)).toBe('2027-01-15T08:00:00.000Z');
  });
});
