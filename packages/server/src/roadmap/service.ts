import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { invalid, notFound } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { MilestoneStatus, RecommendationStatus } from './rules';

/** Who changes the roadmap (HDAB staff or an admin). */
export interface RoadmapActor {
  accountId: string;
  username: string;
}

/** A recommendation as the API returns it. */
export interface Recommendation {
  id: string;
  title: string;
  rationale: string;
  owner: string;
  status: RecommendationStatus;
  targetDate: string | null;
  kpiKeys: string[];
  createdAt: string;
  updatedAt: string;
}

/** What a caller gives to create or replace a recommendation. */
export type RecommendationInput = Pick<
  Recommendation,
  'title' | 'rationale' | 'owner' | 'status' | 'targetDate' | 'kpiKeys'
>;

/** A KPI a milestone is measured by, with the value to reach. */
export interface KpiTarget {
  key: string;
  target: number;
}

/** A milestone as the API returns it. */
export interface Milestone {
  id: string;
  title: string;
  dueDate: string;
  status: MilestoneStatus;
  recommendationIds: string[];
  kpiTargets: KpiTarget[];
  createdAt: string;
  updatedAt: string;
}

/** What a caller gives to create or replace a milestone. */
export type MilestoneInput = Pick<
  Milestone,
  'title' | 'dueDate' | 'status' | 'recommendationIds' | 'kpiTargets'
>;

interface RecommendationRow {
  id: string;
  title: string;
  rationale: string;
  owner: string;
  status: RecommendationStatus;
  target_date: string | null;
  kpi_keys: string[] | string;
  created_at: Date | string;
  updated_at: Date | string;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const iso = (v: Date | string) => new Date(v).toISOString();

const REC_COLUMNS = `id, title, rationale, owner, status, to_char(target_date, 'YYYY-MM-DD') AS target_date, kpi_keys,
  created_at, updated_at`;

const toRecommendation = (r: RecommendationRow): Recommendation => ({
  id: r.id,
  title: r.title,
  rationale: r.rationale,
  owner: r.owner,
  status: r.status,
  targetDate: r.target_date,
  kpiKeys: json(r.kpi_keys),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** The recommendations, optionally of one status, by target date (undated last), then title. */
export async function listRecommendations(
  db: Queryable,
  status?: RecommendationStatus,
): Promise<Recommendation[]> {
  const rows = await db.query<RecommendationRow>(
    `SELECT ${REC_COLUMNS} FROM roadmap_recommendation WHERE ($1::text IS NULL OR status = $1)
     ORDER BY target_date NULLS LAST, title`,
    [status ?? null],
  );
  return rows.map(toRecommendation);
}

/** One recommendation, or `notFound`. */
export async function getRecommendation(db: Queryable, id: string): Promise<Recommendation> {
  const [row] = await db.query<RecommendationRow>(
    `SELECT ${REC_COLUMNS} FROM roadmap_recommendation WHERE id = $1`,
    [id],
  );
  if (!row) throw notFound('recommendation', id);
  return toRecommendation(row);
}

/** Records a recommendation; audited with its status. */
export async function createRecommendation(
  db: Db,
  actor: RoadmapActor,
  input: RecommendationInput,
): Promise<Recommendation> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO roadmap_recommendation (id, title, rationale, owner, status, target_date, kpi_keys, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        input.title,
        input.rationale,
        input.owner,
        input.status,
        input.targetDate,
        JSON.stringify(input.kpiKeys),
        actor.accountId,
      ],
    );
    await appendIn(tx, {
      actor: `account:${actor.username}`,
      action: 'roadmap.recommendation.create',
      object: `recommendation:${id}`,
      outcome: 'success',
      details: { title: input.title, status: input.status },
    });
    return getRecommendation(tx, id);
  });
}

/**
 * Replaces a recommendation's fields. A status change is audited with the old and new status (the
 * roadmap's history of decisions); other edits with the fields changed.
 */
export async function updateRecommendation(
  db: Db,
  actor: RoadmapActor,
  id: string,
  input: RecommendationInput,
): Promise<Recommendation> {
  return db.transaction(async (tx) => {
    const before = await getRecommendation(tx, id);
    await tx.query(
      `UPDATE roadmap_recommendation SET title = $2, rationale = $3, owner = $4, status = $5, target_date = $6,
         kpi_keys = $7, updated_at = now() WHERE id = $1`,
      [
        id,
        input.title,
        input.rationale,
        input.owner,
        input.status,
        input.targetDate,
        JSON.stringify(input.kpiKeys),
      ],
    );
    const changed = (Object.keys(input) as (keyof RecommendationInput)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(input[k]),
    );
    if (before.status !== input.status)
      await appendIn(tx, {
        actor: `account:${actor.username}`,
        action: 'roadmap.recommendation.status',
        object: `recommendation:${id}`,
        outcome: 'success',
        details: { from: before.status, to: input.status },
      });
    if (changed.some((k) => k !== 'status'))
      await appendIn(tx, {
        actor: `account:${actor.username}`,
        action: 'roadmap.recommendation.update',
        object: `recommendation:${id}`,
        outcome: 'success',
        details: { fields: changed.filter((k) => k !== 'status') },
      });
    return getRecommendation(tx, id);
  });
}

interface MilestoneRow {
  id: string;
  title: string;
  due_date: string;
  status: MilestoneStatus;
  kpi_targets: KpiTarget[] | string;
  recommendation_ids: string[] | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const MILESTONE_SELECT = `SELECT m.id, m.title, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, m.status, m.kpi_targets,
    m.created_at, m.updated_at,
    ARRAY(SELECT l.recommendation_id::text FROM roadmap_milestone_recommendation l
          WHERE l.milestone_id = m.id ORDER BY l.recommendation_id) AS recommendation_ids
  FROM roadmap_milestone m`;

const toMilestone = (r: MilestoneRow): Milestone => ({
  id: r.id,
  title: r.title,
  dueDate: r.due_date,
  status: r.status,
  recommendationIds: r.recommendation_ids ?? [],
  kpiTargets: json(r.kpi_targets),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** The milestones by due date. */
export async function listMilestones(db: Queryable): Promise<Milestone[]> {
  return (await db.query<MilestoneRow>(`${MILESTONE_SELECT} ORDER BY m.due_date, m.title`)).map(toMilestone);
}

async function getMilestone(db: Queryable, id: string): Promise<Milestone> {
  const [row] = await db.query<MilestoneRow>(`${MILESTONE_SELECT} WHERE m.id = $1`, [id]);
  if (!row) throw notFound('milestone', id);
  return toMilestone(row);
}

/** Refuses links to recommendations that do not exist, naming each by its index. */
async function checkLinks(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const found = await tx.query<{ id: string }>(
    'SELECT id FROM roadmap_recommendation WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const known = new Set(found.map((r) => r.id));
  const issues = ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [{ path: `recommendationIds[${i}]`, message: `no recommendation ${id}; link an existing one` }],
  );
  if (issues.length)
    throw invalid(
      `the milestone links ${issues.length} unknown recommendation${issues.length === 1 ? '' : 's'}`,
      issues,
    );
}

async function writeLinks(tx: Queryable, id: string, ids: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM roadmap_milestone_recommendation WHERE milestone_id = $1', [id]);
  if (ids.length)
    await tx.query(
      `INSERT INTO roadmap_milestone_recommendation (milestone_id, recommendation_id) SELECT $1, unnest($2::uuid[])`,
      [id, ids],
    );
}

/** Records a milestone with its links and KPI targets; audited. */
export async function createMilestone(
  db: Db,
  actor: RoadmapActor,
  input: MilestoneInput,
): Promise<Milestone> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    await checkLinks(tx, input.recommendationIds);
    await tx.query(
      `INSERT INTO roadmap_milestone (id, title, due_date, status, kpi_targets, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, input.title, input.dueDate, input.status, JSON.stringify(input.kpiTargets), actor.accountId],
    );
    await writeLinks(tx, id, input.recommendationIds);
    await appendIn(tx, {
      actor: `account:${actor.username}`,
      action: 'roadmap.milestone.create',
      object: `milestone:${id}`,
      outcome: 'success',
      details: { title: input.title, dueDate: input.dueDate, status: input.status },
    });
    return getMilestone(tx, id);
  });
}

/** Replaces a milestone's fields and links; a status change is audited with the old and new status. */
export async function updateMilestone(
  db: Db,
  actor: RoadmapActor,
  id: string,
  input: MilestoneInput,
): Promise<Milestone> {
  return db.transaction(async (tx) => {
    const before = await getMilestone(tx, id);
    await checkLinks(tx, input.recommendationIds);
    await tx.query(
      `UPDATE roadmap_milestone SET title = $2, due_date = $3, status = $4, kpi_targets = $5, updated_at = now() WHERE id = $1`,
      [id, input.title, input.dueDate, input.status, JSON.stringify(input.kpiTargets)],
    );
    await writeLinks(tx, id, input.recommendationIds);
    await appendIn(tx, {
      actor: `account:${actor.username}`,
      action: before.status !== input.status ? 'roadmap.milestone.status' : 'roadmap.milestone.update',
      object: `milestone:${id}`,
      outcome: 'success',
      details:
        before.status !== input.status
          ? { from: before.status, to: input.status }
          : { dueDate: input.dueDate },
    });
    return getMilestone(tx, id);
  });
}
