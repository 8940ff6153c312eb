import type { Db } from '@openehds/db';
import { notFound } from '@openehds/core';
import type { Role } from './roles';
import type { TotpStatus } from './totp-service';

/**
 * What a signed-in person may read about their own account on "My account": more than the principal
 * (the e-mail address permits match them by, Art. 68(10)(d); whether they have a password and an
 * authenticator), never a secret and never a citizen's pseudonym.
 */
export interface AccountProfile {
  accountId: string;
  username: string;
  displayName: string;
  /** Null for citizens (only a keyed pseudonym is kept for them, Art. 71) and when none is known. */
  email: string | null;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: string | null;
  publicBodyVerified: boolean;
  /** A local password exists (accounts from an identity provider have none). */
  hasPassword: boolean;
  totp: TotpStatus;
  /** Identity providers linked to the account (by issuer and subject, never by e-mail). */
  externalIdentities: number;
  createdAt: string;
}

/** The own account of a signed-in person; 404 when it was deleted meanwhile. */
export async function accountProfile(db: Db, accountId: string): Promise<AccountProfile> {
  const [r] = await db.query<Record<string, unknown>>(
    `SELECT a.id, a.username, a.display_name, a.email, a.role, a.organisation_id, a.created_at,
            a.password_hash IS NOT NULL AS has_password,
            o.name AS organisation_name, o.kind AS organisation_kind,
            COALESCE(o.public_body_verified, false) AS public_body_verified,
            CASE WHEN t.account_id IS NULL THEN 'none' WHEN t.confirmed_at IS NULL THEN 'pending' ELSE 'confirmed' END AS totp,
            (SELECT count(*) FROM external_identity e WHERE e.account_id = a.id) AS external_identities
     FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id
     LEFT JOIN account_totp t ON t.account_id = a.id WHERE a.id = $1`,
    [accountId],
  );
  if (!r) throw notFound('account', accountId);
  const role = r.role as Role;
  return {
    accountId: r.id as string,
    username: r.username as string,
    displayName: r.display_name as string,
    email: role === 'citizen' ? null : ((r.email as string | null) ?? null),
    role,
    organisationId: (r.organisation_id as string | null) ?? null,
    organisationName: (r.organisation_name as string | null) ?? null,
    organisationKind: (r.organisation_kind as string | null) ?? null,
    publicBodyVerified: r.public_body_verified === true,
    hasPassword: r.has_password === true,
    totp: r.totp as TotpStatus,
    externalIdentities: Number(r.external_identities),
    createdAt: new Date(r.created_at as string).toISOString(),
  };
}
