import type { Role } from '@openehds/client';

/** Every signed-in role has "My account" (citizens see their profile only). */
export const ACCOUNT_ROLES: readonly Role[] = ['data_holder', 'data_user', 'hdab_staff', 'admin', 'citizen'];

/**
 * Roles that act for an organisation and so have API tokens, an authenticator and an organisation to
 * switch: every role but citizen (the hub's MEMBER_ROLES guard the same routes).
 */
export const MEMBER_ROLES: readonly Role[] = ['data_holder', 'data_user', 'hdab_staff', 'admin'];

/** Roles that must sign in with a second factor (as the hub's MFA_ROLES). */
export const MFA_ROLES: readonly Role[] = ['hdab_staff', 'admin'];

/** True when the role has tokens, an authenticator and memberships. */
export const isMember = (role: Role): boolean => MEMBER_ROLES.includes(role);

/** The navigation entry of this feature: "My account" for anyone signed in. */
export function accountNavFor(role: Role | null): { to: string; label: 'nav' }[] {
  return role && ACCOUNT_ROLES.includes(role) ? [{ to: '/account', label: 'nav' }] : [];
}
