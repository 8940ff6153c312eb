import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import {
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  ApplicationContent,
  allowedEvents,
  completenessIssues,
  CRITERION_IDS,
  invalid,
  OUTCOMES,
  VERDICTS,
  workQueue,
  type CriterionId,
} from '@openehds/core';
import { requireRole } from '../auth/guard';
import type { Principal } from '../auth/roles';
import type { HubConfig } from '../config';
import { validate } from '../http/validate';
import { assessCriterion, assessmentOf, confirmCriterion } from './assessment';
import { clocksOf, extendDecisionPeriod } from './clocks';
import { dataUseFindings } from './data-use';
import { crossBorderOf } from '../cross-border/view';
import { decide, decisionOf, setAnonymisedAnswerConsent } from './decision';
import {
  acknowledgeEstimate,
  answerCostRequest,
  askHolderCosts,
  costRequestsFor,
  holderCosts,
  latestEstimate,
  sendEstimate,
} from './fees';
import {
  applicantStanding,
  applicationFor,
  createDraft,
  isStaff,
  provideInformation,
  saveContent,
  staffTransition,
  submit,
  withdraw,
} from './service';
import { applicationHistory, listApplications, type ApplicationRecord } from './store';

const Id = z.object({ id: z.uuid() });
const Reason = z.object({ reason: z.string().trim().min(1).max(5000) });
const Create = z
  .object({ kind: z.enum(APPLICATION_KINDS), content: ApplicationContent.default({}) })
  .strict();
const Save = z.object({ content: ApplicationContent, version: z.number().int().min(1) }).strict();
const Withdraw = z.object({ reason: z.string().trim().max(5000).optional() }).strict();
const Transition = z
  .object({
    event: z.enum(['start-pre-screening', 'request-information', 'complete']),
    reason: z.string().trim().max(5000).optional(),
  })
  .strict();
const Answer = z.object({ answer: z.string().trim().min(1).max(20000) }).strict();
const Criterion = z.object({
  id: z.uuid(),
  criterion: z.enum(CRITERION_IDS as [CriterionId, ...CriterionId[]]),
});
const Assess = z
  .object({ verdict: z.enum(VERDICTS), justification: z.string().trim().min(1).max(5000) })
  .strict();
const Decision = z
  .object({
    outcome: z.enum(OUTCOMES),
    reasons: z.string().trim().min(1).max(20000),
    grantedDatasets: z.array(z.string().min(1)).max(100).optional(),
    validFrom: z.iso.date().optional(),
    validUntil: z.iso.date().optional(),
    conditions: z.array(z.string().trim().min(1).max(2000)).max(50).optional(),
    optOutExceptionGranted: z.boolean().optional(),
  })
  .strict();
const Consent = z.object({ accepts: z.boolean() }).strict();
const CostAnswer = z
  .object({ amount: z.number().min(0).max(10_000_000), note: z.string().trim().max(2000).optional() })
  .strict();
const ListQuery = z.object({ status: z.enum(APPLICATION_STATUSES).optional() }).strict();

/**
 * The HDAB's case handling (Art. 67–69): data users compose and submit applications and requests;
 * HDAB staff pre-screen, ask for information, assess, estimate fees and decide; data holders state
 * their preparation costs. Every route is role-checked, and a file is only visible to its
 * applicant and (once submitted) to HDAB staff.
 */
export function applicationRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): void {
  const { db, idleMinutes, config } = deps;
  const applicant = { preHandler: requireRole(db, idleMinutes, ['data_user']) };
  const staff = { preHandler: requireRole(db, idleMinutes, ['hdab_staff']) };
  const either = { preHandler: requireRole(db, idleMinutes, ['data_user', 'hdab_staff']) };
  const holder = { preHandler: requireRole(db, idleMinutes, ['data_holder']) };

  /** The whole case file as its reader may see it. */
  const view = async (p: Principal, a: ApplicationRecord) => {
    const staffView = isStaff(p);
    const [history, clocks, estimate, decision, standing] = await Promise.all([
      applicationHistory(db, a.id),
      clocksOf(db, a, config),
      latestEstimate(db, a.id),
      decisionOf(db, a.id),
      applicantStanding(db, a.organisation?.id ?? null),
    ]);
    const assessment = staffView || decision ? await assessmentOf(db, a.id, config.fourEyes) : null;
    return {
      ...a,
      history,
      clocks,
      allowedEvents: allowedEvents(a.status),
      completeness: completenessIssues(a.kind, a.content, standing),
      assessment,
      holderCosts: staffView ? await holderCosts(db, a.id) : undefined,
      feeEstimate: estimate,
      decision,
      fourEyes: config.fourEyes,
      // EHDS.md §16: each requested dataset's DUO conditions against the stated use, for both sides.
      dataUse: await dataUseFindings(db, a.content, { country: a.organisation?.country }),
      // Art. 67(3), 68(5): the copies forwarded to other HDABs, their status and signed decisions.
      crossBorder: await crossBorderOf(db, a.id),
    };
  };

  app.post('/api/applications', applicant, async (request, reply) => {
    const input = validate(Create, request.body, 'application');
    const created = await createDraft(
      db,
      request.principal!,
      input,
      config.hdab.country === 'EU' ? 'EU' : config.hdab.country,
    );
    reply.code(201).header('location', `/api/applications/${created.id}`);
    return view(request.principal!, created);
  });

  // Applicants see their own files; staff see the work queue (every submitted file) sorted by deadline.
  app.get('/api/applications', either, async (request) => {
    const q = validate(ListQuery, request.query, 'query');
    const p = request.principal!;
    const rows = await listApplications(
      db,
      isStaff(p) ? { excludeDrafts: true, status: q.status } : { applicantId: p.accountId, status: q.status },
    );
    const now = new Date();
    const items = await Promise.all(
      rows.map(async (a) => ({
        id: a.id,
        reference: a.reference,
        kind: a.kind,
        title: a.content.title ?? '',
        status: a.status,
        outcome: a.outcome,
        applicant: a.applicant.displayName,
        organisation: a.organisation?.name ?? null,
        accelerated: a.accelerated,
        submittedAt: a.submittedAt,
        updatedAt: a.updatedAt,
        clocks: await clocksOf(db, a, config, now),
      })),
    );
    return { items: workQueue(items, now) };
  });

  app.get('/api/applications/:id', either, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return view(request.principal!, await applicationFor(db, request.principal!, id));
  });

  app.put('/api/applications/:id/content', applicant, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const input = validate(Save, request.body, 'application');
    return view(request.principal!, await saveContent(db, request.principal!, id, input));
  });

  app.post('/api/applications/:id/submit', applicant, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return view(request.principal!, await submit(db, request.principal!, id));
  });

  app.post('/api/applications/:id/withdraw', applicant, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const { reason } = validate(Withdraw, request.body ?? {}, 'withdrawal');
    return view(request.principal!, await withdraw(db, request.principal!, id, reason ?? null));
  });

  app.post('/api/applications/:id/information', applicant, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const { answer } = validate(Answer, request.body, 'answer');
    return view(request.principal!, await provideInformation(db, request.principal!, id, answer));
  });

  app.post('/api/applications/:id/anonymised-answer', applicant, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const { accepts } = validate(Consent, request.body, 'consent');
    return view(request.principal!, await setAnonymisedAnswerConsent(db, request.principal!, id, accepts));
  });

  app.post('/api/applications/:id/fee-estimate/accept', applicant, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return acknowledgeEstimate(db, request.principal!, id);
  });

  app.post('/api/applications/:id/transitions', staff, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const input = validate(Transition, request.body, 'transition');
    return view(
      request.principal!,
      await staffTransition(db, request.principal!, id, { event: input.event, reason: input.reason ?? null }),
    );
  });

  app.post('/api/applications/:id/extension', staff, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const { reason } = validate(Reason, request.body, 'extension');
    return view(request.principal!, await extendDecisionPeriod(db, request.principal!, id, reason, config));
  });

  app.put('/api/applications/:id/assessment/:criterion', staff, async (request) => {
    const { id, criterion } = validate(Criterion, request.params, 'path');
    const input = validate(Assess, request.body, 'assessment');
    await assessCriterion(db, request.principal!, id, { criterion, ...input });
    return assessmentOf(db, id, config.fourEyes);
  });

  app.post('/api/applications/:id/assessment/:criterion/confirm', staff, async (request) => {
    const { id, criterion } = validate(Criterion, request.params, 'path');
    await confirmCriterion(db, request.principal!, id, criterion);
    return assessmentOf(db, id, config.fourEyes);
  });

  app.post('/api/applications/:id/holder-costs', staff, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return { holderCosts: await askHolderCosts(db, request.principal!, id) };
  });

  app.post('/api/applications/:id/fee-estimate', staff, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return sendEstimate(db, request.principal!, id, config.hdab.name);
  });

  app.post('/api/applications/:id/decision', staff, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const input = validate(Decision, request.body, 'decision');
    return decide(db, request.principal!, id, input, config);
  });

  // The signed decision as a file, for `ehds verify FILE`.
  app.get('/api/applications/:id/decision', either, async (request, reply) => {
    const { id } = validate(Id, request.params, 'path');
    const a = await applicationFor(db, request.principal!, id);
    const d = await decisionOf(db, a.id);
    if (!d) throw invalid(`application ${a.reference} has no decision yet`);
    reply.header('content-disposition', `attachment; filename="decision-${a.reference}.json"`);
    return d.signed;
  });

  app.get('/api/holder/cost-requests', holder, async (request) => ({
    items: await costRequestsFor(db, request.principal!),
  }));

  app.put('/api/holder/cost-requests/:id', holder, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const input = validate(CostAnswer, request.body, 'cost');
    await answerCostRequest(db, request.principal!, id, { amount: input.amount, note: input.note ?? null });
    return { items: await costRequestsFor(db, request.principal!) };
  });
}
