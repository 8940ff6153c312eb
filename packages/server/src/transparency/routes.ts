import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { invalid } from '@openehds/core';
import { requireRole } from '../auth/guard';
import type { HubConfig } from '../config';
import { validate } from '../http/validate';
import { activityReport } from './activity-data';
import { activityHtml } from './activity-html';
import { activityPdf } from './activity-pdf';
import { atomFeed } from './atom';
import { registerEvents } from './feed-events';
import { pagePosition, RegisterQuery } from './paging';
import { publicationDuties, publishDecision } from './publication';
import { registerApplications } from './register-applications';
import { registerDecisions } from './register-decisions';
import { registerResults, reportAnswerResult, reportPermitResult, ResultInput } from './results';

const Id = z.object({ id: z.uuid() });
const PermitId = z.object({ id: z.string().trim().min(1).max(100) });
const FeedQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();
const ReportQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    format: z.enum(['json', 'html', 'pdf']).optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'the period ends before it starts', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 10 * 366 * 86_400_000, {
    message: 'a report covers at most 10 years',
    path: ['to'],
  });

/**
 * Transparency (Art. 57(1)(j), 59, 61(4)): the public register of applications, decisions and
 * results (JSON and Atom, no sign-in: TEHDAS2 M4.1.1, discovery is free), the publication of
 * decisions and its 30-working-day duty, results reported by data users, and the activity report.
 */
export async function transparencyRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): Promise<void> {
  const { db, idleMinutes, config } = deps;
  const staff = { preHandler: requireRole(db, idleMinutes, ['hdab_staff']) };
  const reporting = { preHandler: requireRole(db, idleMinutes, ['hdab_staff', 'admin']) };
  const applicant = { preHandler: requireRole(db, idleMinutes, ['data_user']) };

  // Art. 57(1)(j)(ii): every application and request received.
  app.get('/api/register/applications', async (request) =>
    registerApplications(db, pagePosition(validate(RegisterQuery, request.query, 'query'))),
  );

  // Art. 57(1)(j)(iii)-(iv): permits issued or refused with their reasons, every version and status.
  app.get('/api/register/permits', async (request) =>
    registerDecisions(db, pagePosition(validate(RegisterQuery, request.query, 'query'))),
  );

  // Art. 57(1)(j)(v): results reported by data users.
  app.get('/api/register/results', async (request) =>
    registerResults(db, pagePosition(validate(RegisterQuery, request.query, 'query'))),
  );

  app.get('/register.atom', async (request, reply) => {
    const { limit } = validate(FeedQuery, request.query, 'query');
    const now = new Date();
    const events = await registerEvents(db, config.publicUrl, limit, now);
    const xml = atomFeed(
      {
        baseUrl: config.publicUrl,
        hdabName: config.hdab.name,
        hdabUrl: config.hdab.url,
        hdabEmail: config.hdab.email,
      },
      events,
      now,
    );
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });

  // Art. 57(1)(j)(iii): decisions still to publish, with the 30-working-day countdown.
  app.get('/api/register/publication-duties', staff, async () => publicationDuties(db, config));

  app.post('/api/applications/:id/publish', staff, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return publishDecision(db, request.principal!, id);
  });

  app.post('/api/permits/:id/results', applicant, async (request, reply) => {
    const { id } = validate(PermitId, request.params, 'path');
    const input = validate(ResultInput, request.body, 'result');
    reply.code(201);
    return reportPermitResult(db, request.principal!, id, input);
  });

  // Results of an answered health data request, which has no permit to report them against.
  app.post('/api/applications/:id/results', applicant, async (request, reply) => {
    const { id } = validate(Id, request.params, 'path');
    const input = validate(ResultInput, request.body, 'result');
    reply.code(201);
    return reportAnswerResult(db, request.principal!, id, input);
  });

  // Art. 59(1): the activity report for any period, as JSON, an accessible HTML page or PDF.
  app.get('/api/reports/activity', reporting, async (request, reply) => {
    const q = validate(ReportQuery, request.query, 'query');
    const format = q.format ?? (request.headers.accept?.includes('text/html') ? 'html' : 'json');
    const report = await activityReport(db, config, { from: q.from, to: q.to });
    const name = `activity-report-${q.from}-${q.to}`;
    switch (format) {
      case 'json':
        return report;
      case 'html':
        return reply.type('text/html; charset=utf-8').send(activityHtml(report));
      case 'pdf':
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(Buffer.from(await activityPdf(report)));
      default:
        throw invalid(`unknown format ${String(format)}`);
    }
  });
}
