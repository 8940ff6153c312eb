import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { conflict, notFound } from '@openehds/core';
import { checkOrgRefs as checkOrgs } from './org-store';
import type { StakeholderRelationship } from './model';
import type { RelationshipInput } from './schemas';
import type { RelationshipKind } from './vocab';

/** Relationships between stakeholder organisations in the store (migration 0021). */

const toRelationship = (r: Record<string, unknown>): StakeholderRelationship => ({
  id: r.id as string,
  fromOrgId: r.from_org as string,
  fromOrgName: r.from_name as string,
  toOrgId: r.to_org as string,
  toOrgName: r.to_name as string,
  kind: r.kind as RelationshipKind,
  note: (r.note as string | null) ?? null,
});

const RELATIONSHIP = `SELECT r.*, f.name AS from_name, t.name AS to_name FROM stakeholder_relationship r
  JOIN stakeholder_org f ON f.id = r.from_org JOIN stakeholder_org t ON t.id = r.to_org`;

/** Relationships (all, or those an organisation takes part in), by the names of their ends. */
export async function listRelationships(db: Queryable, orgId?: string): Promise<StakeholderRelationship[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${RELATIONSHIP} ${orgId ? 'WHERE r.from_org = $1 OR r.to_org = $1' : ''}
     ORDER BY lower(f.name), lower(t.name), r.kind`,
    orgId ? [orgId] : [],
  );
  return rows.map(toRelationship);
}

/** One relationship; 404 when unknown. */
export async function getRelationship(db: Queryable, id: string): Promise<StakeholderRelationship> {
  const [row] = await db.query<Record<string, unknown>>(`${RELATIONSHIP} WHERE r.id = $1`, [id]);
  if (!row) throw notFound('stakeholder relationship', id);
  return toRelationship(row);
}

/** Refuses a second relationship of the same kind between the same two organisations. */
async function checkUnique(db: Queryable, input: RelationshipInput, except: string | null): Promise<void> {
  const [clash] = await db.query(
    `SELECT 1 FROM stakeholder_relationship WHERE from_org = $1 AND to_org = $2 AND kind = $3
       AND id IS DISTINCT FROM $4`,
    [input.fromOrgId, input.toOrgId, input.kind, except],
  );
  if (clash) throw conflict(`this ${input.kind} relationship is already recorded; edit that one instead`);
}

/** Records a relationship. */
export async function createRelationship(db: Db, input: RelationshipInput): Promise<StakeholderRelationship> {
  const refs: [string, string][] = [
    ['fromOrgId', input.fromOrgId],
    ['toOrgId', input.toOrgId],
  ];
  await checkOrgs(db, 'relationship', refs);
  await checkUnique(db, input, null);
  const id = randomUUID();
  await db.query(
    'INSERT INTO stakeholder_relationship (id, from_org, to_org, kind, note) VALUES ($1, $2, $3, $4, $5)',
    [id, input.fromOrgId, input.toOrgId, input.kind, input.note],
  );
  return getRelationship(db, id);
}

/** Replaces a relationship. */
export async function updateRelationship(
  db: Db,
  id: string,
  input: RelationshipInput,
): Promise<StakeholderRelationship> {
  await getRelationship(db, id);
  await checkOrgs(db, 'relationship', [
    ['fromOrgId', input.fromOrgId],
    ['toOrgId', input.toOrgId],
  ]);
  await checkUnique(db, input, id);
  await db.query(
    'UPDATE stakeholder_relationship SET from_org = $2, to_org = $3, kind = $4, note = $5 WHERE id = $1',
    [id, input.fromOrgId, input.toOrgId, input.kind, input.note],
  );
  return getRelationship(db, id);
}

/** Removes a relationship. */
export async function deleteRelationship(db: Db, id: string): Promise<StakeholderRelationship> {
  const rel = await getRelationship(db, id);
  await db.query('DELETE FROM stakeholder_relationship WHERE id = $1', [id]);
  return rel;
}
