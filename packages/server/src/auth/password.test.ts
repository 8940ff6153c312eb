import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPassword, DUMMY_HASH, hashPassword, verifyPassword } from './password';

/** A hash as the hub wrote it before Argon2id (scrypt N=2^17, r=8, p=1). */
function legacyScrypt(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return ['scrypt', 2 ** 17, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$');
}

describe('passwords', () => {
  it('hashes with Argon2id at the OWASP parameters, salted', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await checkPassword('correct horse', a)).toEqual({ ok: true, rehash: false });
    expect(await checkPassword('correct horsE', a)).toEqual({ ok: false, rehash: false });
  });

  it('still verifies scrypt hashes of earlier runs and asks for a re-hash', async () => {
    const old = legacyScrypt('demo-password');
    expect(await checkPassword('demo-password', old)).toEqual({ ok: true, rehash: true });
    expect(await checkPassword('wrong', old)).toEqual({ ok: false, rehash: false });
  });

  it('asks for a re-hash of Argon2id hashes with weaker parameters', async () => {
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash('pw', { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(await checkPassword('pw', weak)).toEqual({ ok: true, rehash: true });
  });

  it('matches nothing for unknown schemes or corrupt hashes', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '$argon2id$garbage')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('demo-password', DUMMY_HASH)).toBe(false);
  });
});
