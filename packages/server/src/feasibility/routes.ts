import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import {
  AppError,
  cohortDefinitionIssues,
  cohortDefinitionJsonSchema,
  exampleCohortDefinition,
  invalid,
  parseCohortDefinition,
} from '@openehds/core';
import { rejectClientRandomness } from '@openehds/privacy';
import type { HubConfig } from '../config';
import { requireRole, SESSION_COOKIE, cookieValue } from '../auth/guard';
import { validate } from '../http/validate';
import { hdabSdcPolicy } from '../spe/policy';
import { feasibilityQueries } from './log';
import { askFeasibility, checkAudienceAllowed, type FeasibilityAsker } from './service';

const FeasibilityRequest = z.strictObject({
  cohort: z.unknown(),
  datasets: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
});

/**
 * Feasibility counts before a permit (issue 4 §1; Art. 69). Public: discovery is free (TEHDAS2
 * M4.1.1), so anonymous visitors may ask, and see what the HDAB's policy shows them; a signed-in caller
 * is answered as `registered`. Rate-limited with the other public endpoints (http/rate-limit.ts).
 */
export function feasibilityRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig; timeoutMs?: number },
): void {
  const { db, config } = deps;
  const signedIn = requireRole(db, deps.idleMinutes, 'any');

  /** The asker: a valid bearer token or session makes them `registered`; none, `anonymous`. */
  const askerOf = async (
    request: FastifyRequest,
    reply: Parameters<typeof signedIn>[1],
  ): Promise<FeasibilityAsker> => {
    const bearer = request.headers.authorization?.startsWith('Bearer ') === true;
    const cookie = cookieValue(request, SESSION_COOKIE) !== undefined;
    if (!bearer && !cookie) return { audience: 'anonymous', accountId: null, username: null };
    try {
      await signedIn(request, reply);
    } catch (err) {
      // A bad bearer token is the caller's mistake to hear about; a stale or cross-site browser cookie
      // only means the visitor is not signed in (this route changes nothing, so it needs no CSRF header).
      if (bearer || !(err instanceof AppError)) throw err;
      return { audience: 'anonymous', accountId: null, username: null };
    }
    const p = request.principal!;
    return { audience: 'registered', accountId: p.accountId, username: p.username };
  };

  // The HDAB sees every query with what each node released and its disclosure-control record.
  app.get(
    '/api/feasibility/queries',
    { preHandler: requireRole(db, deps.idleMinutes, ['hdab_staff']) },
    async () => ({ items: await feasibilityQueries(db) }),
  );

  app.post('/api/feasibility', async (request, reply) => {
    const asker = await askerOf(request, reply);
    const policy = hdabSdcPolicy(config);
    checkAudienceAllowed(policy, asker.audience);
    // Seeds, noise and disclosure settings are the HDAB's and the node's, never the request's (EHDS.md §11).
    rejectClientRandomness(request.body);
    const body = validate(FeasibilityRequest, request.body ?? {}, 'feasibility request');
    const issues = cohortDefinitionIssues(body.cohort).map((i) => ({
      ...i,
      path: i.path ? `cohort.${i.path}` : 'cohort',
    }));
    if (issues.length)
      throw invalid(
        `the cohort definition has ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
        issues,
      );
    return askFeasibility(db, {
      cohort: parseCohortDefinition(body.cohort),
      ...(body.datasets ? { datasets: body.datasets } : {}),
      asker,
      policy,
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    });
  });

  app.get('/api/feasibility/schema', async () => cohortDefinitionJsonSchema());

  app.get('/api/feasibility/example', async () => exampleCohortDefinition);
}
