import type { Role } from '@openehds/client';

/** Who reads permits: data users (their own, Art. 68(10)(d)) and HDAB staff (all). The hub checks the same. */
export const PERMIT_ROLES: readonly Role[] = ['data_user', 'hdab_staff'];
/** Who amends, renews and revokes: HDAB staff. */
export const PERMIT_STAFF: readonly Role[] = ['hdab_staff'];
/** Who reads the Art. 59(1) activity report: HDAB staff and administrators (as the hub allows). */
export const REPORT_ROLES: readonly Role[] = ['hdab_staff', 'admin'];

/** The navigation entries this feature adds: permits for their readers, the public register for everyone. */
export function transparencyNavFor(role: Role | null): { to: string; label: 'permits' | 'register' }[] {
  const items: { to: string; label: 'permits' | 'register' }[] = [];
  if (role && PERMIT_ROLES.includes(role)) items.push({ to: '/permits', label: 'permits' });
  items.push({ to: '/register', label: 'register' });
  return items;
}

/** Whether a permit number links to its page for this reader: staff always; data users for their own permits. */
export function mayOpenPermit(role: Role | null, id: string, own: ReadonlySet<string> | null): boolean {
  if (role === 'hdab_staff') return true;
  if (role === 'data_user') return own?.has(id) ?? false;
  return false;
}
