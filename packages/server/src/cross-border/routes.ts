import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { requireRole } from '../auth/guard';
import type { Principal } from '../auth/roles';
import { applicationFor } from '../applications/service';
import type { HubConfig } from '../config';
import { validate } from '../http/validate';
import { acceptPeerFeeEstimate, answerPeerInformationRequest } from './applicant-relay';
import { receiveHubMessage } from './incoming';
import { HUB_MESSAGE_PATH } from './message';
import { deliverOutbox, listOutbox, scheduleOutboxDelivery } from './outbox';
import { PeersSchema } from './peer-config';
import { listPeers, loadConfiguredPeers, replacePeers } from './peers';
import { crossBorderOf, crossBorderOriginOf } from './view';

const Id = z.object({ id: z.uuid() });
const IdCountry = z.object({
  id: z.uuid(),
  country: z.string().regex(/^[A-Z]{2}$/, 'the peer’s two-letter country code, such as DE'),
});
const Answer = z.object({ answer: z.string().trim().min(1).max(20000) }).strict();
const PeersBody = z.object({ peers: PeersSchema }).strict();
const OutboxQuery = z.object({ pending: z.enum(['true', 'false']).optional() }).strict();

/**
 * Cross-border applications (Art. 67(3), 68(5)): peer hubs post signed messages (the signature is
 * the authentication, no session); admins manage the peers and watch the outbox; the applicant and
 * HDAB staff see the forwarded copies of a case file, and the applicant answers a peer's request for
 * information and accepts its fee estimate here (Art. 68(4), 62). Writes the configured peers and
 * starts the outbox timer.
 */
export async function crossBorderRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): Promise<void> {
  const { db, idleMinutes, config } = deps;
  await loadConfiguredPeers(db, config.peers, config.hdab.country);
  scheduleOutboxDelivery(app, db, config);
  const admin = { preHandler: requireRole(db, idleMinutes, ['admin']) };
  const either = { preHandler: requireRole(db, idleMinutes, ['data_user', 'hdab_staff']) };
  const applicant = { preHandler: requireRole(db, idleMinutes, ['data_user']) };

  app.post(HUB_MESSAGE_PATH, async (request) => receiveHubMessage(db, config, request.body));

  app.get('/api/cross-border/peers', admin, async () => ({
    country: config.hdab.country,
    peers: await listPeers(db),
  }));

  app.put('/api/cross-border/peers', admin, async (request) => {
    const { peers } = validate(PeersBody, request.body, 'peers');
    return {
      country: config.hdab.country,
      peers: await replacePeers(db, request.principal!, peers, config.hdab.country),
    };
  });

  app.get('/api/cross-border/outbox', admin, async (request) => {
    const q = validate(OutboxQuery, request.query, 'query');
    return { items: await listOutbox(db, { pending: q.pending === 'true' }) };
  });

  // Sends what is due now instead of waiting for the timer (after fixing a peer, for instance).
  app.post('/api/cross-border/outbox/deliver', admin, async () => deliverOutbox(db, config));

  /** The cross-border part of a file its reader may see. */
  const crossBorderView = async (p: Principal, id: string) => {
    const a = await applicationFor(db, p, id);
    return {
      reference: a.reference,
      origin: await crossBorderOriginOf(db, a.id),
      copies: await crossBorderOf(db, a.id),
    };
  };

  app.get('/api/applications/:id/cross-border', either, async (request) => {
    const { id } = validate(Id, request.params, 'path');
    return crossBorderView(request.principal!, id);
  });

  // Art. 68(4): the applicant answers, here, the open request for information of the HDAB of `country`.
  app.post('/api/applications/:id/cross-border/:country/information', applicant, async (request) => {
    const { id, country } = validate(IdCountry, request.params, 'path');
    const { answer } = validate(Answer, request.body, 'answer');
    await answerPeerInformationRequest(db, request.principal!, id, country, answer);
    return crossBorderView(request.principal!, id);
  });

  // Art. 62: the applicant accepts, here, the latest fee estimate of the HDAB of `country`.
  app.post('/api/applications/:id/cross-border/:country/fee-estimate/accept', applicant, async (request) => {
    const { id, country } = validate(IdCountry, request.params, 'path');
    await acceptPeerFeeEstimate(db, request.principal!, id, country);
    return crossBorderView(request.principal!, id);
  });
}
