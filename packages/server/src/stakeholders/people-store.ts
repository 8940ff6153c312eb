import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { notFound } from '@openehds/core';
import { checkOrgRefs as checkOrgs } from './org-store';
import type { StakeholderPerson } from './model';
import type { PersonInput } from './schemas';

/** People of the stakeholder registry in the store (migration 0021); personal data, kept minimal. */

const toPerson = (r: Record<string, unknown>): StakeholderPerson => ({
  id: r.id as string,
  orgId: r.org_id as string,
  orgName: r.org_name as string,
  name: r.name as string,
  title: (r.title as string | null) ?? null,
  email: (r.email as string | null) ?? null,
});

const PERSON = `SELECT p.*, s.name AS org_name FROM stakeholder_person p JOIN stakeholder_org s ON s.id = p.org_id`;

/** People, by organisation then name (all, or those of one organisation), emails included. */
export async function listPeople(db: Queryable, orgId?: string): Promise<StakeholderPerson[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${PERSON} ${orgId ? 'WHERE p.org_id = $1' : ''} ORDER BY lower(s.name), lower(p.name), p.id`,
    orgId ? [orgId] : [],
  );
  return rows.map(toPerson);
}

/** One person; 404 when unknown. */
export async function getPerson(db: Queryable, id: string): Promise<StakeholderPerson> {
  const [row] = await db.query<Record<string, unknown>>(`${PERSON} WHERE p.id = $1`, [id]);
  if (!row) throw notFound('stakeholder person', id);
  return toPerson(row);
}

/** Adds a person to an organisation. */
export async function createPerson(db: Db, input: PersonInput): Promise<StakeholderPerson> {
  await checkOrgs(db, 'person', [['orgId', input.orgId]]);
  const id = randomUUID();
  await db.query(
    'INSERT INTO stakeholder_person (id, org_id, name, title, email) VALUES ($1, $2, $3, $4, $5)',
    [id, input.orgId, input.name, input.title, input.email],
  );
  return getPerson(db, id);
}

/** Replaces a person's details. */
export async function updatePerson(db: Db, id: string, input: PersonInput): Promise<StakeholderPerson> {
  await getPerson(db, id);
  await checkOrgs(db, 'person', [['orgId', input.orgId]]);
  await db.query(
    'UPDATE stakeholder_person SET org_id = $2, name = $3, title = $4, email = $5, updated_at = now() WHERE id = $1',
    [id, input.orgId, input.name, input.title, input.email],
  );
  return getPerson(db, id);
}

/** Removes a person (their personal data goes with the row). */
export async function deletePerson(db: Db, id: string): Promise<StakeholderPerson> {
  const person = await getPerson(db, id);
  await db.query('DELETE FROM stakeholder_person WHERE id = $1', [id]);
  return person;
}
