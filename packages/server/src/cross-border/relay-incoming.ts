import type { Queryable } from '@openehds/db';
import { conflict, nextStatus, notFound, type ApplicationStatus } from '@openehds/core';
import { appendIn } from '../audit/service';
import { appendEvent } from '../applications/store';
import type { FeeAcceptBody, FeeEstimateBody, InformationAnswerBody, InformationRequestBody } from './bodies';
import { forwardRow, hubActor, sameRemote } from './forward-row';
import type { HubMessage } from './message';
import { crossBorderAfterTransition } from './outgoing';
import type { StoredPeer } from './peers';
import { FINAL_STATUSES } from './routing';

/**
 * The relays between the applicant and a receiving HDAB (Art. 67(3), 68(5): the applicant deals with
 * the one HDAB they applied to, each HDAB decides for its own data):
 * - at the origin, a peer's request for additional information (Art. 68(4)) and its fee estimate
 *   (Art. 62) are kept for the applicant to answer or accept there;
 * - at the receiving hub, the applicant's answer moves the copy out of AWAITING_ADDITIONAL_INFORMATION
 *   and the acceptance acknowledges the estimate, both acted by the peer's service account (the
 *   copy's applicant) and recorded as `hub:<cc>`.
 * Each runs in the transaction that records the message id, so a replay changes nothing. A message
 * that is authentic but comes too late (the copy was decided, the request is no longer open) is
 * answered 200 with `applied: false` and a note, so the sender does not retry it for ever.
 */

type Result = { applied: boolean; reference: string | null; note?: string };
type Ctx = { message: HubMessage };

/** At the origin: a peer asks for additional information on its copy. */
export async function receiveInformationRequest(
  tx: Queryable,
  peer: StoredPeer,
  body: InformationRequestBody,
): Promise<Result> {
  const row = await forwardRow(tx, peer, body.originReference);
  sameRemote(row, body.remoteReference, peer);
  const inserted = await tx.query(
    `INSERT INTO cross_border_information_request (application_id, peer_country, request_seq, reason, requested_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING request_seq`,
    [row.application_id, peer.country, body.requestSeq, body.reason, body.requestedAt],
  );
  if (inserted.length === 0) {
    return { applied: false, reference: body.originReference, note: 'this request is already here' };
  }
  await touchForward(tx, row.application_id, peer, body.remoteReference);
  return { applied: true, reference: body.originReference };
}

/** At the origin: a peer's fee estimate for its part (Art. 62). */
export async function receiveFeeEstimate(
  tx: Queryable,
  peer: StoredPeer,
  body: FeeEstimateBody,
): Promise<Result> {
  const row = await forwardRow(tx, peer, body.originReference);
  sameRemote(row, body.remoteReference, peer);
  const inserted = await tx.query(
    `INSERT INTO cross_border_fee_estimate (application_id, peer_country, estimate_id, estimate, total, sent_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6) ON CONFLICT DO NOTHING RETURNING estimate_id`,
    [
      row.application_id,
      peer.country,
      body.estimateId,
      JSON.stringify(body.estimate),
      body.estimate.total,
      body.sentAt,
    ],
  );
  if (inserted.length === 0) {
    return { applied: false, reference: body.originReference, note: 'this estimate is already here' };
  }
  await touchForward(tx, row.application_id, peer, body.remoteReference);
  return { applied: true, reference: body.originReference };
}

async function touchForward(tx: Queryable, applicationId: string, peer: StoredPeer, remoteReference: string) {
  await tx.query(
    `UPDATE cross_border_forward SET remote_reference = COALESCE(remote_reference, $3), last_sync_at = now()
     WHERE application_id = $1 AND peer_country = $2`,
    [applicationId, peer.country, remoteReference],
  );
}

interface Copy {
  id: string;
  reference: string;
  status: ApplicationStatus;
  resume_status: ApplicationStatus | null;
  applicant_id: string;
}

/** At the receiving hub: the local copy of an application `peer` forwarded, locked. */
async function copyOf(
  tx: Queryable,
  peer: StoredPeer,
  body: { originReference: string; remoteReference: string },
): Promise<Copy> {
  const [copy] = await tx.query<Copy>(
    `SELECT id, reference, status, resume_status, applicant_id FROM application
     WHERE origin_hub = $1 AND origin_reference = $2 FOR UPDATE`,
    [peer.country, body.originReference],
  );
  if (!copy) throw notFound(`application forwarded by ${peer.country}`, body.originReference);
  if (copy.reference !== body.remoteReference) {
    throw conflict(`${body.originReference} is ${copy.reference} here, not ${body.remoteReference}`);
  }
  return copy;
}

/**
 * At the receiving hub: the applicant answered the request at the origin; the copy returns where it
 * was and its clock resumes (Art. 68(4)), as when an applicant answers here. The content is the one
 * forwarded, complete when submitted, and the applicant cannot edit the copy, so there is no
 * completeness check to repeat.
 */
export async function receiveInformationAnswer(
  tx: Queryable,
  peer: StoredPeer,
  body: InformationAnswerBody,
  { message }: Ctx,
): Promise<Result> {
  const copy = await copyOf(tx, peer, body);
  if (copy.status !== 'AWAITING_ADDITIONAL_INFORMATION') {
    return {
      applied: false,
      reference: copy.reference,
      note: `${copy.reference} is ${copy.status}: no request for information is open`,
    };
  }
  const [open] = await tx.query<{ seq: string }>(
    `SELECT seq FROM application_event WHERE application_id = $1 AND event = 'request-information'
     ORDER BY seq DESC LIMIT 1`,
    [copy.id],
  );
  if (Number(open?.seq) !== body.requestSeq) {
    return {
      applied: false,
      reference: copy.reference,
      note: `the answer is to request ${body.requestSeq}; the open request is ${open?.seq ?? 'none'}`,
    };
  }
  const to = nextStatus(copy.status, 'provide-information', copy.resume_status);
  await tx.query(
    `UPDATE application SET status = $2, resume_status = NULL, updated_at = now() WHERE id = $1`,
    [copy.id, to],
  );
  await appendEvent(tx, {
    applicationId: copy.id,
    event: 'provide-information',
    from: copy.status,
    to,
    actorId: copy.applicant_id,
    actor: hubActor(peer),
    reason: body.answer,
    details: { requestSeq: body.requestSeq, answeredAt: body.answeredAt, messageId: message.messageId },
  });
  await appendIn(tx, {
    actor: hubActor(peer),
    action: 'application.provide-information',
    object: `application:${copy.id}`,
    outcome: 'success',
    details: { from: copy.status, to, reason: body.answer, messageId: message.messageId },
  });
  await crossBorderAfterTransition(tx, copy.id, 'provide-information', body.answer);
  return { applied: true, reference: copy.reference };
}

/**
 * At the receiving hub: the applicant accepted this HDAB's estimate at the origin (Art. 62), which
 * lets it grant. The total must be the one this hub sent; only the estimate named is acknowledged,
 * so a newer estimate sent meanwhile still waits for its own acceptance.
 */
export async function receiveFeeAccept(
  tx: Queryable,
  peer: StoredPeer,
  body: FeeAcceptBody,
  { message }: Ctx,
): Promise<Result> {
  const copy = await copyOf(tx, peer, body);
  const [estimate] = await tx.query<{ id: string; total: string; acknowledged_at: unknown }>(
    'SELECT id, total, acknowledged_at FROM fee_estimate WHERE id = $1 AND application_id = $2 FOR UPDATE',
    [body.estimateId, copy.id],
  );
  if (!estimate) throw notFound(`fee estimate of ${copy.reference}`, body.estimateId);
  if (Number(estimate.total) !== body.total) {
    throw conflict(
      `the estimate ${body.estimateId} totals ${Number(estimate.total)} EUR, not the ${body.total} EUR accepted`,
    );
  }
  if (estimate.acknowledged_at) {
    return { applied: false, reference: copy.reference, note: 'this estimate was accepted before' };
  }
  if (FINAL_STATUSES.has(copy.status)) {
    return { applied: false, reference: copy.reference, note: `${copy.reference} is ${copy.status}` };
  }
  await tx.query('UPDATE fee_estimate SET acknowledged_at = $2 WHERE id = $1', [
    estimate.id,
    body.acceptedAt,
  ]);
  await appendIn(tx, {
    actor: hubActor(peer),
    action: 'application.fee-accept',
    object: `application:${copy.id}`,
    outcome: 'success',
    details: { total: body.total, estimateId: estimate.id, messageId: message.messageId },
  });
  const [latest] = await tx.query<{ id: string }>(
    'SELECT id FROM fee_estimate WHERE application_id = $1 ORDER BY sent_at DESC LIMIT 1',
    [copy.id],
  );
  return {
    applied: true,
    reference: copy.reference,
    ...(latest?.id !== estimate.id ? { note: 'a newer estimate was sent since; it awaits acceptance' } : {}),
  };
}
