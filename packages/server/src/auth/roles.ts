/**
 * Roles of the platform (EHDS.md §1: assessment, preparation and SPE operation are disjoint roles).
 * `citizen` is a natural person signed in through a national eID provider; citizens only manage their
 * own opt-out (Art. 71) and are refused every data user, holder and staff route.
 */
export const ROLES = ['data_holder', 'data_user', 'hdab_staff', 'admin', 'citizen'] as const;

/** A platform role. */
export type Role = (typeof ROLES)[number];

/** Roles an account holds through a membership of an organisation (every role but citizen). */
export const MEMBER_ROLES = [
  'data_holder',
  'data_user',
  'hdab_staff',
  'admin',
] as const satisfies readonly Role[];

/** A role held through a membership. */
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * Roles that must prove a second factor (TOTP) at sign-in: they decide on applications and run the
 * platform (Art. 73(1)(b) and TEHDAS2 SPE checklist: strong authentication for privileged users).
 */
export const MFA_ROLES: readonly Role[] = ['hdab_staff', 'admin'];

/** True when a role must sign in with a second factor. */
export function requiresMfa(role: Role): boolean {
  return MFA_ROLES.includes(role);
}

/** The signed-in principal a request acts as. */
export interface Principal {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  /** The organisation the account currently acts for (one at a time, chosen among its memberships). */
  organisationId: string | null;
  organisationName: string | null;
  /** Kind of that organisation (`public_body`, `biotech_company`, …), null when none. */
  organisationKind: string | null;
  /** That organisation is a public sector body or EU body verified by an admin (Art. 53(2)). */
  publicBodyVerified: boolean;
  /** For data holders: the nodes their organisation runs. */
  nodeIds: string[];
  /**
   * Citizens only: the hub's keyed pseudonym of their national identifier (never the identifier
   * itself), so the opt-out registry can recognise them again (Art. 71).
   */
  citizenPseudonym?: string;
}
