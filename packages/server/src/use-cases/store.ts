import type { Db, Queryable } from '@openehds/db';
import {
  DEFAULT_USE_CASE_WEIGHTS,
  USE_CASE_CRITERION_IDS,
  type AiActClass,
  type DeviceClass,
  type UseCaseStage,
} from '@openehds/core';

/** A use case as stored, with its proposer and vote count. */
export interface UseCaseRecord {
  id: string;
  reference: string;
  title: string;
  problem: string;
  benefit: string;
  dataCategories: string[];
  keywords: string[];
  aiMethod: string;
  aiActClass: AiActClass;
  deviceClass: DeviceClass;
  stage: UseCaseStage;
  proposer: { id: string; username: string; displayName: string };
  votes: number;
  createdAt: string;
  updatedAt: string;
}

/** One stakeholder's scores of one use case. */
export interface ScoreRecord {
  useCaseId: string;
  accountId: string;
  scores: Record<string, number>;
  updatedAt: string;
}

const iso = (v: unknown) => new Date(v as string).toISOString();

/** Loads use cases (all, or one by id), newest first. */
export async function loadUseCases(db: Queryable, id?: string): Promise<UseCaseRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT u.*, a.username, a.display_name,
       (SELECT count(*) FROM use_case_vote v WHERE v.use_case_id = u.id) AS votes
     FROM use_case u JOIN account a ON a.id = u.proposer_id
     WHERE ($1::uuid IS NULL OR u.id = $1::uuid)
     ORDER BY u.created_at DESC, u.reference DESC`,
    [id ?? null],
  );
  return rows.map((r) => ({
    id: r.id as string,
    reference: r.reference as string,
    title: r.title as string,
    problem: r.problem as string,
    benefit: r.benefit as string,
    dataCategories: r.data_categories as string[],
    keywords: r.keywords as string[],
    aiMethod: r.ai_method as string,
    aiActClass: r.ai_act_class as AiActClass,
    deviceClass: r.device_class as DeviceClass,
    stage: r.stage as UseCaseStage,
    proposer: {
      id: r.proposer_id as string,
      username: r.username as string,
      displayName: r.display_name as string,
    },
    votes: Number(r.votes),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }));
}

/** Every score set (of one use case when given). */
export async function loadScores(db: Queryable, useCaseId?: string): Promise<ScoreRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT use_case_id, account_id, scores, updated_at FROM use_case_score
     WHERE ($1::uuid IS NULL OR use_case_id = $1::uuid)`,
    [useCaseId ?? null],
  );
  return rows.map((r) => ({
    useCaseId: r.use_case_id as string,
    accountId: r.account_id as string,
    scores: r.scores as Record<string, number>,
    updatedAt: iso(r.updated_at),
  }));
}

/** The ids of the use cases this account voted for. */
export async function votedBy(db: Queryable, accountId: string): Promise<Set<string>> {
  const rows = await db.query<{ use_case_id: string }>(
    'SELECT use_case_id FROM use_case_vote WHERE account_id = $1',
    [accountId],
  );
  return new Set(rows.map((r) => r.use_case_id));
}

/** A use case's comments, oldest first, with their authors' names. */
export async function loadComments(db: Queryable, useCaseId: string) {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT c.id, c.body, c.created_at, a.display_name FROM use_case_comment c
     JOIN account a ON a.id = c.account_id WHERE c.use_case_id = $1 ORDER BY c.created_at, c.id`,
    [useCaseId],
  );
  return rows.map((r) => ({
    id: r.id as string,
    author: r.display_name as string,
    body: r.body as string,
    createdAt: iso(r.created_at),
  }));
}

/** A use case's stage history, oldest first. */
export async function loadStageHistory(db: Queryable, useCaseId: string) {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT e.from_stage, e.to_stage, e.reason, e.at, a.display_name FROM use_case_stage_event e
     LEFT JOIN account a ON a.id = e.actor_id WHERE e.use_case_id = $1 ORDER BY e.seq`,
    [useCaseId],
  );
  return rows.map((r) => ({
    from: (r.from_stage as UseCaseStage | null) ?? null,
    to: r.to_stage as UseCaseStage,
    by: (r.display_name as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    at: iso(r.at),
  }));
}

/** The applications (with their reference) and permits (with their status) a use case is linked to. */
export async function loadLinks(db: Queryable, useCaseId: string) {
  const applications = await db.query<{ id: string; reference: string }>(
    `SELECT a.id, a.reference FROM use_case_link l JOIN application a ON a.id::text = l.target_id
     WHERE l.use_case_id = $1 AND l.kind = 'application' ORDER BY l.added_at, a.reference`,
    [useCaseId],
  );
  const permits = await db.query<{ id: string; status: string }>(
    `SELECT p.id, p.status FROM use_case_link l JOIN permit p ON p.id = l.target_id
     WHERE l.use_case_id = $1 AND l.kind = 'permit' ORDER BY l.added_at, p.id`,
    [useCaseId],
  );
  return { applications, permits };
}

/** The default ranking weights HDAB staff stored, or the equal defaults. */
export async function loadDefaultWeights(db: Db | Queryable): Promise<Record<string, number>> {
  const [row] = await db.query<{ weights: Record<string, number> }>(
    `SELECT weights FROM use_case_weights WHERE id = 'default'`,
  );
  // Criteria added after the weights were stored start at 0 until staff weigh them.
  if (row) return Object.fromEntries(USE_CASE_CRITERION_IDS.map((id) => [id, row.weights[id] ?? 0]));
  return { ...DEFAULT_USE_CASE_WEIGHTS };
}
