import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import {
  AI_ACT_CLASSES,
  DEVICE_CLASSES,
  RANKING_METHODS,
  SCORE_MAX,
  SCORE_MIN,
  USE_CASE_CRITERIA,
  USE_CASE_CRITERION_IDS,
  USE_CASE_STAGES,
  type UseCaseCriterionId,
} from '@openehds/core';
import { HEALTH_CATEGORIES, type HealthCategoryCode } from '@openehds/standards';
import { requireRole } from '../auth/guard';
import { validate } from '../http/validate';
import { listUseCases, rankUseCases, useCaseDetail } from './read';
import {
  commentOnUseCase,
  linkUseCase,
  moveUseCaseStage,
  proposeUseCase,
  scoreUseCase,
  setDefaultWeights,
  toggleVote,
} from './service';
import { loadDefaultWeights } from './store';

const text = (max: number) => z.string().trim().min(1).max(max);
const CATEGORY_CODES = Object.keys(HEALTH_CATEGORIES) as [HealthCategoryCode, ...HealthCategoryCode[]];

const Proposal = z.strictObject({
  title: text(200),
  problem: text(4000),
  benefit: text(4000),
  // Art. 51(1) categories, by their HealthData@EU codes.
  dataCategories: z.array(z.enum(CATEGORY_CODES)).min(1).max(CATEGORY_CODES.length),
  keywords: z.array(text(60)).max(20).default([]),
  aiMethod: text(500),
  aiActClass: z.enum(AI_ACT_CLASSES),
  deviceClass: z.enum(DEVICE_CLASSES),
});

const Score = z.number().int().min(SCORE_MIN).max(SCORE_MAX);
const Scores = z.strictObject({
  scores: z.strictObject(
    Object.fromEntries(USE_CASE_CRITERION_IDS.map((id) => [id, Score])) as Record<
      UseCaseCriterionId,
      typeof Score
    >,
  ),
});

// Weights stay `unknown` here: checkWeights says why each bad one is refused (issue 6, bad input).
const Ranking = z.strictObject({
  method: z.enum(RANKING_METHODS).default('weighted_sum'),
  weights: z.unknown().optional(),
});
const Weights = z.strictObject({ weights: z.unknown() });
const Comment = z.strictObject({ body: text(4000) });
const Stage = z.strictObject({ stage: z.enum(USE_CASE_STAGES), reason: text(1000).optional() });
const Link = z.strictObject({ kind: z.enum(['application', 'permit']), id: text(200) });
const IdParams = z.object({ id: z.uuid('a use case id is a UUID') });
/** The use case a route names, checked at the edge (an empty or malformed id is a 400, not a store error). */
const idOf = (request: { params: unknown }) => validate(IdParams, request.params, 'path').id;

/**
 * The AI use-case pipeline (issue 6 §2). Any signed-in account proposes, scores, comments and votes
 * (the stakeholders of the platform: biotech companies, data holders, providers, patients,
 * regulators); HDAB staff move use cases through the stages and store the default weights.
 */
export function useCaseRoutes(app: FastifyInstance, deps: { db: Db; idleMinutes: number }): void {
  const { db } = deps;
  const signedIn = requireRole(db, deps.idleMinutes, 'any');
  const staff = requireRole(db, deps.idleMinutes, ['hdab_staff']);

  app.get('/api/use-cases', { preHandler: signedIn }, async (request) => ({
    items: await listUseCases(db, request.principal!),
  }));

  app.post('/api/use-cases', { preHandler: signedIn }, async (request, reply) => {
    const body = validate(Proposal, request.body ?? {}, 'use case proposal');
    reply.code(201);
    return proposeUseCase(db, request.principal!, body);
  });

  app.get('/api/use-cases/weights', { preHandler: signedIn }, async () => ({
    weights: await loadDefaultWeights(db),
    criteria: USE_CASE_CRITERIA,
    methods: RANKING_METHODS,
  }));

  app.put('/api/use-cases/weights', { preHandler: staff }, async (request) => {
    const body = validate(Weights, request.body ?? {}, 'weights');
    return { weights: await setDefaultWeights(db, request.principal!, body.weights) };
  });

  app.post('/api/use-cases/ranking', { preHandler: signedIn }, async (request) => {
    const body = validate(Ranking, request.body ?? {}, 'ranking request');
    return rankUseCases(db, request.principal!, {
      method: body.method,
      ...(body.weights !== undefined ? { weights: body.weights } : {}),
    });
  });

  app.get('/api/use-cases/:id', { preHandler: signedIn }, async (request) =>
    useCaseDetail(db, request.principal!, idOf(request)),
  );

  app.put('/api/use-cases/:id/score', { preHandler: signedIn }, async (request) => {
    const body = validate(Scores, request.body ?? {}, 'scores');
    await scoreUseCase(db, request.principal!, idOf(request), body.scores);
    return { scores: body.scores };
  });

  app.post('/api/use-cases/:id/comments', { preHandler: signedIn }, async (request, reply) => {
    const body = validate(Comment, request.body ?? {}, 'comment');
    reply.code(201);
    return commentOnUseCase(db, request.principal!, idOf(request), body.body);
  });

  app.post('/api/use-cases/:id/vote', { preHandler: signedIn }, async (request) =>
    toggleVote(db, request.principal!, idOf(request)),
  );

  app.post('/api/use-cases/:id/stage', { preHandler: staff }, async (request) => {
    const body = validate(Stage, request.body ?? {}, 'stage move');
    return moveUseCaseStage(db, request.principal!, idOf(request), body.stage, body.reason ?? null);
  });

  app.post('/api/use-cases/:id/links', { preHandler: signedIn }, async (request, reply) => {
    const body = validate(Link, request.body ?? {}, 'link');
    reply.code(201);
    return linkUseCase(db, request.principal!, idOf(request), body.kind, body.id);
  });
}
