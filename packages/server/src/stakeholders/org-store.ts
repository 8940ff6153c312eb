import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { conflict, invalid, notFound } from '@openehds/core';
import type { StakeholderOrg } from './model';
import type { AiCapabilities, OrganisationInput } from './schemas';
import type { EhdsRole, StakeholderType } from './vocab';

/** Stakeholder organisations in the store (migration 0021). */

const iso = (v: unknown) => new Date(v as string).toISOString();

const toOrg = (r: Record<string, unknown>): StakeholderOrg => ({
  id: r.id as string,
  name: r.name as string,
  type: r.type as StakeholderType,
  country: r.country as string,
  ehdsRoles: (r.ehds_roles as EhdsRole[] | null) ?? [],
  aiCapabilities: (r.ai_capabilities as AiCapabilities | null) ?? null,
  interest: Number(r.interest),
  influence: Number(r.influence),
  website: (r.website as string | null) ?? null,
  description: (r.description as string | null) ?? null,
  organisationId: (r.organisation_id as string | null) ?? null,
  organisationName: (r.organisation_name as string | null) ?? null,
  peopleCount: Number(r.people_count ?? 0),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const SELECT = `SELECT s.*, o.name AS organisation_name,
    (SELECT count(*) FROM stakeholder_person p WHERE p.org_id = s.id) AS people_count
  FROM stakeholder_org s LEFT JOIN organisation o ON o.id = s.organisation_id`;

/** Every organisation, by name. */
export async function listOrgs(db: Queryable): Promise<StakeholderOrg[]> {
  return (await db.query<Record<string, unknown>>(`${SELECT} ORDER BY lower(s.name)`)).map(toOrg);
}

/** One organisation; 404 when unknown. */
export async function getOrg(db: Queryable, id: string): Promise<StakeholderOrg> {
  const [row] = await db.query<Record<string, unknown>>(`${SELECT} WHERE s.id = $1`, [id]);
  if (!row) throw notFound('stakeholder organisation', id);
  return toOrg(row);
}

/** Lower-cased names already registered (the CSV import refuses them as duplicates). */
export async function orgNames(db: Queryable): Promise<Set<string>> {
  const rows = await db.query<{ name: string }>('SELECT lower(name) AS name FROM stakeholder_org');
  return new Set(rows.map((r) => r.name));
}

/** Refuses a name another organisation has (names are unique whatever their case). */
async function checkName(db: Queryable, name: string, except: string | null): Promise<void> {
  const [clash] = await db.query(
    'SELECT 1 FROM stakeholder_org WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2',
    [name, except],
  );
  if (clash)
    throw conflict(`a stakeholder organisation named ${name} is already registered; edit that one instead`);
}

/** Refuses a link to a platform organisation that does not exist. */
async function checkPlatformOrg(db: Queryable, id: string | null): Promise<void> {
  if (!id) return;
  const [found] = await db.query('SELECT 1 FROM organisation WHERE id = $1', [id]);
  if (!found)
    throw invalid('the organisation has 1 problem', [
      { path: 'organisationId', message: 'no platform organisation has this id; choose one from the list' },
    ]);
}

const columns = (input: OrganisationInput) => [
  input.name,
  input.type,
  input.country,
  JSON.stringify(input.ehdsRoles),
  input.aiCapabilities ? JSON.stringify(input.aiCapabilities) : null,
  input.interest,
  input.influence,
  input.website,
  input.description,
  input.organisationId,
];

/** Inserts one checked organisation (the name already checked); returns its id. */
export async function insertOrg(db: Queryable, input: OrganisationInput): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO stakeholder_org (id, name, type, country, ehds_roles, ai_capabilities, interest, influence,
       website, description, organisation_id)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11)`,
    [id, ...columns(input)],
  );
  return id;
}

/** Registers an organisation. */
export async function createOrg(db: Db, input: OrganisationInput): Promise<StakeholderOrg> {
  await checkPlatformOrg(db, input.organisationId);
  const id = await db.transaction(async (tx) => {
    await checkName(tx, input.name, null);
    return insertOrg(tx, input);
  });
  return getOrg(db, id);
}

/** Replaces an organisation's details. */
export async function updateOrg(db: Db, id: string, input: OrganisationInput): Promise<StakeholderOrg> {
  await getOrg(db, id);
  await checkPlatformOrg(db, input.organisationId);
  await db.transaction(async (tx) => {
    await checkName(tx, input.name, id);
    await tx.query(
      `UPDATE stakeholder_org SET name = $2, type = $3, country = $4, ehds_roles = $5::jsonb,
         ai_capabilities = $6::jsonb, interest = $7, influence = $8, website = $9, description = $10,
         organisation_id = $11, updated_at = now()
       WHERE id = $1`,
      [id, ...columns(input)],
    );
  });
  return getOrg(db, id);
}

/** Removes an organisation with its people and relationships (ON DELETE CASCADE). */
export async function deleteOrg(db: Db, id: string): Promise<StakeholderOrg> {
  const org = await getOrg(db, id);
  await db.query('DELETE FROM stakeholder_org WHERE id = $1', [id]);
  return org;
}

/** Refuses references to organisations that are not in the registry, naming each field. */
export async function checkOrgRefs(db: Queryable, what: string, refs: [string, string][]): Promise<void> {
  const issues = [];
  for (const [path, id] of refs) {
    const [found] = await db.query('SELECT 1 FROM stakeholder_org WHERE id = $1', [id]);
    if (!found)
      issues.push({ path, message: 'no stakeholder organisation has this id; choose one from the list' });
  }
  if (issues.length)
    throw invalid(`the ${what} has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}
