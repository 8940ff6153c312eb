import { scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * OWASP Password Storage Cheat Sheet, first Argon2id option: m=19 MiB, t=2, p=1. `Algorithm` is a
 * const enum in the package's types, which isolated modules cannot inline, hence the literal 2.
 */
const ARGON2ID = 2 as Algorithm;
const ARGON2_PARAMS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

/** Hashes a password with Argon2id; the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) keeps the parameters. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

/** The outcome of a password check: whether it matched, and whether the stored hash should be replaced. */
export interface PasswordCheck {
  ok: boolean;
  /** The hash is of an older scheme (scrypt) or weaker parameters: store a fresh Argon2id hash. */
  rehash: boolean;
}

/** Checks a password against a stored Argon2id hash, or a legacy `scrypt$N$r$p$salt$hash` one. */
export async function checkPassword(password: string, stored: string): Promise<PasswordCheck> {
  if (stored.startsWith('$argon2id$')) {
    let ok = false;
    try {
      ok = await verify(stored, password);
    } catch {
      ok = false; // a corrupt hash matches nothing
    }
    return { ok, rehash: ok && !stored.startsWith(CURRENT_PREFIX) };
  }
  if (stored.startsWith('scrypt$')) {
    const ok = await verifyScrypt(password, stored);
    return { ok, rehash: ok };
  }
  return { ok: false, rehash: false };
}

/** Checks a password against a stored hash (see `checkPassword`). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  return (await checkPassword(password, stored)).ok;
}

const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;

// A valid Argon2id hash (of a throwaway password), verified when the username is unknown or the account
// has no password, so the answer takes as long as for a real account and does not reveal which usernames
// exist. A match against it signs nobody in: there is no account behind it.
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$P/PpdwJBuhtTNVyLZwf8Bw$ltDVZLAEcde1yLAL03ApCAvIsDQJw6Sqf0/k8B7vz0E';

const scryptAsync = promisify(scrypt) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

// Hashes written before the move to Argon2id (demo data dirs of earlier runs) still verify; the
// caller re-hashes them on the first successful sign-in.
async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, hashed] = stored.split('$');
  const N = Number(n);
  if (!salt || !hashed || !Number.isInteger(N) || N < 2 ** 14 || N > 2 ** 20) return false;
  const expected = Buffer.from(hashed, 'base64');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}
