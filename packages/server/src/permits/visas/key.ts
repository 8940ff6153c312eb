import type { Db } from '@openehds/db';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';

/** The visa signing key: ES256 (P-256), its JWK thumbprint as `kid` (RFC 7638). */
export interface VisaKey {
  kid: string;
  /** The public JWK as the JWKS endpoint serves it (`kid`, `alg`, `use` set). */
  publicJwk: JWK;
  privateKey: CryptoKey;
}

/** The signing algorithm of visas: the GA4GH AAI profile allows RS256 and ES256. */
export const VISA_ALG = 'ES256';

const cache = new WeakMap<Db, Promise<VisaKey>>();

/**
 * The hub's GA4GH visa signing key, created on first use and kept in the store like the hub's task key
 * (so every hub process sharing one store signs with it); a dedicated key, so rotating it never
 * touches node trust. `ON CONFLICT DO NOTHING` then a read makes two starting processes agree.
 */
export function visaKey(db: Db): Promise<VisaKey> {
  let pending = cache.get(db);
  if (!pending) {
    pending = loadOrCreate(db);
    pending.catch(() => cache.delete(db));
    cache.set(db, pending);
  }
  return pending;
}

async function loadOrCreate(db: Db): Promise<VisaKey> {
  const [known] = await db.query<{ kid: string }>(`SELECT kid FROM visa_key WHERE id = 'current'`);
  if (!known) {
    const pair = await generateKeyPair(VISA_ALG, { extractable: true });
    const publicJwk = await exportJWK(pair.publicKey);
    const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
    await db.query(
      `INSERT INTO visa_key (id, kid, public_jwk, private_jwk) VALUES ('current', $1, $2::jsonb, $3::jsonb) ON CONFLICT (id) DO NOTHING`,
      [
        kid,
        JSON.stringify({ ...publicJwk, kid, alg: VISA_ALG, use: 'sig' }),
        JSON.stringify(await exportJWK(pair.privateKey)),
      ],
    );
  }
  const [row] = await db.query<{ kid: string; public_jwk: JWK; private_jwk: JWK }>(
    `SELECT kid, public_jwk, private_jwk FROM visa_key WHERE id = 'current'`,
  );
  if (!row) throw new Error('the visa signing key could not be stored');
  const privateKey = (await importJWK(row.private_jwk, VISA_ALG)) as CryptoKey;
  return { kid: row.kid, publicJwk: row.public_jwk, privateKey };
}

/** The public JSON Web Key Set verifiers fetch from `/.well-known/jwks.json` (RFC 7517). */
export async function visaJwks(db: Db): Promise<{ keys: JWK[] }> {
  return { keys: [(await visaKey(db)).publicJwk] };
}
