import type { Role } from '@openehds/client';

/** Who applies (Art. 67, 69): data users. The hub enforces the same on every route. */
export const APPLICANT_ROLES: readonly Role[] = ['data_user'];
/** Who handles cases in the back office: HDAB staff (assessment is not an administrator's task, Art. 55(3)). */
export const STAFF_ROLES: readonly Role[] = ['hdab_staff'];

/** The navigation entries this feature adds for a role. */
export function applicationNavFor(role: Role | null): { to: string; label: 'mine' | 'queue' }[] {
  if (role && APPLICANT_ROLES.includes(role)) return [{ to: '/applications', label: 'mine' }];
  if (role && STAFF_ROLES.includes(role)) return [{ to: '/backoffice', label: 'queue' }];
  return [];
}
