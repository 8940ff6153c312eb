import { randomBytes } from 'node:crypto';
import type { Db } from '@openehds/db';
import { hashToken } from '../service';
import type { OidcChecks } from './client';

/**
 * Sign-ins in flight, kept at the hub (not in the browser): state, nonce and PKCE verifier, bound to
 * the browser that started them by the hash of a cookie. Each is used once and lives ten minutes.
 */
const LIFETIME_MINUTES = 10;

/** A sign-in in flight as the callback finds it. */
export interface PendingLogin extends OidcChecks {
  providerId: string;
  returnTo: string;
}

/** Stores a started sign-in; returns the binding value for the browser's cookie. */
export async function saveLogin(db: Db, login: PendingLogin): Promise<string> {
  const binding = randomBytes(32).toString('base64url');
  await db.query('DELETE FROM oidc_login WHERE expires_at < now()');
  await db.query(
    `INSERT INTO oidc_login (state_hash, binding_hash, provider_id, code_verifier, nonce, return_to, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
    [
      hashToken(login.state),
      hashToken(binding),
      login.providerId,
      login.codeVerifier,
      login.nonce,
      login.returnTo,
      LIFETIME_MINUTES,
    ],
  );
  return binding;
}

/**
 * Takes (and so uses up) the sign-in a callback answers: it must exist, be live, belong to this
 * provider and to this browser. A state from another browser (login CSRF) finds nothing.
 */
export async function takeLogin(
  db: Db,
  input: { state: string; binding: string | undefined; providerId: string },
): Promise<PendingLogin | null> {
  if (!input.binding) return null;
  const [row] = await db.query<Record<string, string>>(
    `DELETE FROM oidc_login
     WHERE state_hash = $1 AND binding_hash = $2 AND provider_id = $3 AND expires_at > now()
     RETURNING provider_id, code_verifier, nonce, return_to`,
    [hashToken(input.state), hashToken(input.binding), input.providerId],
  );
  if (!row) return null;
  return {
    state: input.state,
    nonce: row.nonce!,
    codeVerifier: row.code_verifier!,
    providerId: row.provider_id!,
    returnTo: row.return_to!,
  };
}
