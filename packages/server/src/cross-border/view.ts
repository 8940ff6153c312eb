import type { Queryable } from '@openehds/db';
import type { ApplicationStatus, FeeEstimate, Outcome, SignedDocument } from '@openehds/core';
import { FINAL_STATUSES } from './routing';

/**
 * The cross-border part of a case file, in one view (Art. 67(3), 68(5)): at the origin, the copy sent
 * to each peer with what that HDAB last reported and its signed decision; at a receiving hub, where
 * the file came from.
 */

/** How far a message to the peer got: sent yet, how often tried, the last error. */
export interface Delivery {
  messageId: string;
  deliveredAt: string | null;
  attempts: number;
  lastError: string | null;
}

/** A peer's request for additional information (Art. 68(4)), which the applicant answers here. */
export interface PeerInformationRequest {
  /** The peer's history sequence number of the request. */
  seq: number;
  reason: string;
  requestedAt: string;
  receivedAt: string;
  /** Not answered yet, and the copy still takes an answer (not decided, not withdrawn). */
  open: boolean;
  answer: { text: string; answeredAt: string; delivery: Delivery | null } | null;
}

/** A peer's fee estimate for its part (Art. 62), which the applicant accepts here. */
export interface PeerFeeEstimate {
  /** The peer's id of the estimate. */
  id: string;
  estimate: FeeEstimate;
  sentAt: string;
  receivedAt: string;
  accepted: boolean;
  acceptedAt: string | null;
  /** The acceptance message to the peer, once accepted. */
  delivery: Delivery | null;
}

/** One forwarded copy, as the origin hub knows it. */
export interface CrossBorderCopy {
  country: string;
  peer: { name: string; url: string } | null;
  /** The dataset ids this copy names (those of its country). */
  datasets: string[];
  /** The forward message: sent yet, how often tried, the last error. */
  forward: { messageId: string; deliveredAt: string | null; attempts: number; lastError: string | null };
  remoteReference: string | null;
  remoteStatus: ApplicationStatus | null;
  remoteOutcome: Outcome | null;
  /** The reason the peer gave with its last status (e.g. the information it asks for). */
  remoteReason: string | null;
  /** The peer's decision, verified under its key when it arrived. */
  decision: { outcome: Outcome; signedAt: string; signed: SignedDocument } | null;
  /** The peer's latest request for additional information, answered or not. */
  informationRequest: PeerInformationRequest | null;
  /** The peer's latest fee estimate, and whether the applicant accepted it. */
  feeEstimate: PeerFeeEstimate | null;
  lastSyncAt: string | null;
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

/** The copies of an application forwarded to peers (empty when it was not forwarded). */
export async function crossBorderOf(db: Queryable, applicationId: string): Promise<CrossBorderCopy[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT f.*, p.name AS peer_name, p.url AS peer_url,
            o.delivered_at AS forward_delivered_at, o.attempts AS forward_attempts, o.last_error AS forward_error
     FROM cross_border_forward f
     LEFT JOIN cross_border_peer p ON p.country = f.peer_country
     LEFT JOIN cross_border_outbox o ON o.id = f.forward_message_id
     WHERE f.application_id = $1
     ORDER BY f.peer_country`,
    [applicationId],
  );
  const requests = await latestByPeer(
    db,
    `SELECT DISTINCT ON (r.peer_country) r.*,
            o.delivered_at AS o_delivered_at, o.attempts AS o_attempts, o.last_error AS o_error
     FROM cross_border_information_request r LEFT JOIN cross_border_outbox o ON o.id = r.answer_message_id
     WHERE r.application_id = $1 ORDER BY r.peer_country, r.request_seq DESC`,
    applicationId,
  );
  const estimates = await latestByPeer(
    db,
    `SELECT DISTINCT ON (e.peer_country) e.*,
            o.delivered_at AS o_delivered_at, o.attempts AS o_attempts, o.last_error AS o_error
     FROM cross_border_fee_estimate e LEFT JOIN cross_border_outbox o ON o.id = e.accept_message_id
     WHERE e.application_id = $1 ORDER BY e.peer_country, e.sent_at DESC, e.received_at DESC`,
    applicationId,
  );
  return rows.map((r) => ({
    country: String(r.peer_country).trim(),
    peer: r.peer_name ? { name: String(r.peer_name), url: String(r.peer_url) } : null,
    datasets: (r.datasets as string[]) ?? [],
    forward: {
      messageId: r.forward_message_id as string,
      deliveredAt: iso(r.forward_delivered_at),
      attempts: Number(r.forward_attempts ?? 0),
      lastError: (r.forward_error as string | null) ?? null,
    },
    remoteReference: (r.remote_reference as string | null) ?? null,
    remoteStatus: (r.remote_status as ApplicationStatus | null) ?? null,
    remoteOutcome: (r.remote_outcome as Outcome | null) ?? null,
    remoteReason: (r.remote_reason as string | null) ?? null,
    decision: r.decision_signed
      ? {
          outcome: r.remote_outcome as Outcome,
          signedAt: iso(r.decision_signed_at)!,
          signed: r.decision_signed as SignedDocument,
        }
      : null,
    informationRequest: requestOf(
      requests.get(String(r.peer_country).trim()),
      Boolean(r.decision_signed) || FINAL_STATUSES.has(String(r.remote_status)),
    ),
    feeEstimate: estimateOf(estimates.get(String(r.peer_country).trim())),
    lastSyncAt: iso(r.last_sync_at),
  }));
}

type Row = Record<string, unknown>;

async function latestByPeer(db: Queryable, sql: string, applicationId: string): Promise<Map<string, Row>> {
  const rows = await db.query<Row>(sql, [applicationId]);
  return new Map(rows.map((r) => [String(r.peer_country).trim(), r]));
}

const deliveryOf = (r: Row, messageId: unknown): Delivery | null =>
  messageId
    ? {
        messageId: String(messageId),
        deliveredAt: iso(r.o_delivered_at),
        attempts: Number(r.o_attempts ?? 0),
        lastError: (r.o_error as string | null) ?? null,
      }
    : null;

function requestOf(r: Row | undefined, closed: boolean): PeerInformationRequest | null {
  if (!r) return null;
  return {
    seq: Number(r.request_seq),
    reason: String(r.reason),
    requestedAt: iso(r.requested_at)!,
    receivedAt: iso(r.received_at)!,
    open: !r.answered_at && !closed,
    answer: r.answered_at
      ? {
          text: String(r.answer),
          answeredAt: iso(r.answered_at)!,
          delivery: deliveryOf(r, r.answer_message_id),
        }
      : null,
  };
}

function estimateOf(r: Row | undefined): PeerFeeEstimate | null {
  if (!r) return null;
  return {
    id: String(r.estimate_id),
    estimate: r.estimate as FeeEstimate,
    sentAt: iso(r.sent_at)!,
    receivedAt: iso(r.received_at)!,
    accepted: Boolean(r.accepted_at),
    acceptedAt: iso(r.accepted_at),
    delivery: deliveryOf(r, r.accept_message_id),
  };
}

/** Where a forwarded copy came from, at the receiving hub; null for a file submitted here. */
export interface CrossBorderOrigin {
  country: string;
  peer: { name: string; url: string } | null;
  reference: string;
}

/** The origin of a case file received from a peer, or null. */
export async function crossBorderOriginOf(
  db: Queryable,
  applicationId: string,
): Promise<CrossBorderOrigin | null> {
  const [r] = await db.query<Record<string, unknown>>(
    `SELECT a.origin_hub, a.origin_reference, p.name, p.url
     FROM application a LEFT JOIN cross_border_peer p ON p.country = a.origin_hub
     WHERE a.id = $1 AND a.origin_hub IS NOT NULL`,
    [applicationId],
  );
  if (!r) return null;
  return {
    country: String(r.origin_hub),
    peer: r.name ? { name: String(r.name), url: String(r.url) } : null,
    reference: String(r.origin_reference),
  };
}
