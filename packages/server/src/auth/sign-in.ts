import type { Db } from '@openehds/db';
import { AppError, invalid, unauthenticated } from '@openehds/core';
import { recordAudit } from '../audit/service';
import { challengeAccount, consumeChallenge, createChallenge, failChallenge } from './challenge';
import { TotpEnrolmentRequired } from './problems';
import { requiresMfa, type Principal } from './roles';
import {
  checkAccountPassword,
  principalOf,
  startSession,
  type AuthMethod,
  type StartedSession,
} from './service';
import { confirmTotpEnrolment, startTotpEnrolment, totpStatus, verifyTotp } from './totp-service';

/**
 * The sign-in steps: password, then a TOTP code where the role needs one or the account enrolled one.
 * Every completed or refused sign-in is audited with its method (never with a secret).
 */

/** A completed sign-in: the session and who it is. */
export interface SignedIn extends StartedSession {
  principal: Principal;
}

/** A password accepted, a second factor still to come. */
export interface MfaPending {
  mfaRequired: true;
  challenge: string;
  expiresAt: Date;
}

async function audit(
  db: Db,
  username: string,
  outcome: 'success' | 'denied',
  details: Record<string, unknown>,
) {
  await recordAudit(db, {
    actor: `account:${username}`,
    action: 'auth.sign-in',
    object: null,
    outcome,
    details,
  });
}

async function complete(db: Db, accountId: string, method: AuthMethod): Promise<SignedIn> {
  const session = await startSession(db, accountId, method);
  const principal = await principalOf(db, accountId);
  if (!principal) throw unauthenticated();
  return { ...session, principal };
}

/**
 * Step one. Roles that must use a second factor (and accounts that enrolled one) get a challenge for
 * `signInWithTotp`; staff without an authenticator get a problem carrying an enrolment challenge.
 */
export async function signInWithPassword(
  db: Db,
  input: { username: string; password: string },
): Promise<SignedIn | MfaPending> {
  let account;
  try {
    account = await checkAccountPassword(db, input);
  } catch (err) {
    await audit(db, input.username, 'denied', { method: 'password' });
    throw err;
  }
  const status = await totpStatus(db, account.id);
  if (status === 'confirmed') {
    const { challenge, expiresAt } = await createChallenge(db, account.id, 'totp');
    await recordAudit(db, {
      actor: `account:${account.username}`,
      action: 'auth.password',
      object: null,
      outcome: 'success',
      details: { method: 'password', next: 'totp' },
    });
    return { mfaRequired: true, challenge, expiresAt };
  }
  if (requiresMfa(account.role)) {
    const { challenge } = await createChallenge(db, account.id, 'enrol');
    await audit(db, account.username, 'denied', { method: 'password', reason: 'totp-enrolment-required' });
    throw new TotpEnrolmentRequired(challenge, account.role);
  }
  const signedIn = await complete(db, account.id, 'password');
  await audit(db, account.username, 'success', { method: 'password' });
  return signedIn;
}

async function usernameOf(db: Db, accountId: string): Promise<string> {
  const [row] = await db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [
    accountId,
  ]);
  return row?.username ?? `id:${accountId}`;
}

/** Step two: the challenge from step one and a current code; a code is accepted once. */
export async function signInWithTotp(
  db: Db,
  input: { challenge: string; code: string },
  nowMs: number,
): Promise<SignedIn> {
  const accountId = await challengeAccount(db, input.challenge, 'totp');
  const username = await usernameOf(db, accountId);
  if (!(await verifyTotp(db, accountId, input.code, nowMs))) {
    await failChallenge(db, input.challenge);
    await audit(db, username, 'denied', { method: 'totp' });
    throw unauthenticated('wrong, expired or already used authenticator code; enter the current code');
  }
  if (!(await consumeChallenge(db, input.challenge))) {
    throw unauthenticated('this sign-in step was already completed; sign in again');
  }
  const signedIn = await complete(db, accountId, 'totp');
  await audit(db, username, 'success', { method: 'totp' });
  return signedIn;
}

/** Enrolment at sign-in (staff without an authenticator): a fresh secret for the enrolment challenge. */
export async function startEnrolmentAtSignIn(
  db: Db,
  challenge: string,
  issuer: string,
): Promise<{ secret: string; otpauthUri: string }> {
  const accountId = await challengeAccount(db, challenge, 'enrol');
  return startTotpEnrolment(db, { id: accountId, username: await usernameOf(db, accountId) }, issuer);
}

/** Confirms enrolment at sign-in with a first code, which also completes the sign-in. */
export async function confirmEnrolmentAtSignIn(
  db: Db,
  input: { challenge: string; code: string },
  nowMs: number,
): Promise<SignedIn> {
  const accountId = await challengeAccount(db, input.challenge, 'enrol');
  const username = await usernameOf(db, accountId);
  try {
    await confirmTotpEnrolment(db, accountId, input.code, nowMs);
  } catch (err) {
    if (err instanceof AppError && err.kind === 'invalid') await failChallenge(db, input.challenge);
    await audit(db, username, 'denied', { method: 'totp', enrolment: true });
    throw err;
  }
  if (!(await consumeChallenge(db, input.challenge))) {
    throw invalid('this enrolment was already completed; sign in again');
  }
  await recordAudit(db, {
    actor: `account:${username}`,
    action: 'auth.totp-enrol',
    object: `account:${accountId}`,
    outcome: 'success',
  });
  const signedIn = await complete(db, accountId, 'totp');
  await audit(db, username, 'success', { method: 'totp', enrolment: true });
  return signedIn;
}
