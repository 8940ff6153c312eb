/**
 * The typed client of the hub's airlock routes (packages/server/src/airlock/routes.ts; issue 4 §5,
 * Art. 73(2)): outputs of jobs run under a permit, submitted by their author, reviewed by two HDAB
 * output checkers who are never the author, decided on, released. Shapes and codes mirror the hub's
 * without importing them (DESIGN.md §2; `vocabularies.test.ts` keeps the codes honest); timestamps
 * arrive as ISO strings.
 */
import { toApiError, networkError } from './api-error';
import { createHttp, joinUrl, requestHeaders, type HttpOptions } from './http';

/** An output request's status (OpenSAFELY airlock states, EHDS.md §10). */
export const AIRLOCK_STATUSES = [
  'PENDING',
  'SUBMITTED',
  'PARTIALLY_REVIEWED',
  'REVIEWED',
  'RETURNED',
  'APPROVED',
  'REJECTED',
  'RELEASED',
  'WITHDRAWN',
] as const;
export type AirlockStatus = (typeof AIRLOCK_STATUSES)[number];

/** A checker's vote on one file. */
export const FILE_VOTES = ['approve', 'request-changes', 'reject'] as const;
export type FileVote = (typeof FILE_VOTES)[number];

/** What checkers decide after two reviews. */
export type AirlockDecision = 'approve' | 'return' | 'reject';

/** What the disclosure-control engine found in one file (`review`: it cannot read the file; a person judges). */
export interface AirlockAutoCheck {
  kind: 'table' | 'model' | 'other';
  outcome: 'pass' | 'fail' | 'review';
  /** One line for people. */
  summary: string;
  /** The engine's machine-readable disclosure-control record (SATRE 3.3.09), null when it did not run. */
  record: unknown;
}

/** One output file; its bytes are fetched apart (`fileText`, `fileBlob`, `airlockFileUrl`). */
export interface AirlockFile {
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  autoCheck: AirlockAutoCheck;
}

/** One checker's review of the current submission. */
export interface AirlockReview {
  /** The checker's username. */
  reviewer: string;
  reviewerId: string;
  submission: number;
  votes: Record<string, FileVote>;
  comments: Record<string, string>;
  at: string;
}

/** One entry of a request's history. */
export interface AirlockEvent {
  /** `receive`, `submit`, `withdraw`, `review`, `approve`, `return`, `reject` or `release`. */
  action: string;
  fromStatus: string | null;
  toStatus: string;
  /** `account:<username>` or `node:<id>`. */
  actor: string;
  reason: string | null;
  at: string;
}

/** An output request as listed. */
export interface AirlockRequest {
  id: string;
  reference: string;
  permitId: string;
  nodeId: string;
  origin: { kind: 'job' | 'analysis'; id: string };
  authorId: string;
  /** The author's username. */
  author: string;
  status: AirlockStatus;
  /** How many times it was submitted; reviews belong to the current submission. */
  submission: number;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One request with its files, the reviews of its current submission and its history. */
export interface AirlockRequestView extends AirlockRequest {
  files: AirlockFile[];
  reviews: AirlockReview[];
  history: AirlockEvent[];
}

/** A checker's review: a vote on every file, a comment where the vote is not approve or the check did not pass. */
export interface AirlockReviewInput {
  votes: Record<string, FileVote>;
  comments?: Record<string, string>;
}

/** The airlock routes as typed methods. */
export interface AirlockClient {
  /** Checkers: every request; data users: their own. Newest first. */
  list(filter?: { status?: AirlockStatus; permit?: string }, signal?: AbortSignal): Promise<AirlockRequest[]>;
  get(id: string, signal?: AbortSignal): Promise<AirlockRequestView>;
  /** The author submits a pending or returned request, with a note to the checkers. */
  submit(id: string, note?: string): Promise<AirlockRequest>;
  /** The author withdraws the request. */
  withdraw(id: string, reason?: string): Promise<AirlockRequest>;
  /** A checker (never the author) reviews every file of the current submission. */
  review(id: string, input: AirlockReviewInput): Promise<AirlockRequest>;
  /** A checker decides after two reviews; return and reject need a reason for the author. */
  decide(id: string, action: AirlockDecision, reason?: string): Promise<AirlockRequest>;
  /** A checker releases an approved request to its author. */
  release(id: string): Promise<AirlockRequest>;
  /** A file as text (checkers any time, to inspect; the author once released). */
  fileText(id: string, name: string, signal?: AbortSignal): Promise<string>;
  /** A file's bytes. */
  fileBlob(id: string, name: string, signal?: AbortSignal): Promise<Blob>;
}

const enc = encodeURIComponent;
const base = (id: string) => `/api/airlock/${enc(id)}`;

/** The address of one file of a request (relative to the hub; the hub answers it as an attachment). */
export function airlockFileUrl(id: string, name: string): string {
  return `${base(id)}/files/${enc(name)}`;
}

/** The query string of a list filter (`?status=REVIEWED&permit=…`), '' when empty. */
export function airlockListQuery(filter: { status?: AirlockStatus; permit?: string } = {}): string {
  const q = new URLSearchParams();
  if (filter.status) q.set('status', filter.status);
  if (filter.permit) q.set('permit', filter.permit);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Creates the airlock client; in the browser pass `baseUrl: ''` and `credentials: 'same-origin'`. */
export function createAirlockClient(options: HttpOptions): AirlockClient {
  const send = createHttp(options);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const token = () => (typeof options.token === 'function' ? options.token() : options.token);
  const blank = (s: string | undefined) => (s?.trim() ? s : undefined);
  return {
    list: async (filter, signal) =>
      (
        await send<{ items: AirlockRequest[] }>({
          method: 'GET',
          path: `/api/airlock${airlockListQuery(filter)}`,
          signal,
        })
      ).items,
    get: (id, signal) => send<AirlockRequestView>({ method: 'GET', path: base(id), signal }),
    // Empty text is sent as absent: the hub refuses an empty note or reason but accepts none.
    submit: (id, note) =>
      send<AirlockRequest>({ method: 'POST', path: `${base(id)}/submit`, json: { note: blank(note) } }),
    withdraw: (id, reason) =>
      send<AirlockRequest>({
        method: 'POST',
        path: `${base(id)}/withdraw`,
        json: { reason: blank(reason) },
      }),
    review: (id, input) =>
      send<AirlockRequest>({
        method: 'POST',
        path: `${base(id)}/reviews`,
        json: { votes: input.votes, comments: input.comments ?? {} },
      }),
    decide: (id, action, reason) =>
      send<AirlockRequest>({
        method: 'POST',
        path: `${base(id)}/decision`,
        json: { action, reason: blank(reason) },
      }),
    release: (id) => send<AirlockRequest>({ method: 'POST', path: `${base(id)}/release`, json: {} }),
    fileText: (id, name, signal) =>
      send<string>({
        method: 'GET',
        path: airlockFileUrl(id, name),
        accept: '*/*',
        responseType: 'text',
        signal,
      }),
    // Bytes as they are (an image, a model file): read as a Blob, not through the JSON sender.
    fileBlob: async (id, name, signal) => {
      const request = { method: 'GET' as const, path: airlockFileUrl(id, name), accept: '*/*', signal };
      let response: Response;
      try {
        response = await doFetch(joinUrl(options.baseUrl, request.path), {
          method: 'GET',
          headers: requestHeaders(request, token()),
          credentials: options.credentials,
          signal,
        });
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError') throw err;
        throw networkError(err);
      }
      if (!response.ok)
        throw toApiError(response.status, response.headers.get('content-type'), await response.text());
      return response.blob();
    },
  };
}
