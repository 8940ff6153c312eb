import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { conflict, forbidden, notFound } from '@openehds/core';
import { createAccount, principalOf } from '../auth/service';
import { requiresMfa, type MemberRole, type Principal } from '../auth/roles';
import type { OrganisationKind } from './kinds';

/** An organisation as administrators see it. */
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  country: string;
  /** Verified public sector body or EU body (Art. 53(2)); set by an administrator. */
  publicBodyVerified: boolean;
  publicBodyVerifiedAt: string | null;
  memberCount: number;
  createdAt: string;
}

/** An account as administrators see it (never a secret). */
export interface AccountSummary {
  id: string;
  username: string;
  displayName: string;
  role: string;
  organisationId: string | null;
  organisationName: string | null;
  hasPassword: boolean;
  totp: 'none' | 'pending' | 'confirmed';
  externalIdentities: number;
  createdAt: string;
}

/** One membership: an account's role in an organisation. */
export interface Membership {
  accountId: string;
  username: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  role: MemberRole;
  /** The account currently acts for this organisation. */
  current: boolean;
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

const toOrganisation = (r: Record<string, unknown>): Organisation => ({
  id: r.id as string,
  name: r.name as string,
  kind: r.kind as OrganisationKind,
  country: r.country as string,
  publicBodyVerified: r.public_body_verified === true,
  publicBodyVerifiedAt: iso(r.public_body_verified_at),
  memberCount: Number(r.member_count ?? 0),
  createdAt: iso(r.created_at)!,
});

const ORG_SELECT = `SELECT o.*, (SELECT count(*) FROM membership m WHERE m.organisation_id = o.id) AS member_count
  FROM organisation o`;

/** All organisations, by name. */
export async function listOrganisations(db: Db): Promise<Organisation[]> {
  return (await db.query<Record<string, unknown>>(`${ORG_SELECT} ORDER BY o.name`)).map(toOrganisation);
}

/** One organisation; 404 when unknown. */
export async function getOrganisation(db: Db, id: string): Promise<Organisation> {
  const [row] = await db.query<Record<string, unknown>>(`${ORG_SELECT} WHERE o.id = $1`, [id]);
  if (!row) throw notFound('organisation', id);
  return toOrganisation(row);
}

/** Creates an organisation; names are unique (nodes and the demo find organisations by name). */
export async function createOrganisation(
  db: Db,
  input: { name: string; kind: OrganisationKind; country: string },
): Promise<Organisation> {
  const [clash] = await db.query('SELECT 1 FROM organisation WHERE lower(name) = lower($1)', [input.name]);
  if (clash) throw conflict(`an organisation named ${input.name} exists already`);
  const id = randomUUID();
  await db.query('INSERT INTO organisation (id, name, kind, country) VALUES ($1, $2, $3, $4)', [
    id,
    input.name,
    input.kind,
    input.country,
  ]);
  return getOrganisation(db, id);
}

/**
 * Records an administrator's decision that the organisation is (or is no longer) a public sector
 * body or EU body, which opens purposes 53(1)(a)-(c) to its members (Art. 53(2)).
 */
export async function setPublicBodyVerified(
  db: Db,
  id: string,
  verified: boolean,
  by: Principal,
): Promise<Organisation> {
  const rows = await db.query(
    `UPDATE organisation SET public_body_verified = $2,
       public_body_verified_by = CASE WHEN $2 THEN $3::uuid ELSE NULL END,
       public_body_verified_at = CASE WHEN $2 THEN now() ELSE NULL END
     WHERE id = $1 RETURNING id`,
    [id, verified, by.accountId],
  );
  if (!rows.length) throw notFound('organisation', id);
  return getOrganisation(db, id);
}

/** The members of an organisation. */
export async function listMembers(db: Db, organisationId: string): Promise<Membership[]> {
  await getOrganisation(db, organisationId);
  return membershipRows(db, 'm.organisation_id = $1', [organisationId]);
}

/** The memberships of an account (the organisations it may act for). */
export async function membershipsOf(db: Db, accountId: string): Promise<Membership[]> {
  return membershipRows(db, 'm.account_id = $1', [accountId]);
}

async function membershipRows(db: Db, where: string, params: unknown[]): Promise<Membership[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT m.account_id, a.username, a.display_name, m.organisation_id, o.name AS organisation_name, m.role,
            (a.organisation_id = m.organisation_id) AS current
     FROM membership m JOIN account a ON a.id = m.account_id JOIN organisation o ON o.id = m.organisation_id
     WHERE ${where} ORDER BY o.name, a.username`,
    params,
  );
  return rows.map((r) => ({
    accountId: r.account_id as string,
    username: r.username as string,
    displayName: r.display_name as string,
    organisationId: r.organisation_id as string,
    organisationName: r.organisation_name as string,
    role: r.role as MemberRole,
    current: r.current === true,
  }));
}

/**
 * Adds an account to an organisation with a role (or changes its role there). An account without a
 * current organisation starts acting for this one. Citizens belong to no organisation.
 */
export async function addMember(
  db: Db,
  organisationId: string,
  input: { accountId: string; role: MemberRole },
): Promise<Membership> {
  await getOrganisation(db, organisationId);
  const [account] = await db.query<{ role: string; organisation_id: string | null }>(
    'SELECT role, organisation_id FROM account WHERE id = $1',
    [input.accountId],
  );
  if (!account) throw notFound('account', input.accountId);
  if (account.role === 'citizen')
    throw forbidden('citizens act for themselves and belong to no organisation');
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO membership (account_id, organisation_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, organisation_id) DO UPDATE SET role = EXCLUDED.role`,
      [input.accountId, organisationId, input.role],
    );
    // The role of the organisation the account acts for is its role.
    await tx.query(
      `UPDATE account SET organisation_id = $2, role = $3
       WHERE id = $1 AND (organisation_id IS NULL OR organisation_id = $2)`,
      [input.accountId, organisationId, input.role],
    );
  });
  const found = (await membershipsOf(db, input.accountId)).find((m) => m.organisationId === organisationId);
  return found!;
}

/**
 * Removes an account from an organisation. If it was acting for it, it moves to another of its
 * organisations, or to none (and then keeps no more than the data user role).
 */
export async function removeMember(db: Db, organisationId: string, accountId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx.query(
      'DELETE FROM membership WHERE organisation_id = $1 AND account_id = $2 RETURNING role',
      [organisationId, accountId],
    );
    if (!removed.length) throw notFound('membership of account', accountId);
    const [next] = await tx.query<{ organisation_id: string; role: string }>(
      'SELECT organisation_id, role FROM membership WHERE account_id = $1 ORDER BY created_at LIMIT 1',
      [accountId],
    );
    await tx.query(
      `UPDATE account SET organisation_id = $2, role = $3 WHERE id = $1 AND organisation_id = $4`,
      [accountId, next?.organisation_id ?? null, next?.role ?? 'data_user', organisationId],
    );
  });
}

/**
 * Switches the organisation an account acts for, among its memberships; its role becomes the role it
 * holds there. Moving into a role that needs a second factor needs a session that proved one.
 */
export async function actFor(
  db: Db,
  principal: Principal,
  organisationId: string,
  sessionHasMfa: boolean,
): Promise<Principal> {
  const membership = (await membershipsOf(db, principal.accountId)).find(
    (m) => m.organisationId === organisationId,
  );
  if (!membership)
    throw forbidden('you are not a member of that organisation; ask an administrator to add you');
  if (requiresMfa(membership.role) && !sessionHasMfa) {
    throw forbidden(
      `acting as ${membership.role} needs a sign-in with an authenticator code; enrol one and sign in again`,
    );
  }
  await db.query('UPDATE account SET organisation_id = $2, role = $3 WHERE id = $1', [
    principal.accountId,
    organisationId,
    membership.role,
  ]);
  return (await principalOf(db, principal.accountId))!;
}

/** All accounts (administration), by username. */
export async function listAccounts(db: Db): Promise<AccountSummary[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT a.id, a.username, a.display_name, a.role, a.organisation_id, o.name AS organisation_name,
            a.password_hash IS NOT NULL AS has_password, a.created_at,
            CASE WHEN t.account_id IS NULL THEN 'none' WHEN t.confirmed_at IS NULL THEN 'pending' ELSE 'confirmed' END AS totp,
            (SELECT count(*) FROM external_identity e WHERE e.account_id = a.id) AS external_identities
     FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id
     LEFT JOIN account_totp t ON t.account_id = a.id ORDER BY a.username`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    username: r.username as string,
    displayName: r.display_name as string,
    role: r.role as string,
    organisationId: (r.organisation_id as string | null) ?? null,
    organisationName: (r.organisation_name as string | null) ?? null,
    hasPassword: r.has_password === true,
    totp: r.totp as AccountSummary['totp'],
    externalIdentities: Number(r.external_identities),
    createdAt: iso(r.created_at)!,
  }));
}

/** Creates a local account with a password, optionally as a member of an organisation. */
export async function createLocalAccount(
  db: Db,
  input: {
    username: string;
    displayName: string;
    role: MemberRole;
    organisationId?: string;
    password: string;
  },
): Promise<AccountSummary> {
  const [clash] = await db.query('SELECT 1 FROM account WHERE username = $1', [input.username]);
  if (clash) throw conflict(`the username ${input.username} is taken`);
  if (input.organisationId) await getOrganisation(db, input.organisationId);
  const id = await createAccount(db, { ...input, organisationId: input.organisationId ?? null });
  return (await listAccounts(db)).find((a) => a.id === id)!;
}
