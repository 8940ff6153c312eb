import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { requireRole } from '../auth/guard';
import { recordAudit } from '../audit/service';
import { validate } from '../http/validate';
import { createOrg, deleteOrg, updateOrg } from './org-store';
import { createPerson, deletePerson, listPeople, updatePerson } from './people-store';
import {
  createRelationship,
  deleteRelationship,
  listRelationships,
  updateRelationship,
} from './relationship-store';
import { OrganisationInput, OrgFilter, PersonInput, RelationshipInput } from './schemas';
import {
  exportOrgsCsv,
  exportPeopleCsv,
  findOrgs,
  importOrgsCsv,
  orgDetail,
  stakeholderStats,
} from './service';
import { personFor, seesEmails } from './visibility';

const Id = z.strictObject({ id: z.uuid() });
const PeopleQuery = z.strictObject({ orgId: z.uuid().optional() });
const ImportQuery = z.strictObject({ atomic: z.enum(['true', 'false']).optional() });
const ImportBody = z.strictObject({
  csv: z
    .string({ error: 'send the file as text in "csv"' })
    .min(1, 'the file is empty')
    .max(2_000_000, 'at most 2 MB; split the file'),
});

const P = '/api/stakeholders';

/**
 * The stakeholder registry (issue 6 §1; README.md): any signed-in user reads it, HDAB staff and
 * administrators write it. Emails of people are shown to staff only (visibility.ts). Writes are audited
 * without personal data in the details.
 */
export function stakeholderRoutes(app: FastifyInstance, deps: { db: Db; idleMinutes: number }): void {
  const { db, idleMinutes } = deps;
  const reader = { preHandler: requireRole(db, idleMinutes, 'any') };
  const writer = { preHandler: requireRole(db, idleMinutes, ['hdab_staff', 'admin']) };
  const audit = (request: FastifyRequest, action: string, object: string, details = {}) =>
    recordAudit(db, {
      actor: `account:${request.principal!.username}`,
      action: `stakeholder.${action}`,
      object,
      outcome: 'success',
      details,
    });
  const staffView = (request: FastifyRequest) => seesEmails(request.principal!.role);
  const csv = (reply: FastifyReply, name: string, body: string) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(body);

  app.get(`${P}/organisations`, reader, async (request) => ({
    organisations: await findOrgs(db, validate(OrgFilter, request.query ?? {}, 'filter')),
  }));

  app.post(`${P}/organisations`, writer, async (request, reply) => {
    const input = validate(OrganisationInput, request.body, 'organisation');
    const org = await createOrg(db, input);
    await audit(request, 'org-create', `stakeholder-org:${org.id}`, { type: org.type, country: org.country });
    reply.status(201);
    return org;
  });

  app.get(`${P}/organisations/:id`, reader, async (request) => {
    const { id } = validate(Id, request.params, 'organisation id');
    return orgDetail(db, id, staffView(request));
  });

  app.put(`${P}/organisations/:id`, writer, async (request) => {
    const { id } = validate(Id, request.params, 'organisation id');
    const input = validate(OrganisationInput, request.body, 'organisation');
    const org = await updateOrg(db, id, input);
    await audit(request, 'org-update', `stakeholder-org:${id}`, { type: org.type, country: org.country });
    return org;
  });

  app.delete(`${P}/organisations/:id`, writer, async (request) => {
    const { id } = validate(Id, request.params, 'organisation id');
    const org = await deleteOrg(db, id);
    await audit(request, 'org-delete', `stakeholder-org:${id}`, { name: org.name });
    return { deleted: true };
  });

  app.get(`${P}/people`, reader, async (request) => {
    const { orgId } = validate(PeopleQuery, request.query ?? {}, 'filter');
    const show = staffView(request);
    return { people: (await listPeople(db, orgId)).map((p) => personFor(p, show)) };
  });

  app.post(`${P}/people`, writer, async (request, reply) => {
    const person = await createPerson(db, validate(PersonInput, request.body, 'person'));
    await audit(request, 'person-create', `stakeholder-person:${person.id}`, { org: person.orgId });
    reply.status(201);
    return person;
  });

  app.put(`${P}/people/:id`, writer, async (request) => {
    const { id } = validate(Id, request.params, 'person id');
    const person = await updatePerson(db, id, validate(PersonInput, request.body, 'person'));
    await audit(request, 'person-update', `stakeholder-person:${id}`, { org: person.orgId });
    return person;
  });

  app.delete(`${P}/people/:id`, writer, async (request) => {
    const { id } = validate(Id, request.params, 'person id');
    const person = await deletePerson(db, id);
    await audit(request, 'person-delete', `stakeholder-person:${id}`, { org: person.orgId });
    return { deleted: true };
  });

  app.get(`${P}/relationships`, reader, async () => ({ relationships: await listRelationships(db) }));

  app.post(`${P}/relationships`, writer, async (request, reply) => {
    const rel = await createRelationship(db, validate(RelationshipInput, request.body, 'relationship'));
    await audit(request, 'relationship-create', `stakeholder-relationship:${rel.id}`, { kind: rel.kind });
    reply.status(201);
    return rel;
  });

  app.put(`${P}/relationships/:id`, writer, async (request) => {
    const { id } = validate(Id, request.params, 'relationship id');
    const rel = await updateRelationship(db, id, validate(RelationshipInput, request.body, 'relationship'));
    await audit(request, 'relationship-update', `stakeholder-relationship:${id}`, { kind: rel.kind });
    return rel;
  });

  app.delete(`${P}/relationships/:id`, writer, async (request) => {
    const { id } = validate(Id, request.params, 'relationship id');
    const rel = await deleteRelationship(db, id);
    await audit(request, 'relationship-delete', `stakeholder-relationship:${id}`, { kind: rel.kind });
    return { deleted: true };
  });

  app.get(`${P}/stats`, reader, async (request) =>
    stakeholderStats(db, validate(OrgFilter, request.query ?? {}, 'filter')),
  );

  app.get(`${P}/export/organisations.csv`, reader, async (request, reply) =>
    csv(
      reply,
      'stakeholder-organisations.csv',
      await exportOrgsCsv(db, validate(OrgFilter, request.query ?? {}, 'filter')),
    ),
  );

  app.get(`${P}/export/people.csv`, reader, async (request, reply) =>
    csv(reply, 'stakeholder-people.csv', await exportPeopleCsv(db, staffView(request))),
  );

  // Issue 6 "Bad input": each bad row reported with its line; `?atomic=true` imports all or nothing.
  app.post(`${P}/import/organisations`, writer, async (request) => {
    const { atomic } = validate(ImportQuery, request.query ?? {}, 'import options');
    const { csv: text } = validate(ImportBody, request.body, 'import');
    const report = await importOrgsCsv(db, text, atomic === 'true');
    await audit(request, 'import', 'stakeholder-org:*', {
      atomic: report.atomic,
      imported: report.imported.length,
      rejected: report.rejected.length,
    });
    return report;
  });
}
