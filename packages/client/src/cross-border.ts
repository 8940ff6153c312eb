/**
 * The cross-border part of a case file (Art. 67(3), 68(5)): one copy per country whose HDAB the file
 * was forwarded to, as `crossBorder` of `GET /api/applications/:id` and
 * `GET /api/applications/:id/cross-border` send it (packages/server/src/cross-border/view.ts), and
 * the applicant's two answers to a peer HDAB (routes in packages/server/src/cross-border/routes.ts).
 */
import { createHttp, type HttpOptions } from './http';
import type { ApplicationStatus, FeeEstimate, Outcome, SignedDocument } from './applications-types';

/** How far a message to the peer got. */
export interface Delivery {
  messageId: string;
  deliveredAt: string | null;
  attempts: number;
  lastError: string | null;
}

/** A peer's request for additional information (Art. 68(4)), which the applicant answers at the origin. */
export interface PeerInformationRequest {
  seq: number;
  reason: string;
  requestedAt: string;
  receivedAt: string;
  /** Not answered yet and the copy still takes an answer. */
  open: boolean;
  answer: { text: string; answeredAt: string; delivery: Delivery | null } | null;
}

/** A peer's fee estimate for its part (Art. 62), which the applicant accepts at the origin. */
export interface PeerFeeEstimate {
  id: string;
  estimate: FeeEstimate;
  sentAt: string;
  receivedAt: string;
  accepted: boolean;
  acceptedAt: string | null;
  delivery: Delivery | null;
}

/** One forwarded copy, as the origin hub knows it. */
export interface CrossBorderCopy {
  /** Two-letter country of the peer HDAB. */
  country: string;
  peer: { name: string; url: string } | null;
  /** The dataset ids this copy names. */
  datasets: string[];
  forward: Delivery;
  remoteReference: string | null;
  remoteStatus: ApplicationStatus | null;
  remoteOutcome: Outcome | null;
  remoteReason: string | null;
  /** The peer's signed decision, verified under its key when it arrived. */
  decision: { outcome: Outcome; signedAt: string; signed: SignedDocument } | null;
  informationRequest: PeerInformationRequest | null;
  feeEstimate: PeerFeeEstimate | null;
  lastSyncAt: string | null;
}

/** Where a copy came from, at the receiving hub. */
export interface CrossBorderOrigin {
  country: string;
  peer: { name: string; url: string } | null;
  reference: string;
}

/** The cross-border view of one file. */
export interface CrossBorderView {
  reference: string;
  origin: CrossBorderOrigin | null;
  copies: CrossBorderCopy[];
}

/** The cross-border routes a browser calls. */
export interface CrossBorderClient {
  get(applicationId: string, signal?: AbortSignal): Promise<CrossBorderView>;
  /** The applicant answers the open request for information of the HDAB of `country` (Art. 68(4)). */
  answerInformationRequest(applicationId: string, country: string, answer: string): Promise<CrossBorderView>;
  /** The applicant accepts the latest fee estimate of the HDAB of `country` (Art. 62). */
  acceptFeeEstimate(applicationId: string, country: string): Promise<CrossBorderView>;
}

const path = (id: string, rest = '') => `/api/applications/${encodeURIComponent(id)}/cross-border${rest}`;

/** Creates the cross-border client; in the browser pass `baseUrl: ''` and `credentials: 'same-origin'`. */
export function createCrossBorderClient(options: HttpOptions): CrossBorderClient {
  const send = createHttp(options);
  return {
    get: (id, signal) => send<CrossBorderView>({ method: 'GET', path: path(id), signal }),
    answerInformationRequest: (id, country, answer) =>
      send<CrossBorderView>({
        method: 'POST',
        path: path(id, `/${encodeURIComponent(country)}/information`),
        json: { answer },
      }),
    acceptFeeEstimate: (id, country) =>
      send<CrossBorderView>({
        method: 'POST',
        path: path(id, `/${encodeURIComponent(country)}/fee-estimate/accept`),
        json: {},
      }),
  };
}
