import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { requireRole } from '../auth/guard';
import { validate } from '../http/validate';
import { KPI_KEY, KPI_KEY_MAX, MILESTONE_STATUSES, RECOMMENDATION_STATUSES } from './rules';
import {
  createMilestone,
  createRecommendation,
  getRecommendation,
  listMilestones,
  listRecommendations,
  updateMilestone,
  updateRecommendation,
  type RoadmapActor,
} from './service';

const KpiKey = z
  .string()
  .trim()
  .max(KPI_KEY_MAX)
  .regex(
    KPI_KEY,
    'a KPI key: lower-case letters and digits, parts joined by . _ or - (e.g. permits.granted)',
  );

// A real calendar day between 2000 and 2100: the roadmap runs on the EHDS dates (EHDS.md §17).
const Day = z
  .string()
  .refine(
    (d) =>
      /^\d{4}-\d{2}-\d{2}$/.test(d) &&
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d) &&
      d >= '2000-01-01' &&
      d <= '2100-12-31',
    'a calendar day as YYYY-MM-DD, between 2000 and 2100',
  );

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

const RecommendationBody = z.strictObject({
  title: z.string().trim().min(3).max(200),
  rationale: z.string().trim().min(1).max(4000),
  owner: z.string().trim().min(1).max(200),
  status: z.enum(RECOMMENDATION_STATUSES).default('proposed'),
  targetDate: Day.nullable().default(null),
  kpiKeys: z.array(KpiKey).max(20).default([]).refine(unique, 'a KPI key is listed twice'),
});

const MilestoneBody = z.strictObject({
  title: z.string().trim().min(3).max(200),
  dueDate: Day,
  status: z.enum(MILESTONE_STATUSES).default('planned'),
  recommendationIds: z.array(z.uuid()).max(50).default([]).refine(unique, 'a recommendation is linked twice'),
  kpiTargets: z
    .array(z.strictObject({ key: KpiKey, target: z.number().finite() }))
    .max(20)
    .default([])
    .refine((t) => unique(t.map((x) => x.key)), 'a KPI is given two targets'),
});

const Filter = z.strictObject({ status: z.enum(RECOMMENDATION_STATUSES).optional() });
const Id = z.strictObject({ id: z.uuid() });

const actorOf = (request: FastifyRequest): RoadmapActor => ({
  accountId: request.principal!.accountId,
  username: request.principal!.username,
});

/**
 * Recommendations and roadmap (issue 6 §5): every signed-in account reads what was agreed and when it
 * is due; HDAB staff and admins, who run the multistakeholder platform, record and update it.
 */
export function roadmapRoutes(app: FastifyInstance, deps: { db: Db; idleMinutes: number }): void {
  const { db } = deps;
  const read = { preHandler: requireRole(db, deps.idleMinutes, 'any') };
  const write = { preHandler: requireRole(db, deps.idleMinutes, ['hdab_staff', 'admin']) };

  app.get('/api/roadmap/recommendations', read, async (request) => {
    const { status } = validate(Filter, request.query ?? {}, 'filter');
    return { items: await listRecommendations(db, status) };
  });
  app.get('/api/roadmap/recommendations/:id', read, async (request) =>
    getRecommendation(db, validate(Id, request.params, 'path').id),
  );
  app.post('/api/roadmap/recommendations', write, async (request, reply) => {
    const body = validate(RecommendationBody, request.body ?? {}, 'recommendation');
    return reply.code(201).send(await createRecommendation(db, actorOf(request), body));
  });
  app.put('/api/roadmap/recommendations/:id', write, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const body = validate(RecommendationBody, request.body ?? {}, 'recommendation');
    return updateRecommendation(db, actorOf(request), id, body);
  });

  app.get('/api/roadmap/milestones', read, async () => ({ items: await listMilestones(db) }));
  app.post('/api/roadmap/milestones', write, async (request, reply) => {
    const body = validate(MilestoneBody, request.body ?? {}, 'milestone');
    return reply.code(201).send(await createMilestone(db, actorOf(request), body));
  });
  app.put('/api/roadmap/milestones/:id', write, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const body = validate(MilestoneBody, request.body ?? {}, 'milestone');
    return updateMilestone(db, actorOf(request), id, body);
  });
}
