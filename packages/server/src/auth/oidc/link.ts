import { createHash } from 'node:crypto';
import type { Db } from '@openehds/db';
import { forbidden } from '@openehds/core';
import type { OidcProviderConfig } from '../identity-config';
import { citizenPseudonym } from '../pseudonym';
import { requiresMfa, type Role } from '../roles';
import { createAccount } from '../service';
import type { OidcIdentity } from './client';

/**
 * Links an OpenID Connect identity to an account by (issuer, subject), creating the account on first
 * sign-in: a data user for a 'user' provider, a citizen for a 'citizen' (national eID) provider.
 * Accounts are never linked by e-mail address: an issuer asserting someone else's address would
 * otherwise take over that account.
 */
export async function linkIdentity(
  db: Db,
  provider: OidcProviderConfig,
  identity: OidcIdentity,
  pseudonymKey: string,
): Promise<{ accountId: string; username: string; created: boolean }> {
  const claim = (name: string) => {
    const v = identity.claims[name];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  let pseudonym: string | undefined;
  if (provider.audience === 'citizen') {
    const nationalId = claim(provider.nationalIdClaim);
    if (!nationalId) {
      throw forbidden(
        `${provider.label} did not send the national identifier (claim ${provider.nationalIdClaim}); ` +
          'citizens can only be recognised with it; check the provider configuration (nationalIdClaim, scopes)',
      );
    }
    // The identifier is turned into a keyed pseudonym here and goes no further.
    pseudonym = citizenPseudonym(pseudonymKey, nationalId);
  }

  const [linked] = await db.query<{ account_id: string; username: string; role: Role }>(
    `UPDATE external_identity e SET last_sign_in_at = now() FROM account a
     WHERE e.issuer = $1 AND e.subject = $2 AND a.id = e.account_id
     RETURNING e.account_id, a.username, a.role`,
    [identity.issuer, identity.subject],
  );
  if (linked) {
    refuseMfaRoles(linked.role, provider);
    return { accountId: linked.account_id, username: linked.username, created: false };
  }

  // A citizen known through another eID provider (same national identifier) keeps one account.
  if (pseudonym) {
    const [known] = await db.query<{ id: string; username: string }>(
      `SELECT id, username FROM account WHERE citizen_pseudonym = $1 AND role = 'citizen'`,
      [pseudonym],
    );
    if (known) {
      await insertLink(db, provider, identity, known.id, pseudonym);
      return { accountId: known.id, username: known.username, created: false };
    }
  }

  const role: Role = provider.audience === 'citizen' ? 'citizen' : 'data_user';
  const username = usernameFor(provider, identity);
  // Citizens: only a first name for the greeting; nothing else about them is kept.
  const displayName =
    role === 'citizen'
      ? (claim('given_name') ?? 'Citizen')
      : (claim('name') ?? claim('preferred_username') ?? claim('email') ?? username);
  const accountId = await createAccount(db, {
    username,
    displayName,
    role,
    organisationId: null,
    ...(pseudonym ? { citizenPseudonym: pseudonym } : {}),
    ...(role !== 'citizen' && claim('email') ? { email: claim('email')! } : {}),
  });
  await insertLink(db, provider, identity, accountId, pseudonym);
  return { accountId, username, created: true };
}

function refuseMfaRoles(role: Role, provider: OidcProviderConfig): void {
  // HDAB staff and admins prove a second factor the hub checks itself.
  if (requiresMfa(role)) {
    throw forbidden(
      `accounts with the role ${role} sign in with password and authenticator code, not through ${provider.label}`,
    );
  }
}

async function insertLink(
  db: Db,
  provider: OidcProviderConfig,
  identity: OidcIdentity,
  accountId: string,
  pseudonym: string | undefined,
): Promise<void> {
  await db.query(
    `INSERT INTO external_identity (issuer, subject, provider_id, account_id, citizen_pseudonym)
     VALUES ($1, $2, $3, $4, $5)`,
    [identity.issuer, identity.subject, provider.id, accountId, pseudonym ?? null],
  );
}

/** A stable, unique, non-identifying username: provider id and a digest of issuer and subject. */
function usernameFor(provider: OidcProviderConfig, identity: OidcIdentity): string {
  const digest = createHash('sha256').update(`${identity.issuer}\n${identity.subject}`).digest('hex');
  return `${provider.id}:${digest.slice(0, 16)}`;
}
