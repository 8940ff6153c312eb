import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import type { HubConfig } from '../config';
import { requireRole } from '../auth/guard';
import { validate } from '../http/validate';
import { listAiProducts, REGULATORY_STATUSES, reportAiProduct } from './ai-products';
import { kpiCsv } from './csv';
import { LIVE_KPI_KEYS } from './live-figures';
import {
  createManualKpi,
  deleteManualKpi,
  deleteManualValue,
  listManualKpis,
  recordManualValue,
  updateManualKpi,
} from './manual';
import { kpiPdf } from './report-pdf';
import { kpiDashboard } from './service';

const Window = z.strictObject({ months: z.coerce.number().int().min(1).max(60).optional() });
const Id = z.object({ id: z.uuid() });
const IdDate = z.object({ id: z.uuid(), date: z.iso.date() });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Fields = {
  title: Text(200),
  unit: Text(20),
  description: z.string().trim().max(2000).nullable().optional(),
  target: z.number().nullable().optional(),
  direction: z.enum(['higher', 'lower']),
};
const ManualInput = z.strictObject({
  key: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z][a-z0-9]*([._-][a-z0-9]+)*$/, 'lower-case letters and digits, parts joined by . _ or -')
    .refine((k) => !(LIVE_KPI_KEYS as readonly string[]).includes(k), 'this key is a live KPI of the hub'),
  ...Fields,
});
const ManualPatch = z
  .strictObject({
    ...Fields,
    title: Fields.title.optional(),
    unit: Fields.unit.optional(),
    direction: Fields.direction.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change');
const ValueInput = z.strictObject({
  value: z.number(),
  note: z.string().trim().max(500).nullable().optional(),
});
const AiProductInput = z.strictObject({
  name: Text(200),
  organisation: Text(200),
  permitId: z.string().trim().min(1).max(100).nullable().optional(),
  resultId: z.uuid().nullable().optional(),
  reportedOn: z.iso.date(),
  regulatoryStatus: z.enum(REGULATORY_STATUSES),
});

/**
 * KPI monitoring (issue 6 §6). Reads are open to every signed-in account: the figures are aggregates
 * (no person, no file) of what the public register already shows file by file (Art. 57(1)(j)), and the
 * platform's stakeholders — patient organisations, companies, holders — are who follows them; the
 * manual KPIs are the platform's own working targets, not a statutory publication, so they are not
 * made public. Staff write manual KPIs; data users and staff report AI products (Art. 59(1)(k)).
 */
export function kpiRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): void {
  const { db, config } = deps;
  const signedIn = requireRole(db, deps.idleMinutes, 'any');
  const staff = requireRole(db, deps.idleMinutes, ['hdab_staff', 'admin']);
  const reporters = requireRole(db, deps.idleMinutes, ['data_user', 'hdab_staff', 'admin']);
  const dashboard = (query: unknown) => kpiDashboard(db, validate(Window, query ?? {}, 'query'));

  app.get('/api/kpi', { preHandler: signedIn }, async (request) => dashboard(request.query));

  app.get('/api/kpi/export.csv', { preHandler: signedIn }, async (request, reply) => {
    const d = await dashboard(request.query);
    return reply
      .type('text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="kpi-${d.months[d.months.length - 1]}.csv"`)
      .send(kpiCsv(d));
  });

  app.get('/api/kpi/report.pdf', { preHandler: signedIn }, async (request, reply) => {
    const d = await dashboard(request.query);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="kpi-report-${d.months[d.months.length - 1]}.pdf"`)
      .send(Buffer.from(await kpiPdf(d, config.hdab)));
  });

  app.get('/api/kpi/manual', { preHandler: signedIn }, async () => ({ items: await listManualKpis(db) }));

  app.post('/api/kpi/manual', { preHandler: staff }, async (request, reply) => {
    const input = validate(ManualInput, request.body ?? {}, 'KPI');
    reply.code(201);
    return createManualKpi(db, request.principal!, input);
  });

  app.put('/api/kpi/manual/:id', { preHandler: staff }, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return updateManualKpi(
      db,
      request.principal!,
      id,
      validate(ManualPatch, request.body ?? {}, 'KPI change'),
    );
  });

  app.delete('/api/kpi/manual/:id', { preHandler: staff }, async (request, reply) => {
    const { id } = validate(Id, request.params, 'path');
    await deleteManualKpi(db, request.principal!, id);
    return reply.code(204).send();
  });

  app.put('/api/kpi/manual/:id/values/:date', { preHandler: staff }, async (request) => {
    const { id, date } = validate(IdDate, request.params, 'path');
    const input = validate(ValueInput, request.body ?? {}, 'value');
    return recordManualValue(db, request.principal!, id, date, input);
  });

  app.delete('/api/kpi/manual/:id/values/:date', { preHandler: staff }, async (request) => {
    const { id, date } = validate(IdDate, request.params, 'path');
    return deleteManualValue(db, request.principal!, id, date);
  });

  app.get('/api/kpi/ai-products', { preHandler: signedIn }, async () => ({
    items: await listAiProducts(db),
  }));

  app.post('/api/kpi/ai-products', { preHandler: reporters }, async (request, reply) => {
    const input = validate(AiProductInput, request.body ?? {}, 'AI product');
    reply.code(201);
    return reportAiProduct(db, request.principal!, input);
  });
}
