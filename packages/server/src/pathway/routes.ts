import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { PATHWAY_QUESTIONS, pathwayReport, visibleQuestions } from '@openehds/core';
import { requireRole } from '../auth/guard';
import { validate } from '../http/validate';
import { getPathwayReport, listPathwayReports, savePathwayReport } from './service';

// Answers: question id → option code, or a list for multi-choice; core checks ids and options.
const Answers = z.record(
  z.string().max(64),
  z.union([z.string().max(64), z.array(z.string().max(64)).max(20)]),
);
const Evaluate = z.strictObject({ answers: Answers });
const Save = z.strictObject({ title: z.string().trim().min(1).max(200), answers: Answers });
const Id = z.strictObject({ id: z.uuid() });

/**
 * The regulatory pathway navigator (issue 6 §4). The questionnaire and its evaluation are public
 * guidance, with no personal data in them; saving a report needs a sign-in and only its owner reads it.
 * The rules live in @openehds/core (pathway/), so the UI shows exactly what the hub computes.
 */
export function pathwayRoutes(app: FastifyInstance, deps: { db: Db; idleMinutes: number }): void {
  const { db } = deps;
  const signedIn = { preHandler: requireRole(db, deps.idleMinutes, 'any') };

  app.get('/api/pathway/questionnaire', async () => ({ questions: PATHWAY_QUESTIONS }));

  // The questions that show for these answers and the report so far (incomplete, stopped or complete).
  app.post('/api/pathway/evaluate', async (request) => {
    const { answers } = validate(Evaluate, request.body ?? {}, 'answers');
    const report = pathwayReport(answers);
    return { visible: visibleQuestions(answers).map((q) => q.id), report };
  });

  app.get('/api/pathway/reports', signedIn, async (request) => ({
    items: await listPathwayReports(db, request.principal!.accountId),
  }));
  app.get('/api/pathway/reports/:id', signedIn, async (request) =>
    getPathwayReport(db, request.principal!.accountId, validate(Id, request.params, 'path').id),
  );
  app.post('/api/pathway/reports', signedIn, async (request, reply) => {
    const body = validate(Save, request.body ?? {}, 'pathway report');
    return reply.code(201).send(await savePathwayReport(db, request.principal!, body));
  });
}
