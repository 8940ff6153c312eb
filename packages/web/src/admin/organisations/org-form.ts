/**
 * Pure rules of the organisation forms: what "create an organisation" and "add a member" send, and the
 * messages for what is wrong. The hub checks the same (name 2-200, a kind of the closed list, an ISO
 * 3166-1 alpha-2 code; an account and a member role) and answers with every field at fault.
 */
import { ORGANISATION_KINDS, type MemberRole, type OrganisationKind } from '@openehds/client';
import { organisationsText as t } from './strings';

/** The create form, as the inputs hold it. */
export interface OrganisationDraft {
  name: string;
  /** '' until chosen. */
  kind: string;
  country: string;
}

export const emptyOrganisationDraft = (): OrganisationDraft => ({ name: '', kind: '', country: '' });

/** Field → message. */
export type OrganisationErrors = Partial<Record<'name' | 'kind' | 'country', string>>;

/** The organisation to create (country upper-cased: `fi` means FI), or every error at once. */
export function organisationInput(
  draft: OrganisationDraft,
): { input: { name: string; kind: OrganisationKind; country: string } } | { errors: OrganisationErrors } {
  const errors: OrganisationErrors = {};
  const name = draft.name.trim();
  if (name.length < 2 || name.length > 200) errors.name = t.create.nameMissing;
  if (!(ORGANISATION_KINDS as readonly string[]).includes(draft.kind)) errors.kind = t.create.kindMissing;
  const country = draft.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) errors.country = t.create.countryInvalid;
  if (Object.keys(errors).length) return { errors };
  return { input: { name, kind: draft.kind as OrganisationKind, country } };
}

/** Roles an account can hold in an organisation (every role but citizen), least privileged first. */
export const MEMBER_ROLE_CHOICES: readonly MemberRole[] = ['data_user', 'data_holder', 'hdab_staff', 'admin'];

/**
 * Accounts offered for "add a member": never citizens (they belong to no organisation); current
 * members are kept, since adding one again changes their role. Sorted by display name.
 */
export function addableAccounts<A extends { id: string; role: string; displayName: string }>(
  accounts: readonly A[],
): A[] {
  return accounts
    .filter((a) => a.role !== 'citizen')
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The member to add, or the errors (an account must be chosen; the role is one of the four). */
export function memberInput(draft: {
  accountId: string;
  role: string;
}): { input: { accountId: string; role: MemberRole } } | { errors: MemberErrors } {
  const errors: MemberErrors = {};
  if (!draft.accountId) errors.accountId = t.members.accountMissing;
  if (!(MEMBER_ROLE_CHOICES as readonly string[]).includes(draft.role)) errors.role = t.members.roleMissing;
  if (Object.keys(errors).length) return { errors };
  return { input: { accountId: draft.accountId, role: draft.role as MemberRole } };
}

/** Field → message of the member form. */
export type MemberErrors = Partial<Record<'accountId' | 'role', string>>;

/** True for the kinds Art. 53(2) is about; verifying another kind deserves a second look. */
export const isPublicKind = (kind: string): boolean => kind === 'public_body' || kind === 'eu_body';
