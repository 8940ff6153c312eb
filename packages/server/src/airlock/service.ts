import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import {
  conflict,
  forbidden,
  invalid,
  isActive,
  nextAirlockStatus,
  type AirlockAction,
  type AirlockStatus,
  type FileVote,
  type SdcPolicy,
} from '@openehds/core';
import { appendIn, recordAudit } from '../audit/service';
import type { Principal } from '../auth/roles';
import type { FederatedNode } from '../federation/nodes';
import { identityOf, matchingPersons } from '../permits/access';
import { loadPermit, type PermitRecord } from '../permits/store';
import { toVersion } from '../permits/versions';
import { checkOutputFile } from './auto-check';
import {
  appendAirlockEvent,
  fileContent,
  historyOf,
  listRequests,
  loadRequest,
  requestFiles,
  reviewsOf,
  type AirlockRequest,
} from './store';

/**
 * The airlock's service (issue 4 §5; Art. 73(2)): outputs arrive from a node, are checked by the
 * disclosure-control engine, submitted by their author, reviewed by two output checkers who are not
 * the author, approved, returned or rejected, and only then released to the data user. Every step is
 * in the request's history and the audit log.
 */

/** What a node sends: the outputs of a job run under a permit for one of its named persons. */
export interface OutputsMessage {
  permitId: string;
  origin: { kind: 'job' | 'analysis'; id: string };
  /** The hub username of the data user who ran the job. */
  author: string;
  files: { name: string; mediaType: string; contentBase64: string }[];
}

const MAX_FILE_BYTES = 5 << 20;

/** The airlock is staffed by the HDAB's output checkers. */
export const isChecker = (p: Principal) => p.role === 'hdab_staff';

/** Whether a principal is one of the permit's named persons (Art. 68(10)(d)). */
async function isNamedPerson(db: Queryable, p: Principal, permit: PermitRecord): Promise<boolean> {
  return matchingPersons(permit.content, await identityOf(db, p)).length > 0;
}

/** Records a node's outputs as a PENDING request with the automatic check of each file. */
export async function receiveOutputs(
  db: Db,
  node: FederatedNode,
  msg: OutputsMessage,
  policy: SdcPolicy,
): Promise<AirlockRequest> {
  const permit = await loadPermit(db, msg.permitId);
  if (!isActive(toVersion(permit), new Date()))
    throw forbidden(`permit ${permit.id} is not active; outputs under it are not taken into the airlock`);
  const [author] = await db.query<{ id: string; username: string; role: string; email: string | null }>(
    'SELECT id, username, role, email FROM account WHERE username = $1',
    [msg.author],
  );
  const principal = author
    ? ({ accountId: author.id, username: author.username, role: author.role } as Principal)
    : null;
  if (!principal || !(await isNamedPerson(db, principal, permit)))
    throw forbidden(`${msg.author} is not a person named in permit ${permit.id} (Art. 68(10)(d))`);
  const holds = await db.query(`SELECT 1 FROM dataset WHERE node_id = $1 AND id = ANY($2::text[]) LIMIT 1`, [
    node.id,
    (permit.content.datasets ?? []).map((d) => d.datasetId),
  ]);
  if (!holds.length) throw forbidden(`node ${node.name} holds none of the datasets of permit ${permit.id}`);

  const files = msg.files.map((f) => {
    const content = Buffer.from(f.contentBase64, 'base64');
    if (content.length > MAX_FILE_BYTES)
      throw invalid(`output ${f.name} is larger than ${MAX_FILE_BYTES >> 20} MiB`, [
        { path: `files.${f.name}`, message: 'too large' },
      ]);
    return { ...f, content, sha256: createHash('sha256').update(content).digest('hex') };
  });
  const checked = files.map((f) => ({ ...f, autoCheck: checkOutputFile(f, policy, permit.id) }));
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const [{ n } = { n: '0' }] = await tx.query<{ n: string }>(
      `SELECT nextval('airlock_reference_seq') AS n`,
    );
    const reference = `OUT-${new Date().getUTCFullYear()}-${String(n).padStart(6, '0')}`;
    await tx.query(
      `INSERT INTO airlock_request (id, reference, permit_id, node_id, origin, author_id, status)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'PENDING')`,
      [id, reference, permit.id, node.id, JSON.stringify(msg.origin), author!.id],
    );
    for (const f of checked) {
      await tx.query(
        `INSERT INTO airlock_file (request_id, name, media_type, bytes, sha256, content, auto_check)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
        [id, f.name, f.mediaType, f.content.length, f.sha256, f.content, JSON.stringify(f.autoCheck)],
      );
    }
    await appendAirlockEvent(tx, {
      requestId: id,
      action: 'receive',
      from: null,
      to: 'PENDING',
      actor: `node:${node.id}`,
      reason: null,
    });
    await appendIn(tx, {
      actor: `node:${node.id}`,
      action: 'airlock.receive',
      object: `airlock:${reference}`,
      outcome: 'success',
      details: {
        permit: permit.id,
        origin: msg.origin,
        files: checked.map((f) => ({ name: f.name, sha256: f.sha256, check: f.autoCheck.outcome })),
      },
    });
  });
  return loadRequest(db, id);
}

/** A request with its files, current reviews and history, for its author or a checker. */
export async function requestView(db: Queryable, p: Principal, id: string) {
  const request = await requestFor(db, p, id);
  const [files, reviews, history] = await Promise.all([
    requestFiles(db, id),
    reviewsOf(db, id, request.submission),
    historyOf(db, id),
  ]);
  return { ...request, files, reviews, history };
}

/** Loads a request its author or a checker may see; others get 404 (ids reveal nothing). */
export async function requestFor(db: Queryable, p: Principal, id: string): Promise<AirlockRequest> {
  const request = await loadRequest(db, id);
  if (isChecker(p) || request.authorId === p.accountId) return request;
  throw forbidden('only the author of these outputs and the HDAB output checkers see this request');
}

/** Requests a principal may see: checkers all (by status), data users their own. */
export function requestsFor(
  db: Queryable,
  p: Principal,
  filter: { status?: AirlockStatus; permitId?: string },
) {
  return listRequests(db, isChecker(p) ? filter : { ...filter, authorId: p.accountId });
}

/** Moves a request by one action, checked against the airlock rules, with history and audit. */
async function act(
  db: Db,
  p: Principal,
  id: string,
  action: AirlockAction,
  reason: string | null,
  extra: (tx: Queryable, request: AirlockRequest) => Promise<void> = async () => undefined,
): Promise<AirlockRequest> {
  if (!isChecker(p) && action !== 'submit' && action !== 'withdraw')
    throw forbidden('only HDAB output checkers review, decide on and release outputs');
  await db.transaction(async (tx) => {
    const request = await loadRequest(tx, id, true);
    if (request.authorId !== p.accountId && !isChecker(p)) throw forbidden('this request is not yours');
    const files = (await requestFiles(tx, id)).map((f) => f.name);
    const reviews = await reviewsOf(tx, id, request.submission);
    const to = nextAirlockStatus({
      status: request.status,
      action,
      actor: p.accountId,
      author: request.authorId,
      reviews: reviews.map((r) => ({ reviewer: r.reviewerId, votes: r.votes })),
      files,
    });
    await extra(tx, request);
    await tx.query(
      `UPDATE airlock_request SET status = $2, updated_at = now(),
         submission = submission + CASE WHEN $3 THEN 1 ELSE 0 END WHERE id = $1`,
      [id, to, action === 'submit'],
    );
    await appendAirlockEvent(tx, {
      requestId: id,
      action,
      from: request.status,
      to,
      actor: `account:${p.username}`,
      reason,
    });
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: `airlock.${action}`,
      object: `airlock:${request.reference}`,
      outcome: 'success',
      details: { permit: request.permitId, from: request.status, to, ...(reason ? { reason } : {}) },
    });
  });
  return loadRequest(db, id);
}

/** The author submits the outputs for review, with a note to the checkers. */
export async function submitRequest(db: Db, p: Principal, id: string, note: string | null) {
  return act(db, p, id, 'submit', null, async (tx) => {
    await tx.query('UPDATE airlock_request SET note = $2 WHERE id = $1', [id, note]);
  });
}

/** The author withdraws the request. */
export function withdrawRequest(db: Db, p: Principal, id: string, reason: string | null) {
  return act(db, p, id, 'withdraw', reason);
}

/**
 * An output checker reviews every file of the current submission: approve, request changes or
 * reject, with a comment for each vote that is not approve, and for approving a file the automatic
 * check failed or could not check (SATRE 3.3.07: a policy for outputs a machine cannot check).
 */
export async function reviewRequest(
  db: Db,
  p: Principal,
  id: string,
  input: { votes: Record<string, FileVote>; comments: Record<string, string> },
) {
  return act(db, p, id, 'review', null, async (tx, request) => {
    const files = await requestFiles(tx, id);
    const issues: { path: string; message: string }[] = [];
    for (const f of files) {
      const vote = input.votes[f.name];
      const comment = input.comments[f.name]?.trim();
      if (!vote) issues.push({ path: `votes.${f.name}`, message: 'vote on every file' });
      else if (vote !== 'approve' && !comment)
        issues.push({ path: `comments.${f.name}`, message: 'say what must change, or why it is rejected' });
      else if (vote === 'approve' && f.autoCheck.outcome !== 'pass' && !comment)
        issues.push({
          path: `comments.${f.name}`,
          message: `the automatic check says "${f.autoCheck.summary}": justify approving it`,
        });
    }
    for (const name of Object.keys(input.votes))
      if (!files.some((f) => f.name === name))
        issues.push({ path: `votes.${name}`, message: 'no such file in this request' });
    if (issues.length) throw invalid(`the review has ${issues.length} problem(s)`, issues);
    await tx.query(
      `INSERT INTO airlock_review (request_id, submission, reviewer_id, reviewer, votes, comments)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
      [
        id,
        request.submission,
        p.accountId,
        p.username,
        JSON.stringify(input.votes),
        JSON.stringify(input.comments),
      ],
    );
  });
}

/** A checker decides after two reviews: approve, return for changes, or reject (with a reason). */
export function decideRequest(
  db: Db,
  p: Principal,
  id: string,
  action: 'approve' | 'return' | 'reject',
  reason: string | null,
) {
  if (action !== 'approve' && !reason?.trim())
    throw invalid('say why', [{ path: 'reason', message: `a ${action} needs a reason for the author` }]);
  return act(db, p, id, action, reason);
}

/** A checker releases an approved request: from now on its author can download the files. */
export function releaseRequest(db: Db, p: Principal, id: string) {
  return act(db, p, id, 'release', null);
}

/**
 * A file's bytes: checkers any time (they must see what they review); the author only once released
 * (Art. 73(2): nothing leaves before the HDAB's review). Audited as a data access.
 */
export async function downloadFile(db: Db, p: Principal, id: string, name: string) {
  const request = await requestFor(db, p, id);
  if (!isChecker(p) && request.status !== 'RELEASED')
    throw conflict(
      `output request ${request.reference} is ${request.status}; its files leave only once released`,
    );
  if (!isChecker(p)) {
    const permit = await loadPermit(db, request.permitId);
    if (!(await isNamedPerson(db, p, permit)))
      throw forbidden(`only persons named in permit ${permit.id} receive its outputs`);
  }
  const file = await fileContent(db, id, name);
  await recordAudit(db, {
    actor: `account:${p.username}`,
    action: isChecker(p) ? 'airlock.inspect' : 'airlock.download',
    object: `airlock:${request.reference}`,
    outcome: 'success',
    details: { file: name, permit: request.permitId },
  });
  return file;
}
