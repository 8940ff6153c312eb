import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import {
  checkWeights,
  conflict,
  forbidden,
  invalid,
  nextStage,
  notFound,
  USE_CASE_CRITERIA,
  type AiActClass,
  type DeviceClass,
  type UseCaseStage,
} from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { loadDefaultWeights, loadUseCases, type UseCaseRecord } from './store';

/**
 * Writes of the AI use-case pipeline (issue 6 §2): proposals, scores, comments, votes, stage moves and
 * links to the applications and permits (Art. 67-68) that carry a use case out. Every write is audited
 * in the same transaction.
 */

/** What a proposer gives. */
export interface UseCaseProposal {
  title: string;
  problem: string;
  benefit: string;
  dataCategories: string[];
  keywords: string[];
  aiMethod: string;
  aiActClass: AiActClass;
  deviceClass: DeviceClass;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const actorOf = (p: Principal) => `account:${p.username}`;

/** The use case, or not-found (also for an id that is no UUID, so it never reaches the database). */
export async function findUseCase(db: Db, id: string): Promise<UseCaseRecord> {
  const [found] = UUID.test(id) ? await loadUseCases(db, id) : [];
  if (!found) throw notFound('use case', id);
  return found;
}

/** Advisory lock that serialises the numbering of proposals (see proposeUseCase). */
const USE_CASE_REFERENCE_LOCK = 7491;

/** Records a proposal at stage `proposed`, with a reference `UC-<year>-<nnnn>`. */
export async function proposeUseCase(
  db: Db,
  principal: Principal,
  input: UseCaseProposal,
  now = new Date(),
): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const year = now.getUTCFullYear();
  return db.transaction(async (tx) => {
    // Numbered from the year's count: on PostgreSQL two proposals at once would count alike and the
    // second fail on the UNIQUE reference, so they take their numbers one after the other (PGlite
    // runs one transaction at a time anyway).
    if (!tx.exclusive) await tx.query(`SELECT pg_advisory_xact_lock(${USE_CASE_REFERENCE_LOCK})`);
    const [last] = await tx.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM use_case WHERE reference LIKE $1`,
      [`UC-${year}-%`],
    );
    const reference = `UC-${year}-${String(Number(last?.n ?? 0) + 1).padStart(4, '0')}`;
    await tx.query(
      `INSERT INTO use_case (id, reference, title, problem, benefit, data_categories, keywords, ai_method,
         ai_act_class, device_class, stage, proposer_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, 'proposed', $11, $12, $12)`,
      [
        id,
        reference,
        input.title,
        input.problem,
        input.benefit,
        JSON.stringify(input.dataCategories),
        JSON.stringify(input.keywords),
        input.aiMethod,
        input.aiActClass,
        input.deviceClass,
        principal.accountId,
        now.toISOString(),
      ],
    );
    await tx.query(
      `INSERT INTO use_case_stage_event (use_case_id, from_stage, to_stage, actor_id, at) VALUES ($1, NULL, 'proposed', $2, $3)`,
      [id, principal.accountId, now.toISOString()],
    );
    await appendIn(tx, {
      actor: actorOf(principal),
      action: 'use_case.propose',
      object: `use_case:${id}`,
      outcome: 'success',
      details: { reference, aiActClass: input.aiActClass, deviceClass: input.deviceClass },
    });
    return { id, reference };
  });
}

/** Stages at which stakeholders may still score (a closed use case keeps the scores it had). */
const CLOSED: readonly UseCaseStage[] = ['completed', 'rejected'];

/** Sets (or replaces) the caller's 1–5 scores of every criterion of a use case. */
export async function scoreUseCase(
  db: Db,
  principal: Principal,
  id: string,
  scores: Record<string, number>,
): Promise<void> {
  const useCase = await findUseCase(db, id);
  if (CLOSED.includes(useCase.stage))
    throw conflict(`use case ${useCase.reference} is ${useCase.stage}; scores can no longer change`);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO use_case_score (use_case_id, account_id, scores, updated_at) VALUES ($1, $2, $3::jsonb, now())
       ON CONFLICT (use_case_id, account_id) DO UPDATE SET scores = EXCLUDED.scores, updated_at = now()`,
      [id, principal.accountId, JSON.stringify(scores)],
    );
    await appendIn(tx, {
      actor: actorOf(principal),
      action: 'use_case.score',
      object: `use_case:${id}`,
      outcome: 'success',
      details: { scores },
    });
  });
}

/** Adds a comment to a use case. */
export async function commentOnUseCase(
  db: Db,
  principal: Principal,
  id: string,
  body: string,
): Promise<{ id: string }> {
  await findUseCase(db, id);
  const commentId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO use_case_comment (id, use_case_id, account_id, body) VALUES ($1, $2, $3, $4)`,
      [commentId, id, principal.accountId, body],
    );
    await appendIn(tx, {
      actor: actorOf(principal),
      action: 'use_case.comment',
      object: `use_case:${id}`,
      outcome: 'success',
      details: { commentId },
    });
  });
  return { id: commentId };
}

/** Casts the caller's vote for a use case, or withdraws it when already cast (one vote per account). */
export async function toggleVote(
  db: Db,
  principal: Principal,
  id: string,
): Promise<{ voted: boolean; votes: number }> {
  await findUseCase(db, id);
  return db.transaction(async (tx) => {
    const removed = await tx.query(
      'DELETE FROM use_case_vote WHERE use_case_id = $1 AND account_id = $2 RETURNING use_case_id',
      [id, principal.accountId],
    );
    const voted = removed.length === 0;
    if (voted)
      await tx.query('INSERT INTO use_case_vote (use_case_id, account_id) VALUES ($1, $2)', [
        id,
        principal.accountId,
      ]);
    await appendIn(tx, {
      actor: actorOf(principal),
      action: voted ? 'use_case.vote' : 'use_case.unvote',
      object: `use_case:${id}`,
      outcome: 'success',
    });
    const [count] = await tx.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM use_case_vote WHERE use_case_id = $1',
      [id],
    );
    return { voted, votes: Number(count?.n ?? 0) };
  });
}

/** Moves a use case to another stage (HDAB staff), as the stage table allows; recorded and audited. */
export async function moveUseCaseStage(
  db: Db,
  principal: Principal,
  id: string,
  to: UseCaseStage,
  reason: string | null,
): Promise<{ stage: UseCaseStage }> {
  const useCase = await findUseCase(db, id);
  const stage = nextStage(useCase.stage, to);
  await db.transaction(async (tx) => {
    // Only from the stage read above: a concurrent move makes this one a conflict, not a silent overwrite.
    const moved = await tx.query(
      `UPDATE use_case SET stage = $2, updated_at = now() WHERE id = $1 AND stage = $3 RETURNING id`,
      [id, stage, useCase.stage],
    );
    if (!moved.length) throw conflict(`use case ${useCase.reference} was moved meanwhile; reload it`);
    await tx.query(
      `INSERT INTO use_case_stage_event (use_case_id, from_stage, to_stage, actor_id, reason) VALUES ($1, $2, $3, $4, $5)`,
      [id, useCase.stage, stage, principal.accountId, reason],
    );
    await appendIn(tx, {
      actor: actorOf(principal),
      action: 'use_case.stage',
      object: `use_case:${id}`,
      outcome: 'success',
      details: { from: useCase.stage, to: stage, ...(reason ? { reason } : {}) },
    });
  });
  return { stage };
}

/**
 * Links a use case to an application (its id or reference) or a permit (its id) that carries it
 * out; the target must exist. The proposer and HDAB staff may link.
 */
export async function linkUseCase(
  db: Db,
  principal: Principal,
  id: string,
  kind: 'application' | 'permit',
  target: string,
): Promise<{ kind: string; id: string }> {
  const useCase = await findUseCase(db, id);
  if (principal.role !== 'hdab_staff' && principal.accountId !== useCase.proposer.id)
    throw forbidden('only the proposer of this use case or HDAB staff may link it');
  const [found] =
    kind === 'application'
      ? await db.query<{ id: string }>(
          `SELECT id::text AS id FROM application WHERE reference = $1 OR ($2 AND id::text = lower($1))`,
          [target, UUID.test(target)],
        )
      : await db.query<{ id: string }>('SELECT id FROM permit WHERE id = $1', [target]);
  if (!found)
    throw invalid(`no ${kind} ${target}`, [
      {
        path: 'id',
        message: `no ${kind} has the id${kind === 'application' ? ' or reference' : ''} ${target}`,
      },
    ]);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO use_case_link (use_case_id, kind, target_id, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [id, kind, found.id, principal.accountId],
    );
    await appendIn(tx, {
      actor: actorOf(principal),
      action: 'use_case.link',
      object: `use_case:${id}`,
      outcome: 'success',
      details: { kind, target: found.id },
    });
  });
  return { kind, id: found.id };
}

/** Stores the default ranking weights (HDAB staff), refusing weights that do not make sense. */
export async function setDefaultWeights(
  db: Db,
  principal: Principal,
  weights: unknown,
): Promise<Record<string, number>> {
  const check = checkWeights(weights, USE_CASE_CRITERIA);
  if (!check.ok) throw invalid('these weights do not make sense', check.issues);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO use_case_weights (id, weights, updated_by, updated_at) VALUES ('default', $1::jsonb, $2, now())
       ON CONFLICT (id) DO UPDATE SET weights = EXCLUDED.weights, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [JSON.stringify(check.weights.raw), principal.accountId],
    );
    await appendIn(tx, {
      actor: actorOf(principal),
      action: 'use_case.weights',
      object: 'use_case_weights:default',
      outcome: 'success',
      details: { weights: check.weights.raw },
    });
  });
  return loadDefaultWeights(db);
}
