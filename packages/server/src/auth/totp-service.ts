import type { Db } from '@openehds/db';
import { conflict, invalid } from '@openehds/core';
import { generateTotpSecret, matchTotp, otpauthUri } from './totp';

/** Whether an account has a TOTP authenticator: none, enrolment started, or confirmed. */
export type TotpStatus = 'none' | 'pending' | 'confirmed';

/** The TOTP status of an account. */
export async function totpStatus(db: Db, accountId: string): Promise<TotpStatus> {
  const [row] = await db.query<{ confirmed_at: unknown }>(
    'SELECT confirmed_at FROM account_totp WHERE account_id = $1',
    [accountId],
  );
  if (!row) return 'none';
  return row.confirmed_at ? 'confirmed' : 'pending';
}

/**
 * Starts (or restarts) enrolment: a fresh secret, kept pending until a code proves the authenticator
 * holds it. A confirmed authenticator is never replaced this way; an administrator resets it first.
 */
export async function startTotpEnrolment(
  db: Db,
  account: { id: string; username: string },
  issuer: string,
): Promise<{ secret: string; otpauthUri: string }> {
  if ((await totpStatus(db, account.id)) === 'confirmed') {
    throw conflict('an authenticator is already enrolled for this account; an administrator can reset it');
  }
  const secret = generateTotpSecret();
  await db.query(
    `INSERT INTO account_totp (account_id, secret) VALUES ($1, $2)
     ON CONFLICT (account_id) DO UPDATE SET secret = EXCLUDED.secret, confirmed_at = NULL, last_step = -1, created_at = now()`,
    [account.id, secret],
  );
  return { secret, otpauthUri: otpauthUri({ issuer, accountName: account.username, secret }) };
}

/** Confirms a pending enrolment with a code from the authenticator; that code cannot be used again. */
export async function confirmTotpEnrolment(
  db: Db,
  accountId: string,
  code: string,
  nowMs: number,
): Promise<void> {
  const [row] = await db.query<{ secret: string }>(
    'SELECT secret FROM account_totp WHERE account_id = $1 AND confirmed_at IS NULL',
    [accountId],
  );
  if (!row)
    throw conflict('no authenticator enrolment is waiting for confirmation; start the enrolment first');
  const step = matchTotp(row.secret, code, nowMs);
  if (step === null) {
    throw invalid('the code does not match; check the time on your device and enter the current code', [
      { path: 'code', message: 'wrong or expired code' },
    ]);
  }
  await db.query('UPDATE account_totp SET confirmed_at = now(), last_step = $2 WHERE account_id = $1', [
    accountId,
    step,
  ]);
}

/**
 * Checks a code of a confirmed authenticator. A code is accepted once: the step it matched must be
 * later than the last accepted one (RFC 6238 §5.2), checked and recorded in one statement so two
 * concurrent requests with the same code cannot both pass.
 */
export async function verifyTotp(db: Db, accountId: string, code: string, nowMs: number): Promise<boolean> {
  const [row] = await db.query<{ secret: string }>(
    'SELECT secret FROM account_totp WHERE account_id = $1 AND confirmed_at IS NOT NULL',
    [accountId],
  );
  if (!row) return false;
  const step = matchTotp(row.secret, code, nowMs);
  if (step === null) return false;
  const updated = await db.query(
    'UPDATE account_totp SET last_step = $2 WHERE account_id = $1 AND last_step < $2 RETURNING account_id',
    [accountId, step],
  );
  return updated.length === 1;
}

/** Enrols a known secret as confirmed (the demo seed's documented secret). */
export async function enrolTotpSecret(db: Db, accountId: string, secret: string): Promise<void> {
  await db.query(
    `INSERT INTO account_totp (account_id, secret, confirmed_at) VALUES ($1, $2, now())
     ON CONFLICT (account_id) DO NOTHING`,
    [accountId, secret],
  );
}

/** Removes an account's authenticator (an administrator's reset after a lost device). */
export async function resetTotp(db: Db, accountId: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM account_totp WHERE account_id = $1 RETURNING account_id', [
    accountId,
  ]);
  return rows.length > 0;
}
