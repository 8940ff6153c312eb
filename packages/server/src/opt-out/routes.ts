import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { requireRole } from '../auth/guard';
import type { HubConfig } from '../config';
import { registerNodeMessageHandler } from '../federation';
import { validate } from '../http/validate';
import {
  EXTRACT_DELETED_MESSAGE,
  EXTRACT_PREPARED_MESSAGE,
  permitExtracts,
  recordExtractDeleted,
  recordExtractPrepared,
} from './extracts';
import { optOut, optOutStatus, pseudonymOf, reverseOptOut } from './registry';
import { scheduleOptOutSweep } from './scheduler';
import { optOutStatistics } from './statistics';

const NoBody = z.object({}).strict();
const Id = z.object({ id: z.string().trim().min(1).max(100) });

/**
 * Citizens' opt-out (Art. 71; EHDS.md §12): the citizen's own status, opt-out and reversal; counts for
 * HDAB staff; the nodes' extract reports per permit. The registry reaches the nodes by the sweep
 * (distribution.ts); nodes report their extracts with signed messages.
 */
export function optOutRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): void {
  const { db, idleMinutes, config } = deps;
  const citizen = { preHandler: requireRole(db, idleMinutes, ['citizen']) };
  const staff = { preHandler: requireRole(db, idleMinutes, ['hdab_staff']) };
  const readers = { preHandler: requireRole(db, idleMinutes, ['data_user', 'hdab_staff']) };
  scheduleOptOutSweep(app, db, config);
  registerNodeMessageHandler(EXTRACT_PREPARED_MESSAGE, (db, node, body) =>
    recordExtractPrepared(db, node, body),
  );
  registerNodeMessageHandler(EXTRACT_DELETED_MESSAGE, (db, node, body) =>
    recordExtractDeleted(db, node, body),
  );

  app.get('/api/citizen/opt-out', citizen, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return optOutStatus(db, pseudonymOf(request.principal!));
  });

  app.post('/api/citizen/opt-out', citizen, async (request, reply) => {
    validate(NoBody, request.body ?? {}, 'opt-out');
    const result = await optOut(db, pseudonymOf(request.principal!));
    reply.header('cache-control', 'no-store').code(result.changed ? 201 : 200);
    return result;
  });

  app.post('/api/citizen/opt-out/reverse', citizen, async (request, reply) => {
    validate(NoBody, request.body ?? {}, 'reversal');
    const result = await reverseOptOut(db, pseudonymOf(request.principal!));
    reply.header('cache-control', 'no-store').code(result.changed ? 201 : 200);
    return result;
  });

  app.get('/api/opt-out/statistics', staff, async () => optOutStatistics(db));

  app.get('/api/permits/:id/extracts', readers, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return permitExtracts(db, request.principal!, id, config.smallCellThreshold);
  });
}
