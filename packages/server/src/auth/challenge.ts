import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@openehds/db';
import { unauthenticated } from '@openehds/core';

/** What a challenge lets its holder do next: prove a TOTP code, or enrol a TOTP authenticator. */
export type ChallengePurpose = 'totp' | 'enrol';

const LIFETIME_MINUTES: Record<ChallengePurpose, number> = { totp: 5, enrol: 15 };
/** Wrong codes allowed per challenge; then the password must be given again (RFC 4226 §7.3 throttling). */
export const MAX_CHALLENGE_ATTEMPTS = 5;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues a short-lived challenge after a correct password; only its hash is stored. */
export async function createChallenge(
  db: Db,
  accountId: string,
  purpose: ChallengePurpose,
): Promise<{ challenge: string; expiresAt: Date }> {
  const challenge = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + LIFETIME_MINUTES[purpose] * 60_000);
  // Expired challenges of anyone are pruned as new ones are made.
  await db.query('DELETE FROM auth_challenge WHERE expires_at < now()');
  await db.query(
    'INSERT INTO auth_challenge (token_hash, account_id, purpose, expires_at) VALUES ($1, $2, $3, $4)',
    [hashOf(challenge), accountId, purpose, expiresAt.toISOString()],
  );
  return { challenge, expiresAt };
}

/** The account a live challenge of this purpose belongs to; 401 when unknown, used up or expired. */
export async function challengeAccount(
  db: Db,
  challenge: string,
  purpose: ChallengePurpose,
): Promise<string> {
  const [row] = await db.query<{ account_id: string }>(
    `SELECT account_id FROM auth_challenge
     WHERE token_hash = $1 AND purpose = $2 AND expires_at > now() AND attempts < $3`,
    [hashOf(challenge), purpose, MAX_CHALLENGE_ATTEMPTS],
  );
  if (!row)
    throw unauthenticated('this sign-in step has expired or was used up; sign in again with your password');
  return row.account_id;
}

/** Counts a wrong code against the challenge. */
export async function failChallenge(db: Db, challenge: string): Promise<void> {
  await db.query('UPDATE auth_challenge SET attempts = attempts + 1 WHERE token_hash = $1', [
    hashOf(challenge),
  ]);
}

/** Uses the challenge up (single use); false when it was already used by a concurrent request. */
export async function consumeChallenge(db: Db, challenge: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM auth_challenge WHERE token_hash = $1 RETURNING account_id', [
    hashOf(challenge),
  ]);
  return rows.length > 0;
}
