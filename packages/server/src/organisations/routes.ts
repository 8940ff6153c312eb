import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { forbidden } from '@openehds/core';
import { requireRole, sessionToken } from '../auth/guard';
import { MEMBER_ROLES } from '../auth/roles';
import { sessionMethod } from '../auth/service';
import { resetTotp } from '../auth/totp-service';
import { recordAudit } from '../audit/service';
import { validate } from '../http/validate';
import { ORGANISATION_KINDS } from './kinds';
import {
  actFor,
  addMember,
  createLocalAccount,
  createOrganisation,
  getOrganisation,
  listAccounts,
  listMembers,
  listOrganisations,
  membershipsOf,
  removeMember,
  setPublicBodyVerified,
} from './service';

const Id = z.object({ id: z.uuid() });
const MemberPath = z.object({ id: z.uuid(), accountId: z.uuid() });
const NewOrganisation = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ORGANISATION_KINDS),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as FI, or EU'),
});
const Verification = z.object({ verified: z.boolean() });
const NewMember = z.object({ accountId: z.uuid(), role: z.enum(MEMBER_ROLES) });
const NewAccount = z.object({
  username: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '3-64 lower-case letters, digits, dots, dashes or underscores'),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(MEMBER_ROLES),
  organisationId: z.uuid().optional(),
  // OWASP ASVS V2.1.1-2: at least 12 characters, at most 128, any characters.
  password: z.string().min(12, 'at least 12 characters').max(128),
});
const ActFor = z.object({ organisationId: z.uuid() });

/**
 * Organisations, memberships and accounts (README.md in auth/). Administrators manage them; HDAB
 * staff may read organisations (they check the public-body status when assessing, Art. 53(2)).
 */
export function organisationRoutes(app: FastifyInstance, deps: { db: Db; idleMinutes: number }): void {
  const { db, idleMinutes } = deps;
  const admin = requireRole(db, idleMinutes, ['admin']);
  const staff = requireRole(db, idleMinutes, ['hdab_staff', 'admin']);
  const audit = (actor: string, action: string, object: string, details: Record<string, unknown> = {}) =>
    recordAudit(db, { actor: `account:${actor}`, action, object, outcome: 'success', details });

  app.get('/api/organisations', { preHandler: staff }, async () => ({
    organisations: await listOrganisations(db),
  }));

  app.post('/api/organisations', { preHandler: admin }, async (request, reply) => {
    const input = validate(NewOrganisation, request.body, 'organisation');
    const org = await createOrganisation(db, input);
    await audit(request.principal!.username, 'organisation.create', `organisation:${org.id}`, {
      kind: org.kind,
    });
    reply.status(201);
    return org;
  });

  // Art. 53(2): the administrator's finding that this is a public sector body or EU body.
  app.post('/api/organisations/:id/public-body', { preHandler: admin }, async (request) => {
    const { id } = validate(Id, request.params, 'organisation id');
    const { verified } = validate(Verification, request.body, 'public-body verification');
    const org = await setPublicBodyVerified(db, id, verified, request.principal!);
    await audit(request.principal!.username, 'organisation.public-body', `organisation:${id}`, { verified });
    return org;
  });

  app.get('/api/organisations/:id', { preHandler: staff }, async (request) => {
    const { id } = validate(Id, request.params, 'organisation id');
    return getOrganisation(db, id);
  });

  app.get('/api/organisations/:id/members', { preHandler: staff }, async (request) => {
    const { id } = validate(Id, request.params, 'organisation id');
    return { members: await listMembers(db, id) };
  });

  app.post('/api/organisations/:id/members', { preHandler: admin }, async (request, reply) => {
    const { id } = validate(Id, request.params, 'organisation id');
    const input = validate(NewMember, request.body, 'membership');
    const member = await addMember(db, id, input);
    await audit(request.principal!.username, 'organisation.member-add', `organisation:${id}`, {
      account: input.accountId,
      role: input.role,
    });
    reply.status(201);
    return member;
  });

  app.delete('/api/organisations/:id/members/:accountId', { preHandler: admin }, async (request) => {
    const { id, accountId } = validate(MemberPath, request.params, 'membership');
    await removeMember(db, id, accountId);
    await audit(request.principal!.username, 'organisation.member-remove', `organisation:${id}`, {
      account: accountId,
    });
    return { removed: true };
  });

  app.get('/api/accounts', { preHandler: admin }, async () => ({ accounts: await listAccounts(db) }));

  app.post('/api/accounts', { preHandler: admin }, async (request, reply) => {
    const input = validate(NewAccount, request.body, 'account');
    const account = await createLocalAccount(db, input);
    await audit(request.principal!.username, 'account.create', `account:${account.id}`, {
      role: account.role,
    });
    reply.status(201);
    return account;
  });

  // A lost authenticator: the administrator removes it; the next sign-in enrols a new one.
  app.post('/api/accounts/:id/totp-reset', { preHandler: admin }, async (request) => {
    const { id } = validate(Id, request.params, 'account id');
    const reset = await resetTotp(db, id);
    await audit(request.principal!.username, 'account.totp-reset', `account:${id}`, {
      hadAuthenticator: reset,
    });
    return { reset };
  });

  // The account's own organisations, and switching the one it acts for.
  app.get(
    '/api/auth/memberships',
    { preHandler: requireRole(db, idleMinutes, MEMBER_ROLES) },
    async (request) => ({ memberships: await membershipsOf(db, request.principal!.accountId) }),
  );

  app.post(
    '/api/auth/acting-organisation',
    { preHandler: requireRole(db, idleMinutes, MEMBER_ROLES) },
    async (request) => {
      if (request.apiToken)
        throw forbidden('switch organisation from a signed-in session, not with an API token');
      const { organisationId } = validate(ActFor, request.body, 'organisation choice');
      const token = sessionToken(request)!;
      const principal = await actFor(
        db,
        request.principal!,
        organisationId,
        (await sessionMethod(db, token)) === 'totp',
      );
      await audit(principal.username, 'auth.act-for', `organisation:${organisationId}`, {
        role: principal.role,
      });
      return principal;
    },
  );
}
