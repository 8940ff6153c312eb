import type { Role } from '@openehds/client';

/** Who checks outputs (Art. 73(2)): HDAB staff. The hub enforces the same on every route. */
export const CHECKER_ROLES: readonly Role[] = ['hdab_staff'];
/** Whose jobs make outputs: data users named in a permit. */
export const AUTHOR_ROLES: readonly Role[] = ['data_user'];
/** Who opens one request: its author or a checker (the hub answers others with a refusal). */
export const REQUEST_ROLES: readonly Role[] = [...AUTHOR_ROLES, ...CHECKER_ROLES];

/** The navigation entries this feature adds: "Output checking" for checkers, "My outputs" for data users. */
export function airlockNavFor(role: Role | null): { to: string; label: 'checker' | 'author' }[] {
  if (role && CHECKER_ROLES.includes(role)) return [{ to: '/airlock', label: 'checker' }];
  if (role && AUTHOR_ROLES.includes(role)) return [{ to: '/outputs', label: 'author' }];
  return [];
}
