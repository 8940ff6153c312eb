import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { unauthenticated } from '../errors/app-error';

/**
 * Short-lived access tokens the hub issues to a signed-in data holder for their own node's local API
 * (uploads, quality, description). The browser calls the node directly, so data never passes through
 * the hub; the node trusts the hub's Ed25519 key, learnt when it registered. Compact JWS (RFC 7515)
 * with `alg: EdDSA` (RFC 8037), so standard tooling can read them.
 */
export interface AccessTokenClaims {
  /** Account username. */
  sub: string;
  role: string;
  /** The node this token is for (audience). */
  aud: string;
  /** Issued-at and expiry, seconds since the epoch. */
  iat: number;
  exp: number;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function asKey(key: KeyObject | string, kind: 'private' | 'public'): KeyObject {
  if (typeof key !== 'string') return key;
  return kind === 'private' ? createPrivateKey(key) : createPublicKey(key);
}

/** Signs claims with the hub's Ed25519 private key (PEM or KeyObject). */
export function signAccessToken(privateKey: KeyObject | string, claims: AccessTokenClaims): string {
  const input = `${b64(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${b64(sign(null, Buffer.from(input), asKey(privateKey, 'private')))}`;
}

/** Verifies a token for `audience` at `now`; throws `unauthenticated` with the reason otherwise. */
export function verifyAccessToken(
  publicKey: KeyObject | string,
  token: string,
  audience: string,
  now: Date = new Date(),
): AccessTokenClaims {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) throw unauthenticated('malformed access token');
  let head: { alg?: string };
  let claims: AccessTokenClaims;
  try {
    head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw unauthenticated('malformed access token');
  }
  // Never let the token choose its algorithm (the classic `alg: none` attack).
  if (head.alg !== 'EdDSA') throw unauthenticated('access token must be signed with EdDSA');
  const ok = verify(
    null,
    Buffer.from(`${header}.${payload}`),
    asKey(publicKey, 'public'),
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw unauthenticated('access token signature does not verify');
  if (claims.aud !== audience) throw unauthenticated('access token is for another node');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) {
    throw unauthenticated('access token expired; reload the page to get a new one');
  }
  return claims;
}
