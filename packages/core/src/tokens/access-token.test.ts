import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAccessToken, verifyAccessToken } from './access-token';

describe('node access tokens', () => {
  const hub = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const now = new Date('2026-11-28T12:00:00Z');
  const claims = {
    sub: 'holder-fi',
    role: 'data_holder',
    aud: 'node-1',
    iat: now.getTime() / 1000,
    exp: now.getTime() / 1000 + 600,
  };

  it('verifies a token signed by the hub for this node', () => {
    const token = signAccessToken(hub.privateKey, claims);
    expect(verifyAccessToken(hub.publicKey, token, 'node-1', now).sub).toBe('holder-fi');
  });

  it('refuses another signer, another audience, expiry, tampering and alg none', () => {
    const token = signAccessToken(hub.privateKey, claims);
    expect(() => verifyAccessToken(other.publicKey, token, 'node-1', now)).toThrow(/does not verify/);
    expect(() => verifyAccessToken(hub.publicKey, token, 'node-2', now)).toThrow(/another node/);
    expect(() =>
      verifyAccessToken(hub.publicKey, token, 'node-1', new Date(now.getTime() + 601_000)),
    ).toThrow(/expired/);
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${s}`;
    expect(() => verifyAccessToken(hub.publicKey, forged, 'node-1', now)).toThrow(/does not verify/);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.`;
    expect(() => verifyAccessToken(hub.publicKey, none, 'node-1', now)).toThrow();
  });
});
