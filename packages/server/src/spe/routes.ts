import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { AnalysisRequest } from '@openehds/core';
import { requireRole } from '../auth/guard';
import type { HubConfig } from '../config';
import { validate } from '../http/validate';
import { hdabSdcPolicy } from './policy';
import { runAnalysis } from './service';
import { listAnalyses, loadAnalysis } from './store';
import { summarise, workspaceList, workspaceView } from './view';
import { workspaceFor } from './workspace';

const Id = z.object({ id: z.string().min(1).max(100) });
const AnalysisId = z.object({ id: z.string().min(1).max(100), analysisId: z.uuid() });

/**
 * The permit-bound workspace of the secure processing environment (issue 4 §3–4; Art. 73): the
 * persons a permit names work in it while it is active; HDAB staff read it.
 */
export function workspaceRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig; taskTimeoutMs?: number },
): void {
  const { db, idleMinutes, config } = deps;
  const either = { preHandler: requireRole(db, idleMinutes, ['data_user', 'hdab_staff']) };
  const user = { preHandler: requireRole(db, idleMinutes, ['data_user']) };
  const policy = () => hdabSdcPolicy(config);

  app.get('/api/workspaces', either, async (request) => workspaceList(db, request.principal!));

  app.get('/api/workspaces/:id', either, async (request) =>
    workspaceView(db, request.principal!, validate(Id, request.params, 'path').id, {
      policy: policy(),
      smallCellThreshold: config.smallCellThreshold,
    }),
  );

  app.get('/api/workspaces/:id/analyses', either, async (request) => {
    const { permit } = await workspaceFor(db, request.principal!, validate(Id, request.params, 'path').id);
    return { items: (await listAnalyses(db, permit.id)).map(summarise) };
  });

  app.get('/api/workspaces/:id/analyses/:analysisId', either, async (request) => {
    const { id, analysisId } = validate(AnalysisId, request.params, 'path');
    const { permit } = await workspaceFor(db, request.principal!, id);
    return loadAnalysis(db, permit.id, analysisId);
  });

  app.post('/api/workspaces/:id/analyses', user, async (request, reply) => {
    const { id } = validate(Id, request.params, 'path');
    const body = validate(AnalysisRequest, request.body, 'analysis request');
    const analysis = await runAnalysis(db, request.principal!, id, body, {
      policy: policy(),
      timeoutMs: deps.taskTimeoutMs,
    });
    reply.code(201);
    return analysis;
  });
}
