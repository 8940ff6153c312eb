import type { Role } from '@openehds/client';

/** Who opens workspaces: data users (those a permit names work in it) and HDAB staff (read-only). The hub checks the same. */
export const WORKSPACE_ROLES: readonly Role[] = ['data_user', 'hdab_staff'];

/** The navigation entries this feature adds: "Workspaces" for data users. */
export function workspaceNavFor(role: Role | null): { to: string; label: 'nav' }[] {
  return role === 'data_user' ? [{ to: '/workspaces', label: 'nav' }] : [];
}
