import type { Db, Queryable } from '@openehds/db';
import { conflict, forbidden, notFound } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { applicationFor } from '../applications/service';
import type { ApplicationRecord } from '../applications/store';
import type { FeeAcceptBody, InformationAnswerBody } from './bodies';
import { enqueueMessage } from './outbox';
import { FINAL_STATUSES } from './routing';

/**
 * The applicant's side of the relays, at the origin hub (Art. 67(3), 68(5)): they applied here and
 * deal with this HDAB only, so a receiving HDAB's request for additional information (Art. 68(4)) is
 * answered here, and its fee estimate (Art. 62) accepted here; the answer and the acceptance go to
 * that HDAB as signed outbox messages, written in the same transaction.
 */

interface LockedCopy {
  remote_reference: string | null;
  remote_status: string | null;
  decision_signed: unknown;
}

/** The applicant's own file and its copy at `country`, locked; refuses anyone but the applicant. */
async function applicantCopy(
  tx: Queryable,
  p: Principal,
  id: string,
  country: string,
  what: string,
): Promise<{ app: ApplicationRecord; copy: LockedCopy }> {
  const app = await applicationFor(tx, p, id, true);
  if (app.applicantId !== p.accountId) throw forbidden(`only the applicant ${what}`);
  const [copy] = await tx.query<LockedCopy>(
    `SELECT remote_reference, remote_status, decision_signed FROM cross_border_forward
     WHERE application_id = $1 AND peer_country = $2 FOR UPDATE`,
    [app.id, country],
  );
  if (!copy) throw notFound(`copy of ${app.reference} forwarded to`, country);
  return { app, copy };
}

/** A copy that is decided or withdrawn, or a file withdrawn here, takes no more answers. */
function refuseClosed(app: ApplicationRecord, copy: LockedCopy, country: string): void {
  if (app.status === 'WITHDRAWN') {
    throw conflict(`${app.reference} was withdrawn; its copies are withdrawn too`);
  }
  if (copy.decision_signed || (copy.remote_status && FINAL_STATUSES.has(copy.remote_status))) {
    throw conflict(`the copy at ${country} is ${copy.remote_status ?? 'decided'}; it takes no more answers`);
  }
  if (!copy.remote_reference) {
    throw conflict(`${country} has not confirmed receiving ${app.reference} yet; try again later`);
  }
}

/** The applicant answers a peer HDAB's open request for additional information (Art. 68(4)). */
export async function answerPeerInformationRequest(
  db: Db,
  p: Principal,
  id: string,
  country: string,
  answer: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { app, copy } = await applicantCopy(tx, p, id, country, 'answers a request for information');
    refuseClosed(app, copy, country);
    const [request] = await tx.query<{ request_seq: string }>(
      `SELECT request_seq FROM cross_border_information_request
       WHERE application_id = $1 AND peer_country = $2 AND answered_at IS NULL
       ORDER BY request_seq DESC LIMIT 1`,
      [app.id, country],
    );
    if (!request) throw conflict(`${country} has no open request for information on ${app.reference}`);
    const answeredAt = new Date().toISOString();
    const body: InformationAnswerBody = {
      originReference: app.reference,
      remoteReference: copy.remote_reference!,
      requestSeq: Number(request.request_seq),
      answer,
      answeredAt,
    };
    const messageId = await enqueueMessage(tx, {
      peerCountry: country,
      type: 'application.information-answer',
      body,
      applicationId: app.id,
    });
    await tx.query(
      `UPDATE cross_border_information_request
       SET answer = $4, answered_by = $5, answered_at = $6, answer_message_id = $7
       WHERE application_id = $1 AND peer_country = $2 AND request_seq = $3`,
      [app.id, country, request.request_seq, answer, p.accountId, answeredAt, messageId],
    );
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'cross-border.information-answer',
      object: `application:${app.id}`,
      outcome: 'success',
      details: { country, remoteReference: copy.remote_reference, requestSeq: body.requestSeq, messageId },
    });
  });
}

/**
 * The applicant accepts a peer HDAB's latest fee estimate (Art. 62; or withdraws, Art. 62(5)). An
 * estimate accepted before is left as it is and sent no second time.
 */
export async function acceptPeerFeeEstimate(
  db: Db,
  p: Principal,
  id: string,
  country: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { app, copy } = await applicantCopy(tx, p, id, country, 'accepts a fee estimate');
    const [estimate] = await tx.query<{ estimate_id: string; total: string; accepted_at: unknown }>(
      `SELECT estimate_id, total, accepted_at FROM cross_border_fee_estimate
       WHERE application_id = $1 AND peer_country = $2 ORDER BY sent_at DESC, received_at DESC LIMIT 1`,
      [app.id, country],
    );
    if (!estimate) throw conflict(`${country} has not sent a fee estimate for ${app.reference} yet`);
    if (estimate.accepted_at) return;
    refuseClosed(app, copy, country);
    const acceptedAt = new Date().toISOString();
    const body: FeeAcceptBody = {
      originReference: app.reference,
      remoteReference: copy.remote_reference!,
      estimateId: estimate.estimate_id,
      total: Number(estimate.total),
      acceptedAt,
    };
    const messageId = await enqueueMessage(tx, {
      peerCountry: country,
      type: 'application.fee-accept',
      body,
      applicationId: app.id,
    });
    await tx.query(
      `UPDATE cross_border_fee_estimate SET accepted_by = $4, accepted_at = $5, accept_message_id = $6
       WHERE application_id = $1 AND peer_country = $2 AND estimate_id = $3`,
      [app.id, country, estimate.estimate_id, p.accountId, acceptedAt, messageId],
    );
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'cross-border.fee-accept',
      object: `application:${app.id}`,
      outcome: 'success',
      details: { country, estimateId: estimate.estimate_id, total: body.total, messageId },
    });
  });
}
