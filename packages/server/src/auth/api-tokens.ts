import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { notFound } from '@openehds/core';
import { hashToken, principalOf } from './service';
import type { Principal } from './roles';

/** Prefix of personal API tokens, so secret scanners (and people) recognise a leaked one. */
export const API_TOKEN_PREFIX = 'ehds_pat_';

/** What a token may do: `read` calls GET routes only; `write` may also call the others. */
export const API_TOKEN_SCOPES = ['read', 'write'] as const;

/** An API token scope. */
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** A token as its owner sees it in lists: never the secret. */
export interface ApiTokenInfo {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const info = (r: Record<string, unknown>): ApiTokenInfo => ({
  id: r.id as string,
  name: r.name as string,
  scopes: r.scopes as ApiTokenScope[],
  createdAt: new Date(r.created_at as string).toISOString(),
  expiresAt: new Date(r.expires_at as string).toISOString(),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at as string).toISOString() : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at as string).toISOString() : null,
});

/** Creates a token for an account; the secret is returned here once and only its hash is stored. */
export async function createApiToken(
  db: Db,
  accountId: string,
  input: { name: string; scopes: ApiTokenScope[]; expiresInDays: number },
): Promise<{ token: ApiTokenInfo; secret: string }> {
  const secret = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = randomUUID();
  const scopes = API_TOKEN_SCOPES.filter((s) => input.scopes.includes(s));
  const [row] = await db.query<Record<string, unknown>>(
    `INSERT INTO api_token (id, account_id, name, token_hash, scopes, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
     RETURNING id, name, scopes, created_at, expires_at, last_used_at, revoked_at`,
    [id, accountId, input.name, hashToken(secret), scopes, input.expiresInDays],
  );
  return { token: info(row!), secret };
}

/** The account's own tokens, newest first (revoked and expired ones included, marked). */
export async function listApiTokens(db: Db, accountId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT id, name, scopes, created_at, expires_at, last_used_at, revoked_at FROM api_token
     WHERE account_id = $1 ORDER BY created_at DESC`,
    [accountId],
  );
  return rows.map(info);
}

/** Revokes one of the account's own tokens; someone else's token is "not found" (no probing). */
export async function revokeApiToken(db: Db, accountId: string, id: string): Promise<ApiTokenInfo> {
  const [row] = await db.query<Record<string, unknown>>(
    `UPDATE api_token SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 AND account_id = $2
     RETURNING id, name, scopes, created_at, expires_at, last_used_at, revoked_at`,
    [id, accountId],
  );
  if (!row) throw notFound('API token', id);
  return info(row);
}

/** The principal and scopes of a live API token; null when unknown, revoked or expired. */
export async function apiTokenPrincipal(
  db: Db,
  secret: string,
): Promise<{ principal: Principal; scopes: ApiTokenScope[]; tokenId: string } | null> {
  const [row] = await db.query<{ id: string; account_id: string; scopes: ApiTokenScope[] }>(
    `UPDATE api_token SET last_used_at = now()
     WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
     RETURNING id, account_id, scopes`,
    [hashToken(secret)],
  );
  if (!row) return null;
  const principal = await principalOf(db, row.account_id);
  return principal ? { principal, scopes: row.scopes, tokenId: row.id } : null;
}
