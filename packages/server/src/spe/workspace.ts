import type { Db, Queryable } from '@openehds/db';
import { forbidden, isActive } from '@openehds/core';
import type { Principal } from '../auth/roles';
import { identityOf, isPermitStaff, matchingPersons, permitFor } from '../permits/access';
import type { PermitRecord } from '../permits/store';
import { toVersion } from '../permits/versions';

/**
 * The workspace of a permit in the secure processing environment (issue 4 §3): only the persons
 * the permit names may work in it (Art. 73(1)(a); Art. 68(10)(d)), and only while the permit is
 * active; HDAB staff may look at it (what was run and released) but not run anything.
 */

/** How the principal is in the workspace: a named person who may work, or staff who may read. */
export type WorkspaceRole = 'member' | 'staff';

/** The permit of a workspace and the principal's standing in it. */
export async function workspaceFor(
  db: Queryable,
  p: Principal,
  permitId: string,
  need: 'work' | 'read' = 'read',
): Promise<{ permit: PermitRecord; role: WorkspaceRole }> {
  const permit = await permitFor(db, p, permitId);
  if (isPermitStaff(p)) {
    if (need === 'work')
      throw forbidden('HDAB staff oversee a workspace; only the persons the permit names work in it');
    return { permit, role: 'staff' };
  }
  const named = matchingPersons(permit.content, await identityOf(db, p)).length > 0;
  if (!named)
    throw forbidden(
      `only the persons named in permit ${permit.id} work in its secure processing environment (Art. 73(1)(a))`,
    );
  if (need === 'work' && !isActive(toVersion(permit), new Date()))
    throw forbidden(
      `permit ${permit.id} is not active (${permit.status}); work under it stops (Art. 63, 68(12)). Open the current version of the permit.`,
    );
  return { permit, role: 'member' };
}

/** The active permits whose workspaces a data user may work in, newest first. */
export async function myWorkspaces(db: Db, p: Principal): Promise<PermitRecord[]> {
  if (p.role !== 'data_user') return [];
  const who = await identityOf(db, p);
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM permit WHERE active_until IS NULL AND status IN ('GRANTED', 'AMENDED', 'RENEWED')
       AND valid_until > now() ORDER BY created_at DESC LIMIT 200`,
  );
  const out: PermitRecord[] = [];
  for (const { id } of rows) {
    const permit = await permitFor(db, p, id).catch(() => null);
    if (permit && matchingPersons(permit.content, who).length && isActive(toVersion(permit), new Date()))
      out.push(permit);
  }
  return out;
}
