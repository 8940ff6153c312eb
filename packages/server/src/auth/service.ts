import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { unauthenticated } from '@openehds/core';
import { hashPassword, verifyPassword } from './password';
import type { Principal, Role } from './roles';

const SESSION_MAX_HOURS = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Signs in with username and password; returns an opaque session token (only its hash is stored). */
export async function signIn(
  db: Db,
  input: { username: string; password: string },
  idleMinutes: number,
): Promise<{ token: string; principal: Principal; expiresAt: Date }> {
  const [account] = await db.query<{ id: string; password_hash: string }>(
    'SELECT id, password_hash FROM account WHERE username = $1',
    [input.username],
  );
  // Verify even when the account is missing, so timing does not reveal which usernames exist.
  const ok = await verifyPassword(input.password, account?.password_hash ?? DUMMY_HASH);
  if (!account || !ok) throw unauthenticated('unknown username or wrong password');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_MAX_HOURS * 3600_000);
  await db.query('INSERT INTO session (token_hash, account_id, expires_at) VALUES ($1, $2, $3)', [
    hashToken(token),
    account.id,
    expiresAt.toISOString(),
  ]);
  const principal = await sessionPrincipal(db, token, idleMinutes);
  if (!principal) throw unauthenticated();
  return { token, principal, expiresAt };
}

// A valid hash of a random password, used when the username is unknown.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$/o+we3yLtKODSP7Alfcoz0hkw+1mATL+GqO/19LUd7M=';

/** The principal of a live session, touching its idle timer; null when unknown, expired or idle. */
export async function sessionPrincipal(
  db: Db,
  token: string,
  idleMinutes: number,
): Promise<Principal | null> {
  const rows = await db.query<Record<string, unknown>>(
    `UPDATE session SET last_seen_at = now()
     WHERE token_hash = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
     RETURNING account_id`,
    [hashToken(token), idleMinutes],
  );
  const accountId = rows[0]?.account_id as string | undefined;
  return accountId ? principalOf(db, accountId) : null;
}

/** Ends a session. */
export async function signOut(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM session WHERE token_hash = $1', [hashToken(token)]);
}

/** Loads the principal for an account id. */
export async function principalOf(db: Db, accountId: string): Promise<Principal | null> {
  const [a] = await db.query<Record<string, unknown>>(
    `SELECT a.id, a.username, a.display_name, a.role, a.organisation_id, o.name AS organisation_name,
            COALESCE((SELECT array_agg(n.id::text) FROM node n WHERE n.organisation_id = a.organisation_id), '{}') AS node_ids
     FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id WHERE a.id = $1`,
    [accountId],
  );
  if (!a) return null;
  return {
    accountId: a.id as string,
    username: a.username as string,
    displayName: a.display_name as string,
    role: a.role as Role,
    organisationId: (a.organisation_id as string | null) ?? null,
    organisationName: (a.organisation_name as string | null) ?? null,
    nodeIds: (a.node_ids as string[]) ?? [],
  };
}

/** Creates an account (used by the demo seed and by admins). */
export async function createAccount(
  db: Db,
  input: {
    username: string;
    displayName: string;
    role: Role;
    organisationId: string | null;
    password: string;
  },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    'INSERT INTO account (id, username, display_name, role, organisation_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      id,
      input.username,
      input.displayName,
      input.role,
      input.organisationId,
      await hashPassword(input.password),
    ],
  );
  return id;
}
