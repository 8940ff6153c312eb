import type { Queryable } from '@openehds/db';
import { notFound, type AirlockStatus, type FileVote, type Review } from '@openehds/core';
import type { AutoCheck } from './auto-check';

/** Reading and writing airlock requests, files, reviews and history (migration 0015). */

/** One output file: what it is and what the automatic check found; the bytes are read apart. */
export interface AirlockFile {
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  autoCheck: AutoCheck;
}

/** A checker's review of one submission. */
export interface StoredReview extends Review {
  reviewerId: string;
  submission: number;
  comments: Record<string, string>;
  at: string;
}

/** One entry of a request's history. */
export interface AirlockEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  reason: string | null;
  at: string;
}

/** An output request as stored. */
export interface AirlockRequest {
  id: string;
  reference: string;
  permitId: string;
  nodeId: string;
  origin: { kind: 'job' | 'analysis'; id: string };
  authorId: string;
  author: string;
  status: AirlockStatus;
  submission: number;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (v: unknown) => new Date(v as string).toISOString();

function toRequest(r: Record<string, unknown>): AirlockRequest {
  return {
    id: r.id as string,
    reference: r.reference as string,
    permitId: r.permit_id as string,
    nodeId: r.node_id as string,
    origin: r.origin as AirlockRequest['origin'],
    authorId: r.author_id as string,
    author: r.author as string,
    status: r.status as AirlockStatus,
    submission: Number(r.submission),
    note: (r.note as string | null) ?? null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const SELECT = `SELECT r.*, a.username AS author FROM airlock_request r JOIN account a ON a.id = r.author_id`;

/** One request; `lock` takes a row lock for a change. */
export async function loadRequest(db: Queryable, id: string, lock = false): Promise<AirlockRequest> {
  const [row] = await db.query<Record<string, unknown>>(
    `${SELECT} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  if (!row) throw notFound('output request', id);
  return toRequest(row);
}

/** Requests, newest first, filtered by status, permit or author. */
export async function listRequests(
  db: Queryable,
  filter: { status?: AirlockStatus; permitId?: string; authorId?: string; permitIds?: string[] },
): Promise<AirlockRequest[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${SELECT}
     WHERE ($1::text IS NULL OR r.status = $1) AND ($2::text IS NULL OR r.permit_id = $2)
       AND ($3::uuid IS NULL OR r.author_id = $3) AND ($4::text[] IS NULL OR r.permit_id = ANY($4))
     ORDER BY r.created_at DESC, r.reference DESC LIMIT 500`,
    [filter.status ?? null, filter.permitId ?? null, filter.authorId ?? null, filter.permitIds ?? null],
  );
  return rows.map(toRequest);
}

/** The files of a request, without their bytes. */
export async function requestFiles(db: Queryable, id: string): Promise<AirlockFile[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT name, media_type, bytes, sha256, auto_check FROM airlock_file WHERE request_id = $1 ORDER BY name',
    [id],
  );
  return rows.map((r) => ({
    name: r.name as string,
    mediaType: r.media_type as string,
    bytes: Number(r.bytes),
    sha256: r.sha256 as string,
    autoCheck: r.auto_check as AutoCheck,
  }));
}

/** One file's bytes and type. */
export async function fileContent(
  db: Queryable,
  id: string,
  name: string,
): Promise<{ mediaType: string; content: Buffer }> {
  const [row] = await db.query<{ media_type: string; content: Uint8Array }>(
    'SELECT media_type, content FROM airlock_file WHERE request_id = $1 AND name = $2',
    [id, name],
  );
  if (!row) throw notFound('output file', name);
  return { mediaType: row.media_type, content: Buffer.from(row.content) };
}

/** The reviews of one submission. */
export async function reviewsOf(db: Queryable, id: string, submission: number): Promise<StoredReview[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM airlock_review WHERE request_id = $1 AND submission = $2 ORDER BY at',
    [id, submission],
  );
  return rows.map((r) => ({
    reviewer: r.reviewer as string,
    reviewerId: r.reviewer_id as string,
    submission: Number(r.submission),
    votes: r.votes as Record<string, FileVote>,
    comments: r.comments as Record<string, string>,
    at: iso(r.at),
  }));
}

/** The history of a request, oldest first. */
export async function historyOf(db: Queryable, id: string): Promise<AirlockEvent[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM airlock_event WHERE request_id = $1 ORDER BY seq',
    [id],
  );
  return rows.map((r) => ({
    action: r.action as string,
    fromStatus: (r.from_status as string | null) ?? null,
    toStatus: r.to_status as string,
    actor: r.actor as string,
    reason: (r.reason as string | null) ?? null,
    at: iso(r.at),
  }));
}

/** Appends one history entry (in the caller's transaction). */
export async function appendAirlockEvent(
  tx: Queryable,
  e: {
    requestId: string;
    action: string;
    from: string | null;
    to: string;
    actor: string;
    reason: string | null;
  },
): Promise<void> {
  await tx.query(
    'INSERT INTO airlock_event (request_id, action, from_status, to_status, actor, reason) VALUES ($1, $2, $3, $4, $5, $6)',
    [e.requestId, e.action, e.from, e.to, e.actor, e.reason],
  );
}
