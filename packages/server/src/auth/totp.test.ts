import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  matchTotp,
  otpauthUri,
  totpCode,
  totpStep,
} from './totp';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [seconds: number, code8: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('reproduces the RFC 6238 SHA-1 test vectors (8 digits) and their 6-digit truncation', () => {
    const secret = base32Encode(RFC_SEED);
    for (const [seconds, code8] of RFC_VECTORS) {
      expect(hotp(RFC_SEED, totpStep(seconds * 1000), 8), `T=${seconds}`).toBe(code8);
      // 6 digits is the same truncated value modulo 10^6.
      expect(totpCode(secret, seconds * 1000), `T=${seconds}`).toBe(code8.slice(2));
    }
  });

  it('reproduces the RFC 4226 HOTP test vectors', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expected.forEach((code, counter) => expect(hotp(RFC_SEED, counter)).toBe(code));
  });

  it('round-trips base32 and reads the RFC 4648 examples', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('accepts one step of drift either side and tells which step matched', () => {
    const secret = base32Encode(RFC_SEED);
    const t = 1111111111 * 1000;
    const step = totpStep(t);
    expect(matchTotp(secret, totpCode(secret, t), t)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, t - 30_000), t)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, t + 30_000), t)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, t - 60_000), t)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, t + 60_000), t)).toBeNull();
    expect(matchTotp(secret, '12345', t)).toBeNull();
    expect(matchTotp(secret, 'abcdef', t)).toBeNull();
  });

  it('builds an otpauth:// enrolment URI authenticator apps understand', () => {
    const uri = new URL(
      otpauthUri({ issuer: 'OpenEHDS hub', accountName: 'eva@hdab', secret: 'JBSWY3DPEHPK3PXP' }),
    );
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/OpenEHDS hub:eva@hdab');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'OpenEHDS hub',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
