import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { unauthenticated } from '@openehds/core';

/**
 * Verification of a GA4GH visa (a JWS the hub signs, packages/server/src/permits/visas/passport.ts)
 * with node:crypto, so the node needs no JOSE library: the algorithm is never taken from the token
 * alone (only ES256 / RS256, the GA4GH AAI profile's), the key is chosen by `kid` from the hub's JWKS,
 * and `exp`, `nbf`, `iss` and `typ` are checked.
 */

/** A public JSON Web Key as a JWKS lists it. */
export type VisaJwk = JsonWebKey & { kid?: string; alg?: string; use?: string };

/** The GA4GH AAI visa `typ`. */
export const VISA_TYP = 'vnd.ga4gh.visa+jwt';

export interface VerifiedVisa {
  iss: string;
  sub: string;
  exp: number;
  jti?: string;
  visa: { type: string; value: string; source?: string; by?: string; asserted?: number };
}

const ALGORITHMS: Record<string, { hash: string; ec: boolean }> = {
  ES256: { hash: 'sha256', ec: true },
  RS256: { hash: 'sha256', ec: false },
};

const part = (text: string) =>
  JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<string, unknown>;

/** The header of a compact JWS, or null when it is not one. */
export function jwsHeader(token: string): Record<string, unknown> | null {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || signature === undefined) return null;
  try {
    return part(header);
  } catch {
    return null;
  }
}

/** Verifies one visa against `keys`; throws `unauthenticated` saying what failed. */
export function verifyVisa(
  token: string,
  keys: readonly VisaJwk[],
  issuer: string | null,
  now: Date,
): VerifiedVisa {
  const [h, p, s] = token.split('.');
  const header = jwsHeader(token);
  if (!header || !h || !p || !s) throw unauthenticated('a visa is not a compact JWS');
  const alg = ALGORITHMS[String(header.alg)];
  if (!alg)
    throw unauthenticated(`a visa is signed with ${String(header.alg)}; only ES256 or RS256 are accepted`);
  if (header.typ !== VISA_TYP) throw unauthenticated(`a visa must have typ ${VISA_TYP}`);
  const jwk = keys.find(
    (k) => (header.kid === undefined || k.kid === header.kid) && (k.kty === 'EC') === alg.ec,
  );
  if (!jwk) throw unauthenticated('a visa is signed with a key the hub does not publish');
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const ok = verify(
    alg.hash,
    Buffer.from(`${h}.${p}`),
    alg.ec ? { key, dsaEncoding: 'ieee-p1363' } : key,
    Buffer.from(s, 'base64url'),
  );
  if (!ok) throw unauthenticated('a visa signature does not verify');
  let claims: Record<string, unknown>;
  try {
    claims = part(p);
  } catch {
    throw unauthenticated('a visa payload is not JSON');
  }
  const seconds = now.getTime() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= seconds) throw unauthenticated('a visa has expired');
  if (typeof claims.nbf === 'number' && claims.nbf > seconds)
    throw unauthenticated('a visa is not valid yet');
  if (
    typeof claims.iss !== 'string' ||
    (issuer !== null && claims.iss.replace(/\/+$/, '') !== issuer.replace(/\/+$/, ''))
  )
    throw unauthenticated('a visa was issued by another hub');
  const visa = claims.ga4gh_visa_v1 as VerifiedVisa['visa'] | undefined;
  if (
    typeof claims.sub !== 'string' ||
    !visa ||
    typeof visa.type !== 'string' ||
    typeof visa.value !== 'string'
  )
    throw unauthenticated('a token is neither a hub access token nor a GA4GH visa');
  return {
    iss: claims.iss,
    sub: claims.sub,
    exp: claims.exp,
    ...(typeof claims.jti === 'string' ? { jti: claims.jti } : {}),
    visa,
  };
}
