import type { Queryable } from '@openehds/db';
import type { Outcome, SignedDocument } from '@openehds/core';
import { loadApplication, type ApplicationRecord } from '../applications/store';
import type {
  DecisionBody,
  FeeEstimateBody,
  ForwardBody,
  InformationRequestBody,
  StatusBody,
  WithdrawBody,
} from './bodies';
import { enqueueMessage } from './outbox';
import { forwardTargets } from './routing';

/**
 * What a change to a case file sends to peer hubs. Both functions run inside the transaction of the
 * change (the applications feature calls them), so the outbox row commits or rolls back with it:
 * - at the origin hub, a submission forwards a copy to the HDAB of every other country whose
 *   datasets it names (Art. 67(3)), and a withdrawal withdraws the copies;
 * - at a receiving hub, every status change of a forwarded copy, and its signed decision, go back
 *   to the origin hub (Art. 68(5): each HDAB decides for its data and shares the decision), and so do
 *   its requests for additional information and its fee estimates, which the applicant answers and
 *   accepts at the origin, the HDAB they applied to (Art. 68(4), 62).
 */

interface Origin {
  hub: string | null;
  reference: string | null;
  seq: number;
}

async function originOf(tx: Queryable, applicationId: string): Promise<Origin> {
  const [row] = await tx.query<{
    origin_hub: string | null;
    origin_reference: string | null;
    seq: string | null;
  }>(
    `SELECT a.origin_hub, a.origin_reference,
            (SELECT max(e.seq) FROM application_event e WHERE e.application_id = a.id) AS seq
     FROM application a WHERE a.id = $1`,
    [applicationId],
  );
  return {
    hub: row?.origin_hub ?? null,
    reference: row?.origin_reference ?? null,
    seq: Number(row?.seq ?? 0),
  };
}

/** After a status event of a case file (submit, pre-screening, withdrawal, …), in its transaction. */
export async function crossBorderAfterTransition(
  tx: Queryable,
  applicationId: string,
  event: string,
  reason: string | null,
): Promise<void> {
  const origin = await originOf(tx, applicationId);
  const app = await loadApplication(tx, applicationId);
  if (origin.hub) {
    const body: StatusBody = {
      originReference: origin.reference!,
      remoteReference: app.reference,
      status: app.status,
      outcome: app.outcome,
      event,
      reason,
      seq: origin.seq,
    };
    await enqueueMessage(tx, { peerCountry: origin.hub, type: 'application.status', body, applicationId });
    if (event === 'request-information' && reason) {
      await relayInformationRequest(tx, origin, app, reason);
    }
    return;
  }
  if (event === 'submit') await forward(tx, app);
  if (event === 'withdraw') await withdrawCopies(tx, app, reason);
}

async function forward(tx: Queryable, app: ApplicationRecord): Promise<void> {
  const peers = await tx.query<{ country: string }>('SELECT country FROM cross_border_peer');
  const targets = forwardTargets(app.content.datasets ?? [], new Set(peers.map((p) => p.country.trim())));
  for (const [country, datasets] of targets) {
    const body: ForwardBody = {
      originReference: app.reference,
      kind: app.kind,
      content: { ...app.content, datasets },
      applicant: {
        name: app.applicant.displayName,
        organisation: app.organisation
          ? {
              name: app.organisation.name,
              kind: app.organisation.kind as NonNullable<ForwardBody['applicant']['organisation']>['kind'],
              country: app.organisation.country.trim(),
            }
          : null,
      },
      submittedAt: app.submittedAt ?? new Date().toISOString(),
      accelerated: app.accelerated,
    };
    const messageId = await enqueueMessage(tx, {
      peerCountry: country,
      type: 'application.forward',
      body,
      applicationId: app.id,
    });
    await tx.query(
      `INSERT INTO cross_border_forward (application_id, peer_country, forward_message_id, datasets)
       VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (application_id, peer_country) DO NOTHING`,
      [app.id, country, messageId, JSON.stringify(datasets.map((d) => d.datasetId))],
    );
  }
}

async function withdrawCopies(tx: Queryable, app: ApplicationRecord, reason: string | null): Promise<void> {
  const copies = await tx.query<{ peer_country: string }>(
    'SELECT peer_country FROM cross_border_forward WHERE application_id = $1 ORDER BY peer_country',
    [app.id],
  );
  for (const c of copies) {
    const body: WithdrawBody = { originReference: app.reference, reason };
    await enqueueMessage(tx, {
      peerCountry: c.peer_country.trim(),
      type: 'application.withdraw',
      body,
      applicationId: app.id,
    });
  }
}

/** After the HDAB's decision on a case file, in its transaction: a forwarded copy's decision goes back. */
export async function crossBorderAfterDecision(
  tx: Queryable,
  applicationId: string,
  outcome: Outcome,
  signed: SignedDocument,
): Promise<void> {
  const origin = await originOf(tx, applicationId);
  if (!origin.hub) return;
  const app = await loadApplication(tx, applicationId);
  const body: DecisionBody = {
    originReference: origin.reference!,
    remoteReference: app.reference,
    outcome,
    seq: Math.max(origin.seq, 1),
    signed: signed as unknown as DecisionBody['signed'],
  };
  await enqueueMessage(tx, { peerCountry: origin.hub, type: 'application.decision', body, applicationId });
}

/** At a receiving hub: the staff's request for information goes to the applicant at the origin. */
async function relayInformationRequest(
  tx: Queryable,
  origin: Origin,
  app: ApplicationRecord,
  reason: string,
): Promise<void> {
  // The request is the event just appended: its sequence number names it, its time dates it.
  const [event] = await tx.query<{ at: string }>('SELECT at FROM application_event WHERE seq = $1', [
    origin.seq,
  ]);
  const body: InformationRequestBody = {
    originReference: origin.reference!,
    remoteReference: app.reference,
    requestSeq: origin.seq,
    reason,
    requestedAt: new Date(event?.at ?? Date.now()).toISOString(),
  };
  await enqueueMessage(tx, {
    peerCountry: origin.hub!,
    type: 'application.information-request',
    body,
    applicationId: app.id,
  });
}

/**
 * After the HDAB sent a fee estimate, in its transaction: at a receiving hub, the estimate goes to the
 * applicant at the origin, who accepts it there (Art. 62). Nothing to do for a file submitted here.
 */
export async function crossBorderAfterEstimate(tx: Queryable, applicationId: string): Promise<void> {
  const origin = await originOf(tx, applicationId);
  if (!origin.hub) return;
  const [row] = await tx.query<{ id: string; estimate: FeeEstimateBody['estimate']; sent_at: string }>(
    'SELECT id, estimate, sent_at FROM fee_estimate WHERE application_id = $1 ORDER BY sent_at DESC LIMIT 1',
    [applicationId],
  );
  if (!row) return;
  const app = await loadApplication(tx, applicationId);
  const body: FeeEstimateBody = {
    originReference: origin.reference!,
    remoteReference: app.reference,
    estimateId: row.id,
    estimate: row.estimate,
    sentAt: new Date(row.sent_at).toISOString(),
  };
  await enqueueMessage(tx, {
    peerCountry: origin.hub,
    type: 'application.fee-estimate',
    body,
    applicationId,
  });
}
