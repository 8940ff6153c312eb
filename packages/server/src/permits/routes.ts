import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { NamedPerson, notFound } from '@openehds/core';
import { requireRole } from '../auth/guard';
import type { HubConfig } from '../config';
import { validate } from '../http/validate';
import { amendPermit, refuseSubstantiveChanges } from './amend';
import { deliverPermitUpdates } from './delivery';
import { listPermits, permitView } from './read';
import { renewPermit, requestRenewal } from './renew';
import { revokePermit } from './revoke';
import { schedulePermitSweep } from './scheduler';
import { visaJwks } from './visas/key';
import { issuePassport } from './visas/passport';
import { revokedVisas } from './visas/revoked';

const STATUSES = ['GRANTED', 'AMENDED', 'RENEWED', 'REVOKED', 'EXPIRED'] as const;
const Id = z.object({ id: z.string().trim().min(1).max(100) });
const When = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const Reason = z.string().trim().min(1).max(5000);
const ListQuery = z
  .object({ status: z.enum(STATUSES).optional(), versions: z.enum(['latest', 'all']).optional() })
  .strict();
const Amend = z
  .object({
    reason: Reason,
    persons: z.array(NamedPerson).min(1).max(100).optional(),
    conditions: z.array(z.string().trim().min(1).max(2000)).max(50).optional(),
    validUntil: When.optional(),
  })
  .strict();
const RenewalRequest = z.object({ reason: Reason.optional(), validUntil: When.optional() }).strict();
const Renew = z.object({ validUntil: When, reason: Reason }).strict();
const Revoke = z.object({ reason: Reason }).strict();

/**
 * Data permits after the grant (EHDS.md §5, §8): read, amend (D6.3 administrative amendments), renew
 * once on request (Art. 68(12)), revoke (Art. 63); expiry and delivery to the nodes run by themselves
 * (scheduler.ts). Also the GA4GH Passport visas of the signed-in data user and the visa keys.
 */
export function permitRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): void {
  const { db, idleMinutes, config } = deps;
  const staff = { preHandler: requireRole(db, idleMinutes, ['hdab_staff']) };
  const user = { preHandler: requireRole(db, idleMinutes, ['data_user']) };
  const either = { preHandler: requireRole(db, idleMinutes, ['data_user', 'hdab_staff']) };
  schedulePermitSweep(app, db, config.permitSweepSeconds);

  // Every change goes to the nodes at once; if that fails the sweep sends it later, so the change stands.
  const deliver = async (log: FastifyBaseLogger) => {
    await deliverPermitUpdates(db).catch((err: Error) =>
      log.warn({ err }, 'permit delivery failed; the next sweep retries'),
    );
  };

  app.get('/api/permits', either, async (request) => {
    const q = validate(ListQuery, request.query, 'query');
    return { items: await listPermits(db, request.principal!, q) };
  });

  // Public, so verifiers can check visas they hold; lists only jti and exp.
  app.get('/api/permits/visas/revoked', async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return revokedVisas(db, config);
  });

  app.get('/api/permits/:id', either, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return permitView(db, request.principal!, id);
  });

  // The signed notice of a revocation or expiry, as a file for `ehds verify FILE`.
  app.get('/api/permits/:id/end-notice', either, async (request, reply) => {
    const { id } = validate(Id, request.params, 'path');
    const view = await permitView(db, request.principal!, id);
    const notice = view.history.find((e) => e.permitId === id && e.signed)?.signed;
    if (!notice) throw notFound('end notice of permit', id);
    reply.header('content-disposition', `attachment; filename="permit-end-${id}.json"`);
    return notice;
  });

  app.post('/api/permits/:id/amend', staff, async (request, reply) => {
    const { id } = validate(Id, request.params, 'path');
    refuseSubstantiveChanges(request.body);
    const input = validate(Amend, request.body, 'amendment');
    const next = await amendPermit(db, request.principal!, id, input, config);
    await deliver(request.log);
    reply.code(201).header('location', `/api/permits/${encodeURIComponent(next.id)}`);
    return permitView(db, request.principal!, next.id);
  });

  app.post('/api/permits/:id/renewal-request', user, async (request, reply) => {
    const { id } = validate(Id, request.params, 'path');
    const input = validate(RenewalRequest, request.body ?? {}, 'renewal request');
    const created = await requestRenewal(db, request.principal!, id, input);
    reply.code(201);
    return created;
  });

  app.post('/api/permits/:id/renew', staff, async (request, reply) => {
    const { id } = validate(Id, request.params, 'path');
    const input = validate(Renew, request.body, 'renewal');
    const next = await renewPermit(db, request.principal!, id, input, config);
    await deliver(request.log);
    reply.code(201).header('location', `/api/permits/${encodeURIComponent(next.id)}`);
    return permitView(db, request.principal!, next.id);
  });

  app.post('/api/permits/:id/revoke', staff, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    const { reason } = validate(Revoke, request.body, 'revocation');
    await revokePermit(db, request.principal!, id, reason);
    await deliver(request.log);
    return permitView(db, request.principal!, id);
  });

  // RFC 7517 key set of the visa signing key (every visa's `jku`); public, cacheable for a while.
  app.get('/.well-known/jwks.json', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return visaJwks(db);
  });

  app.get('/api/passport', user, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return issuePassport(db, request.principal!, config);
  });
}
