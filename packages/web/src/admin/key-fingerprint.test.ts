import { describe, expect, it } from 'vitest';
import { keyFingerprint } from './key-fingerprint';

describe('keyFingerprint', () => {
  it('strips PEM armour and shortens long keys', () => {
    const pem =
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAabcdefghijklmnop\nqrstuvwxyz012345=\n-----END PUBLIC KEY-----\n';
    expect(keyFingerprint(pem)).toBe('MCowBQYD…z012345=');
  });
  it('keeps short keys whole', () => {
    expect(keyFingerprint('abc def')).toBe('abcdef');
  });
});
