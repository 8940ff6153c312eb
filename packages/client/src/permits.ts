/**
 * The typed client of the hub's permit routes (packages/server/src/permits/routes.ts), the results a
 * data user reports (packages/server/src/transparency/routes.ts), the extract counts per node
 * (packages/server/src/opt-out/routes.ts) and the GA4GH passport. Shapes mirror the hub's without
 * importing them (DESIGN.md §2); timestamps arrive as ISO strings.
 */
import { ApiError } from './api-error';
import { createHttp, type HttpOptions } from './http';
import type { NamedPerson, PermitContent, SignedDocument } from './applications-types';
import type { RegisterResult, ResultInput } from './register';

/** A permit version's status (TEHDAS2 D6.4; EHDS.md §5). */
export const PERMIT_STATUSES = ['GRANTED', 'AMENDED', 'RENEWED', 'REVOKED', 'EXPIRED'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/** The Art. 68(10) content of a stored permit version, with the chain it continues (amended or renewed). */
export interface PermitDocumentContent extends PermitContent {
  holder?: { organisation: string | null; country: string | null };
  lineage?: {
    rootPermitId: string;
    previousPermitId: string;
    version: number;
    status: 'AMENDED' | 'RENEWED';
    reason: string;
  };
}

/** A permit version in lists: its place in the chain, its dates and whether it governs access now. */
export interface PermitSummary {
  id: string;
  rootId: string;
  previousId: string | null;
  version: number;
  status: PermitStatus;
  applicationId: string;
  applicationReference: string;
  validFrom: string;
  validUntil: string;
  activeFrom: string;
  /** When a later version, a revocation or the expiry closed it; null while it is the newest. */
  activeUntil: string | null;
  renewals: number;
  purposes: string[];
  datasets: string[];
  /** How many persons it authorises. */
  persons: number;
  /** Newest of its chain, unrevoked and unexpired: it can be amended, renewed or revoked. */
  current: boolean;
  /** Current and within its access period: nodes and the SPE accept work under it now. */
  active: boolean;
}

/** One entry of a permit chain's history (`superseded` is written on the version a successor closed). */
export interface PermitEvent {
  seq: number;
  permitId: string;
  event: 'amend' | 'renew' | 'revoke' | 'expire' | 'superseded' | 'renewal-request';
  fromStatus: string | null;
  toStatus: string;
  /** `account:<username>` or `system`. */
  actor: string;
  at: string;
  reason: string | null;
  details: Record<string, unknown>;
  /** On a revocation or expiry: the hub-signed `openehds.permit-end/v1` notice. */
  signed?: SignedDocument;
}

/** The applicant's request for the one renewal of a chain (Art. 68(12)). */
export interface RenewalRequest {
  id: string;
  rootId: string;
  permitId: string;
  requestedAt: string;
  requestedUntil: string | null;
  reason: string | null;
  decidedAt: string | null;
  renewedPermitId: string | null;
}

/** One permit version as its reader sees it: content, signed document, all versions, history, renewal. */
export interface PermitView {
  id: string;
  rootId: string;
  previousId: string | null;
  version: number;
  applicationId: string;
  status: PermitStatus;
  validFrom: string;
  validUntil: string;
  activeFrom: string;
  activeUntil: string | null;
  renewals: number;
  revision: number;
  content: PermitDocumentContent;
  /** The signed `openehds.permit/v1` document; `ehds verify FILE` checks it offline. */
  signed: SignedDocument<PermitDocumentContent>;
  /** Why this version was made (amendment, renewal) or ended (revocation). */
  reason: string | null;
  createdAt: string;
  current: boolean;
  active: boolean;
  /** Every version of the chain, oldest first. */
  versions: PermitSummary[];
  /** The version of the chain that is current now, if any. */
  currentVersionId: string | null;
  history: PermitEvent[];
  /** The last day a renewal may be requested (one month before expiry), and the open request. */
  renewal: { deadline: string; request: RenewalRequest | null };
}

/** What an amendment may change (TEHDAS2 D6.3: persons, conditions, an earlier end). */
export interface AmendInput {
  reason: string;
  persons?: NamedPerson[];
  conditions?: string[];
  /** ISO date or date-time; only an earlier end than the current one. */
  validUntil?: string;
}

/** The applicant's renewal request. */
export interface RenewalRequestInput {
  reason?: string;
  validUntil?: string;
}

/** The renewal staff grant: the new end (≤ 10 more years) and why. */
export interface RenewInput {
  validUntil: string;
  reason: string;
}

/** What one node reports of the extract it prepared for a permit (Art. 68(12) recipe; opt-out, Art. 71). */
export interface ExtractReport {
  nodeId: string;
  nodeName: string;
  country: string;
  status: 'prepared' | 'deleted';
  datasets: string[];
  persons: number;
  /** Null where a small count is withheld from the data user. */
  excludedByOptOut: number | null;
  notMatchable: number | null;
  optOutApplied: boolean;
  snapshotAt: string;
  registryVersion: number;
  preparedAt: string;
  deletedAt: string | null;
  deletionReason: string | null;
}

/** The extracts the nodes prepared for a permit version. */
export interface PermitExtracts {
  permitId: string;
  optOutException: boolean;
  nodes: ExtractReport[];
}

/** A GA4GH Passport v1 claim: the visas, each a signed JWT (GA4GH AAI / Passport v1.2). */
export interface Passport {
  ga4gh_passport_v1: string[];
}

/** The permit routes as typed methods. */
export interface PermitsClient {
  /** Data users: their permits; HDAB staff: all. Newest version of each chain unless `versions: 'all'`. */
  list(
    filter?: { status?: PermitStatus; versions?: 'latest' | 'all' },
    signal?: AbortSignal,
  ): Promise<PermitSummary[]>;
  get(id: string, signal?: AbortSignal): Promise<PermitView>;
  /** Staff: an administrative amendment; answers the new version. */
  amend(id: string, input: AmendInput): Promise<PermitView>;
  /** The applicant asks for the one renewal, at least one month before expiry (Art. 68(12)). */
  requestRenewal(id: string, input?: RenewalRequestInput): Promise<RenewalRequest>;
  /** Staff: renews once on the request; answers the new version. */
  renew(id: string, input: RenewInput): Promise<PermitView>;
  /** Staff: revokes (Art. 63). */
  revoke(id: string, reason: string): Promise<PermitView>;
  /** The applicant reports a result of the permit (Art. 61(4)). */
  reportResult(permitId: string, input: ResultInput): Promise<RegisterResult>;
  /** The applicant reports a result of an answered health data request (which has no permit). */
  reportRequestResult(applicationId: string, input: ResultInput): Promise<RegisterResult>;
  /** Extract counts per node; null when the hub has no such route or no extract list for the permit (404). */
  extracts(id: string, signal?: AbortSignal): Promise<PermitExtracts | null>;
  /** Data users: their GA4GH passport (one visa per dataset of each active permit naming them). */
  passport(signal?: AbortSignal): Promise<Passport>;
}

const enc = encodeURIComponent;
const base = (id: string) => `/api/permits/${enc(id)}`;

/** The query string of a permit list filter (`?status=REVOKED&versions=all`), '' when empty. */
export function permitListQuery(filter: { status?: PermitStatus; versions?: 'latest' | 'all' } = {}): string {
  const q = new URLSearchParams();
  if (filter.status) q.set('status', filter.status);
  if (filter.versions) q.set('versions', filter.versions);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Creates the permits client; in the browser pass `baseUrl: ''` and `credentials: 'same-origin'`. */
export function createPermitsClient(options: HttpOptions): PermitsClient {
  const send = createHttp(options);
  return {
    list: async (filter, signal) =>
      (
        await send<{ items: PermitSummary[] }>({
          method: 'GET',
          path: `/api/permits${permitListQuery(filter)}`,
          signal,
        })
      ).items,
    get: (id, signal) => send<PermitView>({ method: 'GET', path: base(id), signal }),
    amend: (id, input) => send<PermitView>({ method: 'POST', path: `${base(id)}/amend`, json: input }),
    requestRenewal: (id, input = {}) =>
      send<RenewalRequest>({ method: 'POST', path: `${base(id)}/renewal-request`, json: input }),
    renew: (id, input) => send<PermitView>({ method: 'POST', path: `${base(id)}/renew`, json: input }),
    revoke: (id, reason) =>
      send<PermitView>({ method: 'POST', path: `${base(id)}/revoke`, json: { reason } }),
    reportResult: (permitId, input) =>
      send<RegisterResult>({ method: 'POST', path: `${base(permitId)}/results`, json: input }),
    reportRequestResult: (applicationId, input) =>
      send<RegisterResult>({
        method: 'POST',
        path: `/api/applications/${enc(applicationId)}/results`,
        json: input,
      }),
    extracts: async (id, signal) => {
      try {
        return await send<PermitExtracts>({ method: 'GET', path: `${base(id)}/extracts`, signal });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    passport: (signal) => send<Passport>({ method: 'GET', path: '/api/passport', signal }),
  };
}
