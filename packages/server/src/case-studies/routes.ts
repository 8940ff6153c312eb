import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { requireRole } from '../auth/guard';
import { validate } from '../http/validate';
import { CASE_STUDY_ACTIONS, CASE_STUDY_STATUSES } from './lifecycle';
import { optionalReader } from './reader';
import { DEFAULT_LIBRARY_PAGE_SIZE, MAX_LIBRARY_PAGE_SIZE, searchLibrary } from './search';
import {
  caseStudiesForReview,
  caseStudyView,
  createCaseStudy,
  moveCaseStudy,
  myCaseStudies,
  prefillCaseStudy,
  updateCaseStudy,
} from './service';
import { CaseStudyInput, CaseStudyUpdate, normalise } from './template';

const LibraryQuery = z.strictObject({
  q: z.string().max(500).optional(),
  tag: z.string().max(40).optional(),
  country: z.string().max(2).optional(),
  dataset: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_LIBRARY_PAGE_SIZE).default(DEFAULT_LIBRARY_PAGE_SIZE),
});

const ReviewQuery = z.strictObject({ status: z.enum(CASE_STUDY_STATUSES).optional() });

const Prefill = z.strictObject({
  permitId: z.string().trim().min(1).max(200),
  useCaseId: z.string().trim().min(1).max(200).nullable().optional(),
});

const Transition = z.strictObject({
  action: z.enum(CASE_STUDY_ACTIONS),
  reason: z.string().trim().max(2000).nullable().optional(),
});

/**
 * Case studies (issue 6 §3; README.md). The library and published case studies are public lessons;
 * writing needs a signed-in account; the review queue is HDAB staff's. Who may move what is checked
 * in the service (author, staff, four eyes).
 */
export function caseStudyRoutes(app: FastifyInstance, deps: { db: Db; idleMinutes: number }): void {
  const { db } = deps;
  const signedIn = requireRole(db, deps.idleMinutes, 'any');
  const any = { preHandler: signedIn };
  const staff = { preHandler: requireRole(db, deps.idleMinutes, ['hdab_staff']) };

  app.get('/api/case-studies', async (request) =>
    searchLibrary(db, validate(LibraryQuery, request.query ?? {}, 'library query')),
  );

  app.get('/api/case-studies/mine', any, async (request) => ({
    items: await myCaseStudies(db, request.principal!),
  }));

  app.get('/api/case-studies/review', staff, async (request) => {
    const { status } = validate(ReviewQuery, request.query ?? {}, 'review query');
    return { items: await caseStudiesForReview(db, request.principal!, status) };
  });

  app.get<{ Params: { id: string } }>('/api/case-studies/:id', async (request, reply) =>
    caseStudyView(db, await optionalReader(request, reply, signedIn), request.params.id),
  );

  app.post('/api/case-studies', any, async (request, reply) => {
    const body = validate(CaseStudyInput, request.body ?? {}, 'case study');
    const created = await createCaseStudy(db, request.principal!, normalise(body));
    return reply.code(201).send(created);
  });

  app.post('/api/case-studies/prefill', any, async (request, reply) => {
    const body = validate(Prefill, request.body ?? {}, 'pre-fill request');
    const created = await prefillCaseStudy(db, request.principal!, body.permitId, body.useCaseId ?? null);
    return reply.code(201).send(created);
  });

  app.put<{ Params: { id: string } }>('/api/case-studies/:id', any, async (request) => {
    const { version, ...content } = validate(CaseStudyUpdate, request.body ?? {}, 'case study');
    return updateCaseStudy(db, request.principal!, request.params.id, normalise(content), version);
  });

  app.post<{ Params: { id: string } }>('/api/case-studies/:id/transitions', any, async (request) => {
    const body = validate(Transition, request.body ?? {}, 'transition');
    return moveCaseStudy(db, request.principal!, request.params.id, body.action, body.reason ?? null);
  });
}
