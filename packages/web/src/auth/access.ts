/**
 * Which pages each role sees. The hub enforces access on every API call; this only keeps the UI from
 * offering pages a role cannot use.
 */
import type { Role } from '@openehds/client';

/** A navigation entry. */
export interface NavItem {
  to: string;
  label: 'home' | 'catalogue' | 'holder' | 'admin';
}

/** The roles that may open each protected page. */
export const PAGE_ROLES: Record<'holder' | 'admin', readonly Role[]> = {
  holder: ['data_holder'],
  admin: ['hdab_staff', 'admin'],
};

/** The navigation entries for a role (null when nobody is signed in). */
export function navItemsFor(role: Role | null): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: 'home' },
    { to: '/catalogue', label: 'catalogue' },
  ];
  if (role && PAGE_ROLES.holder.includes(role)) items.push({ to: '/holder', label: 'holder' });
  if (role && PAGE_ROLES.admin.includes(role)) items.push({ to: '/admin', label: 'admin' });
  return items;
}

/** False for a protected page the role may not open (going back there would only show "not for you"). */
export function mayOpen(role: Role, path: string): boolean {
  for (const page of ['holder', 'admin'] as const) {
    const base = `/${page}`;
    if (path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}?`))
      return PAGE_ROLES[page].includes(role);
  }
  return true;
}

/** Where to go after signing in: the role's own workspace, or back to where the user came from. */
export function homeFor(role: Role, from?: string | null): string {
  if (from && from.startsWith('/') && !from.startsWith('//') && from !== '/sign-in' && mayOpen(role, from))
    return from;
  if (PAGE_ROLES.holder.includes(role)) return '/holder';
  // Data users start from their applications, HDAB staff from the work queue.
  if (role === 'data_user') return '/applications';
  if (role === 'hdab_staff') return '/backoffice';
  if (PAGE_ROLES.admin.includes(role)) return '/admin';
  // Citizens come for their own choices (opt-out, Art. 71), not for the catalogue.
  if (role === 'citizen') return '/citizen';
  return '/catalogue';
}
