import { ApiError } from './api-error';
import { createHttp, type HttpOptions } from './http';
import { toSearchParams, type DatasetQuery } from './dataset-query';
import type {
  AuditEvent,
  AuditVerification,
  DatasetDetail,
  DatasetSearchResult,
  DemoAccounts,
  HolderNode,
  HubNode,
  Principal,
  SignInOutcome,
} from './types';

/** RDF serialisations the catalogue offers for content negotiation (HealthDCAT-AP). */
export const RDF_FORMATS = [
  { id: 'turtle', mediaType: 'text/turtle', label: 'Turtle' },
  { id: 'jsonld', mediaType: 'application/ld+json', label: 'JSON-LD' },
  { id: 'rdfxml', mediaType: 'application/rdf+xml', label: 'RDF/XML' },
] as const;

/** One RDF serialisation. */
export type RdfFormat = (typeof RDF_FORMATS)[number];

const enc = encodeURIComponent;

/** The hub's REST API as typed methods. */
export interface HubClient {
  /** Password sign-in: a session, or `{ mfaRequired, challenge }` for the authenticator code step. */
  signIn(username: string, password: string): Promise<SignInOutcome>;
  signOut(): Promise<void>;
  /** The signed-in principal, or null when nobody is signed in (401). */
  me(): Promise<Principal | null>;
  /** Demo accounts, or null when the hub is not in demo mode (404). */
  demoAccounts(): Promise<DemoAccounts | null>;
  searchDatasets(query: Partial<DatasetQuery>, signal?: AbortSignal): Promise<DatasetSearchResult>;
  getDataset(id: string): Promise<DatasetDetail>;
  /** The dataset's RDF in one serialisation, as text. */
  getDatasetRdf(id: string, mediaType: RdfFormat['mediaType']): Promise<string>;
  listNodes(): Promise<HubNode[]>;
  approveNode(id: string): Promise<void>;
  rejectNode(id: string, reason?: string): Promise<void>;
  revokeNode(id: string, reason?: string): Promise<void>;
  audit(limit?: number): Promise<AuditEvent[]>;
  verifyAudit(): Promise<AuditVerification>;
  holderNodes(): Promise<HolderNode[]>;
}

/** Returns null instead of throwing for the given status (e.g. 401 "not signed in", 404 "not in demo mode"). */
async function orNullOn<T>(status: number, p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ApiError && err.status === status) return null;
    throw err;
  }
}

/** Creates a client for the hub; in the browser pass `baseUrl: ''` and `credentials: 'same-origin'`. */
export function createHubClient(options: HttpOptions): HubClient {
  const send = createHttp(options);
  return {
    signIn: (username, password) =>
      send<SignInOutcome>({ method: 'POST', path: '/api/auth/sign-in', json: { username, password } }),
    signOut: async () => {
      await send({ method: 'POST', path: '/api/auth/sign-out', json: {} });
    },
    me: () => orNullOn(401, send<Principal>({ method: 'GET', path: '/api/auth/me' })),
    demoAccounts: () => orNullOn(404, send<DemoAccounts>({ method: 'GET', path: '/api/demo/accounts' })),
    searchDatasets: (query, signal) =>
      send<DatasetSearchResult>({
        method: 'GET',
        path: `/api/datasets?${toSearchParams(query, true).toString()}`,
        signal,
      }),
    getDataset: (id) => send<DatasetDetail>({ method: 'GET', path: `/api/datasets/${enc(id)}` }),
    getDatasetRdf: (id, mediaType) =>
      send<string>({
        method: 'GET',
        path: `/catalogue/datasets/${enc(id)}`,
        accept: mediaType,
        responseType: 'text',
      }),
    listNodes: async () => (await send<{ nodes: HubNode[] }>({ method: 'GET', path: '/api/nodes' })).nodes,
    approveNode: async (id) => {
      await send({ method: 'POST', path: `/api/nodes/${enc(id)}/approve`, json: {} });
    },
    rejectNode: async (id, reason) => {
      await send({ method: 'POST', path: `/api/nodes/${enc(id)}/reject`, json: reason ? { reason } : {} });
    },
    revokeNode: async (id, reason) => {
      await send({ method: 'POST', path: `/api/nodes/${enc(id)}/revoke`, json: reason ? { reason } : {} });
    },
    audit: async (limit = 100) =>
      (await send<{ events: AuditEvent[] }>({ method: 'GET', path: `/api/audit?limit=${limit}` })).events,
    verifyAudit: () => send<AuditVerification>({ method: 'GET', path: '/api/audit/verify' }),
    holderNodes: async () =>
      (await send<{ nodes: HolderNode[] }>({ method: 'GET', path: '/api/holder/nodes' })).nodes,
  };
}
