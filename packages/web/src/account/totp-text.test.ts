import { describe, expect, it } from 'vitest';
import { groupSecret, normaliseCode, parseOtpauthUri } from './totp-text';

describe('groupSecret', () => {
  it('groups a base32 secret in fours for typing, ignoring spaces already there', () => {
    expect(groupSecret('OPENEHDS2DEMO2TOTP2SECRET2ABCDEF')).toBe('OPEN EHDS 2DEM O2TO TP2S ECRE T2AB CDEF');
    expect(groupSecret('ABCDE')).toBe('ABCD E');
    expect(groupSecret(' AB CD EF ')).toBe('ABCD EF');
    expect(groupSecret('')).toBe('');
    // Grouping only adds spaces: removing them gives the secret back.
    expect(groupSecret('JBSWY3DPEHPK3PXP').replace(/ /g, '')).toBe('JBSWY3DPEHPK3PXP');
  });
});

describe('parseOtpauthUri', () => {
  it('reads the URI the hub builds (issuer and account in the label, parameters spelled out)', () => {
    // The shape of packages/server/src/auth/totp.ts `otpauthUri`.
    const uri =
      'otpauth://totp/Finnish%20HDAB%20(demo):researcher-thl?secret=ABC&issuer=Finnish+HDAB+%28demo%29&algorithm=SHA1&digits=6&period=30';
    expect(parseOtpauthUri(uri)).toEqual({
      issuer: 'Finnish HDAB (demo)',
      account: 'researcher-thl',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('applies the authenticator apps’ defaults and refuses what is not a TOTP URI', () => {
    expect(parseOtpauthUri('otpauth://totp/alice?secret=ABC')).toEqual({
      issuer: null,
      account: 'alice',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    expect(parseOtpauthUri('otpauth://hotp/alice?secret=ABC')).toBeNull();
    expect(parseOtpauthUri('https://example.org/')).toBeNull();
    expect(parseOtpauthUri('otpauth://totp/%E0%A4%A?secret=x')).toBeNull();
  });
});

describe('normaliseCode', () => {
  it('accepts six digits, with spaces as apps show them, and nothing else', () => {
    expect(normaliseCode('123 456')).toEqual({ code: '123456', valid: true });
    expect(normaliseCode('12345')).toEqual({ code: '12345', valid: false });
    expect(normaliseCode('12345a')).toEqual({ code: '12345a', valid: false });
    expect(normaliseCode('1234567')).toEqual({ code: '1234567', valid: false });
  });
});
