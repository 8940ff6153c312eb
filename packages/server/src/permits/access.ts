import type { Queryable } from '@openehds/db';
import { notFound } from '@openehds/core';
import type { Principal } from '../auth/roles';
import { loadPermit, type PermitContent, type PermitRecord } from './store';

/**
 * Who a signed-in account is among a permit's authorised persons (Art. 68(10)(d)):
 * - an account with an e-mail address (`account.email`), or whose username is one, is the person with
 *   that e-mail (case-insensitive);
 * - an account linked to an ORCID sign-in (OpenID Connect issuer `https://orcid.org`, whose `sub` is
 *   the ORCID iD) is the person with that ORCID iD, which the application form records for exactly
 *   this matching.
 */
export interface PersonIdentity {
  emails: string[];
  orcids: string[];
}

const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** An ORCID iD in its bare form (`0000-0002-1825-0097`), from a bare iD or an orcid.org URL; else null. */
export function bareOrcid(value: string): string | null {
  const bare = value.trim().replace(/^https?:\/\/(sandbox\.)?orcid\.org\//, '');
  return ORCID.test(bare) ? bare : null;
}

/** The e-mail addresses and ORCID iDs a principal is known by (see {@link PersonIdentity}). */
export async function identityOf(db: Queryable, p: Principal): Promise<PersonIdentity> {
  const [account] = await db.query<{ email: string | null }>('SELECT email FROM account WHERE id = $1', [
    p.accountId,
  ]);
  const emails = [account?.email, /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.username) ? p.username : null]
    .filter((e): e is string => Boolean(e))
    .map((e) => e.toLowerCase());
  const rows = await db.query<{ subject: string }>(
    `SELECT subject FROM external_identity WHERE account_id = $1 AND issuer ~ '^https://(sandbox\\.)?orcid\\.org/?$'`,
    [p.accountId],
  );
  const orcids = rows.map((r) => bareOrcid(r.subject)).filter((o): o is string => o !== null);
  return { emails, orcids };
}

/** The persons of a permit that are this identity. */
export function matchingPersons(content: PermitContent, who: PersonIdentity): PermitContent['persons'] {
  return (content.persons ?? []).filter(
    (x) =>
      who.emails.includes(x.email.toLowerCase()) ||
      (x.orcid !== undefined && who.orcids.includes(bareOrcid(x.orcid) ?? '')),
  );
}

/**
 * The GA4GH subject identifier of a named person: the ORCID iD as its canonical URL when the permit
 * gives one (stable across e-mail changes), else the e-mail address.
 */
export function personIdentifier(person: PermitContent['persons'][number]): string {
  const orcid = person.orcid ? bareOrcid(person.orcid) : null;
  return orcid ? `https://orcid.org/${orcid}` : person.email.toLowerCase();
}

/** HDAB staff handle permits; everyone else only reads those they applied for or are named in. */
export const isPermitStaff = (p: Principal) => p.role === 'hdab_staff';

/** Whether a data user applied for the permit's application. */
export async function isApplicant(db: Queryable, p: Principal, permit: PermitRecord): Promise<boolean> {
  const [row] = await db.query<{ applicant_id: string }>(
    'SELECT applicant_id FROM application WHERE id = $1',
    [permit.applicationId],
  );
  return row?.applicant_id === p.accountId;
}

/**
 * Loads a permit version for someone: staff see every permit; a data user sees the permits of their
 * own applications and those naming them in any version of the chain. Others get 404, so permit ids
 * reveal nothing.
 */
export async function permitFor(db: Queryable, p: Principal, id: string): Promise<PermitRecord> {
  const permit = await loadPermit(db, id);
  if (isPermitStaff(p) || (await readsChain(db, p, permit))) return permit;
  throw notFound('permit', id);
}

async function readsChain(db: Queryable, p: Principal, permit: PermitRecord): Promise<boolean> {
  if (p.role !== 'data_user') return false;
  if (await isApplicant(db, p, permit)) return true;
  const who = await identityOf(db, p);
  if (!who.emails.length && !who.orcids.length) return false;
  const chain = await db.query<{ content: PermitContent }>('SELECT content FROM permit WHERE root_id = $1', [
    permit.rootId,
  ]);
  return chain.some((c) => matchingPersons(c.content, who).length > 0);
}
