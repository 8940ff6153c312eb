import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { unauthenticated } from '@openehds/core';
import { checkPassword, DUMMY_HASH, hashPassword } from './password';
import { requiresMfa, type Principal, type Role } from './roles';

const SESSION_MAX_HOURS = 12;

/** How a session was started; roles that need a second factor act only through 'totp' sessions. */
export type AuthMethod = 'password' | 'totp' | 'oidc' | 'direct';

/** SHA-256 of a bearer secret (session, challenge, API token): only hashes are stored. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** An account whose password matched. */
export interface PasswordAccount {
  id: string;
  username: string;
  role: Role;
}

/**
 * Checks username and password. Unknown usernames and password-less accounts (citizens, OIDC users)
 * are verified against a dummy hash, so timing does not reveal which usernames exist. A matching hash
 * of an older scheme (scrypt) is replaced by an Argon2id one.
 */
export async function checkAccountPassword(
  db: Db,
  input: { username: string; password: string },
): Promise<PasswordAccount> {
  const [account] = await db.query<{
    id: string;
    username: string;
    role: Role;
    password_hash: string | null;
  }>('SELECT id, username, role, password_hash FROM account WHERE username = $1', [input.username]);
  const { ok, rehash } = await checkPassword(input.password, account?.password_hash ?? DUMMY_HASH);
  if (!account?.password_hash || !ok) throw unauthenticated('unknown username or wrong password');
  if (rehash) {
    await db.query('UPDATE account SET password_hash = $2 WHERE id = $1', [
      account.id,
      await hashPassword(input.password),
    ]);
  }
  return { id: account.id, username: account.username, role: account.role };
}

/** A started session: the opaque token (only its hash is stored) and when it ends at the latest. */
export interface StartedSession {
  token: string;
  expiresAt: Date;
}

/** Starts a session for an account whose identity was proven by `method`. */
export async function startSession(db: Db, accountId: string, method: AuthMethod): Promise<StartedSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_MAX_HOURS * 3600_000);
  await db.query(
    'INSERT INTO session (token_hash, account_id, expires_at, auth_method) VALUES ($1, $2, $3, $4)',
    [hashToken(token), accountId, expiresAt.toISOString(), method],
  );
  return { token, expiresAt };
}

/** Why a session token gives no principal. */
export type SessionRefusal = 'unknown' | 'mfa-required';

/**
 * The principal of a live session, touching its idle timer. A session of a role that needs a second
 * factor is refused unless it was started with one (e.g. the role came later through a membership).
 */
export async function lookupSession(
  db: Db,
  token: string,
  idleMinutes: number,
): Promise<Principal | SessionRefusal> {
  const rows = await db.query<{ account_id: string; auth_method: string }>(
    `UPDATE session SET last_seen_at = now()
     WHERE token_hash = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
     RETURNING account_id, auth_method`,
    [hashToken(token), idleMinutes],
  );
  const row = rows[0];
  if (!row) return 'unknown';
  const principal = await principalOf(db, row.account_id);
  if (!principal) return 'unknown';
  if (requiresMfa(principal.role) && row.auth_method !== 'totp') return 'mfa-required';
  return principal;
}

/** The principal of a live session, touching its idle timer; null when unknown, expired, idle or refused. */
export async function sessionPrincipal(
  db: Db,
  token: string,
  idleMinutes: number,
): Promise<Principal | null> {
  const found = await lookupSession(db, token, idleMinutes);
  return typeof found === 'string' ? null : found;
}

/** How a live session was started (null for an unknown one). */
export async function sessionMethod(db: Db, token: string): Promise<AuthMethod | null> {
  const [row] = await db.query<{ auth_method: AuthMethod }>(
    'SELECT auth_method FROM session WHERE token_hash = $1',
    [hashToken(token)],
  );
  return row?.auth_method ?? null;
}

/** Ends a session. */
export async function signOut(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM session WHERE token_hash = $1', [hashToken(token)]);
}

/** Loads the principal for an account id. */
export async function principalOf(db: Queryable, accountId: string): Promise<Principal | null> {
  const [a] = await db.query<Record<string, unknown>>(
    `SELECT a.id, a.username, a.display_name, a.role, a.organisation_id, a.citizen_pseudonym,
            o.name AS organisation_name, o.kind AS organisation_kind,
            COALESCE(o.public_body_verified, false) AS public_body_verified,
            COALESCE((SELECT array_agg(n.id::text) FROM node n WHERE n.organisation_id = a.organisation_id), '{}') AS node_ids
     FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id WHERE a.id = $1`,
    [accountId],
  );
  if (!a) return null;
  const role = a.role as Role;
  return {
    accountId: a.id as string,
    username: a.username as string,
    displayName: a.display_name as string,
    role,
    organisationId: (a.organisation_id as string | null) ?? null,
    organisationName: (a.organisation_name as string | null) ?? null,
    organisationKind: (a.organisation_kind as string | null) ?? null,
    publicBodyVerified: a.public_body_verified === true,
    nodeIds: (a.node_ids as string[]) ?? [],
    ...(role === 'citizen' && a.citizen_pseudonym ? { citizenPseudonym: a.citizen_pseudonym as string } : {}),
  };
}

/** What it takes to create an account. */
export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  /** Omitted for accounts that sign in only through an identity provider. */
  password?: string;
  citizenPseudonym?: string;
  /** How the person is named in applications and permits (matching to authorised persons). */
  email?: string;
}

/**
 * Creates an account (demo seed, admins, first OIDC sign-in). An account with an organisation also
 * gets its membership there, with the same role.
 */
export async function createAccount(db: Db, input: NewAccount): Promise<string> {
  const id = randomUUID();
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO account (id, username, display_name, role, organisation_id, password_hash, citizen_pseudonym, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        input.username,
        input.displayName,
        input.role,
        input.organisationId,
        passwordHash,
        input.citizenPseudonym ?? null,
        input.role === 'citizen' ? null : (input.email?.toLowerCase() ?? null),
      ],
    );
    if (input.organisationId && input.role !== 'citizen') {
      await tx.query('INSERT INTO membership (account_id, organisation_id, role) VALUES ($1, $2, $3)', [
        id,
        input.organisationId,
        input.role,
      ]);
    }
  });
  return id;
}
