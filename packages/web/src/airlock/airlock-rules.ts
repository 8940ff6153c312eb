/**
 * Pure rules of the airlock pages (issue 4 §5; Art. 73(2)): which stage tab a request sits in, who
 * may do what on it now, which decisions the two reviews allow, and when a checker's comment is
 * required. They repeat the hub's rules (packages/core/src/airlock/airlock.ts and
 * packages/server/src/airlock/service.ts) so the page offers only what the hub accepts; the hub
 * still checks everything and its answer wins. `airlock-rules.test.ts` compares the two.
 */
import {
  ApiError,
  normalisePath,
  type AirlockAutoCheck,
  type AirlockDecision,
  type AirlockEvent,
  type AirlockFile,
  type AirlockRequest,
  type AirlockRequestView,
  type AirlockReview,
  type AirlockStatus,
  type FileVote,
} from '@openehds/client';
import type { Badge } from '../applications/clock-text';
import { fmt } from '../i18n/format';
import { airlockText as t } from './strings';

/** Reviews needed before a decision (four eyes; core's REVIEWS_NEEDED). */
export const REVIEWS_NEEDED = 2;

/** The checkers' queue, by the stage a request waits in. */
export const QUEUE_TABS = ['review', 'decision', 'release', 'author', 'done'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

const TAB_OF: Record<AirlockStatus, QueueTab> = {
  SUBMITTED: 'review',
  PARTIALLY_REVIEWED: 'review',
  REVIEWED: 'decision',
  APPROVED: 'release',
  PENDING: 'author',
  RETURNED: 'author',
  RELEASED: 'done',
  REJECTED: 'done',
  WITHDRAWN: 'done',
};

/** The tab a request's status belongs to. */
export function tabOf(status: AirlockStatus): QueueTab {
  return TAB_OF[status];
}

/** The tab named in the address (`?tab=decision`), the review stage when absent or unknown. */
export function queueTab(param: string | null): QueueTab {
  return QUEUE_TABS.find((x) => x === param) ?? 'review';
}

/** The requests of each tab, in the hub's order (newest first). */
export function byTab<R extends Pick<AirlockRequest, 'status'>>(items: readonly R[]): Record<QueueTab, R[]> {
  const out = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, [] as R[]])) as Record<QueueTab, R[]>;
  for (const r of items) out[tabOf(r.status)].push(r);
  return out;
}

/** The decisions two reviews allow (core's `allowedDecisions`): approve only when both approved every file. */
export function allowedDecisions(
  reviews: readonly Pick<AirlockReview, 'votes'>[],
  files: readonly string[],
): AirlockDecision[] {
  if (reviews.length < REVIEWS_NEEDED) return [];
  const votes = reviews.flatMap((r) => files.map((f) => r.votes[f]));
  if (votes.every((v) => v === 'approve')) return ['approve', 'return', 'reject'];
  if (votes.some((v) => v === 'reject')) return ['reject', 'return'];
  return ['return', 'reject'];
}

/**
 * Whether a checker's comment on a file is required (the hub's review rule): for any vote other than
 * approve, and for approving a file the automatic check failed or could not read (SATRE 3.3.07). With
 * no vote yet, it is already known to be required when the check did not pass.
 */
export function commentRequired(vote: FileVote | undefined, outcome: AirlockAutoCheck['outcome']): boolean {
  return outcome !== 'pass' || (vote !== undefined && vote !== 'approve');
}

/** A review being written: a vote and a comment per file name. */
export interface ReviewDraft {
  votes: Record<string, FileVote | undefined>;
  comments: Record<string, string>;
}

/** Problems with one file's part of the review. */
export interface FileProblems {
  vote?: string[];
  comment?: string[];
}

/** What the hub would refuse in a review, checked before sending: a vote on every file, comments where required. */
export function reviewProblems(
  files: readonly Pick<AirlockFile, 'name' | 'autoCheck'>[],
  draft: ReviewDraft,
): Record<string, FileProblems> {
  const out: Record<string, FileProblems> = {};
  for (const f of files) {
    const vote = draft.votes[f.name];
    const comment = draft.comments[f.name]?.trim();
    if (!vote) out[f.name] = { vote: [t.review.voteMissing] };
    else if (commentRequired(vote, f.autoCheck.outcome) && !comment)
      out[f.name] = { comment: [vote === 'approve' ? t.review.justifyMissing : t.review.commentMissing] };
  }
  return out;
}

/** The review to send: only files with a vote, comments trimmed and empty ones left out. */
export function reviewInput(draft: ReviewDraft): {
  votes: Record<string, FileVote>;
  comments: Record<string, string>;
} {
  const votes: Record<string, FileVote> = {};
  for (const [name, vote] of Object.entries(draft.votes)) if (vote) votes[name] = vote;
  const comments: Record<string, string> = {};
  for (const [name, text] of Object.entries(draft.comments)) if (text.trim()) comments[name] = text.trim();
  return { votes, comments };
}

/**
 * The hub's field errors for a review (`votes.<file>`, `comments.<file>`; file names hold dots, so
 * everything after the first segment is the name), by file; other issues stay in the error box.
 */
export function reviewFieldErrors(error: unknown, files: readonly string[]): Record<string, FileProblems> {
  const out: Record<string, FileProblems> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const path = normalisePath(issue.path);
    const dot = path.indexOf('.');
    const head = path.slice(0, dot);
    const name = path.slice(dot + 1);
    if (dot < 0 || (head !== 'votes' && head !== 'comments') || !files.includes(name)) continue;
    const field = head === 'votes' ? 'vote' : 'comment';
    const entry = (out[name] ??= {});
    entry[field] = [...(entry[field] ?? []), issue.message];
  }
  return out;
}

/** The hub's messages for one top-level field (e.g. a decision's `reason`). */
export function fieldMessages(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.filter((i) => normalisePath(i.path) === field).map((i) => i.message);
}

/** Whose page it is: the outputs' author, an output checker, or neither (the hub would not show it). */
export type Viewer = 'author' | 'checker' | 'other';

/** The viewer's relation to a request. A checker who is the author is treated as the author (four eyes). */
export function viewerOf(
  request: Pick<AirlockRequest, 'authorId'>,
  me: { accountId: string; role: string } | null,
): Viewer {
  if (!me) return 'other';
  if (request.authorId === me.accountId) return 'author';
  return me.role === 'hdab_staff' ? 'checker' : 'other';
}

/** Why a checker may not review now, or null when they may. */
export function reviewBlock(
  view: Pick<AirlockRequestView, 'status' | 'authorId' | 'reviews'>,
  me: { accountId: string },
): 'author' | 'already' | 'status' | null {
  if (view.authorId === me.accountId) return 'author';
  if (view.status !== 'SUBMITTED' && view.status !== 'PARTIALLY_REVIEWED') return 'status';
  if (view.reviews.some((r) => r.reviewerId === me.accountId)) return 'already';
  return null;
}

/** The author may submit a pending request or a returned one (again). */
export function maySubmit(status: AirlockStatus): boolean {
  return status === 'PENDING' || status === 'RETURNED';
}

/** The author may withdraw until the request is approved or over. */
export function mayWithdraw(status: AirlockStatus): boolean {
  return !['APPROVED', 'REJECTED', 'RELEASED', 'WITHDRAWN'].includes(status);
}

/** The reason the checkers gave when they last returned the request, if it is returned now. */
export function returnReason(view: Pick<AirlockRequestView, 'status' | 'history'>): string | null {
  if (view.status !== 'RETURNED') return null;
  const last = [...view.history].reverse().find((e: AirlockEvent) => e.action === 'return');
  return last?.reason ?? null;
}

/** The badge of a status: words always, colour as a second cue. */
export function statusBadge(status: AirlockStatus): Badge {
  const tone: Badge['tone'] =
    status === 'RELEASED' || status === 'APPROVED'
      ? 'ok'
      : status === 'REJECTED'
        ? 'bad'
        : status === 'RETURNED'
          ? 'warn'
          : status === 'WITHDRAWN'
            ? 'muted'
            : 'info';
  return { text: t.statuses[status] ?? status, tone };
}

/** The badge of an automatic check outcome. */
export function checkBadge(outcome: AirlockAutoCheck['outcome']): Badge {
  return {
    text: t.outcomes[outcome] ?? outcome,
    tone: outcome === 'pass' ? 'ok' : outcome === 'fail' ? 'bad' : 'warn',
  };
}

/** How long something has waited, in whole hours or days. */
export function ageText(iso: string, now: Date): string {
  const hours = Math.floor((now.getTime() - new Date(iso).getTime()) / 3_600_000);
  if (!(hours >= 1)) return t.age.now;
  if (hours < 48) return hours === 1 ? t.age.hour : fmt(t.age.hours, { n: hours });
  const days = Math.floor(hours / 24);
  return days === 1 ? t.age.day : fmt(t.age.days, { n: days });
}

/** A file size in bytes, KiB or MiB (one decimal). */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return fmt(t.files.bytes, { n: bytes });
  if (bytes < 1024 * 1024) return fmt(t.files.kib, { n: (bytes / 1024).toFixed(1) });
  return fmt(t.files.mib, { n: (bytes / 1024 / 1024).toFixed(1) });
}

/** The automatic checks of a request's files in one line (`2 passed, 1 failed, 0 to judge`). */
export function checkSummary(files: readonly Pick<AirlockFile, 'autoCheck'>[]): string {
  const n = (o: AirlockAutoCheck['outcome']) => files.filter((f) => f.autoCheck.outcome === o).length;
  return fmt(t.queue.checkSummary, { pass: n('pass'), fail: n('fail'), review: n('review') });
}

/** How a file is previewed inline for a checker: a CSV as a table, JSON pretty-printed, plain text as is. */
export function previewKind(file: Pick<AirlockFile, 'name' | 'mediaType'>): 'csv' | 'json' | 'text' | null {
  const type = file.mediaType.split(';')[0]!.trim().toLowerCase();
  const name = file.name.toLowerCase();
  if (type === 'text/csv' || name.endsWith('.csv')) return 'csv';
  if (type === 'application/json' || type.endsWith('+json') || name.endsWith('.json')) return 'json';
  if (type === 'text/plain' || name.endsWith('.txt')) return 'text';
  return null;
}

/** The who of a history entry: `account:eva` → `eva`, `node:…` → `node …`. */
export function actorText(actor: string): string {
  if (actor.startsWith('account:')) return actor.slice('account:'.length);
  if (actor.startsWith('node:')) return `node ${actor.slice('node:'.length)}`;
  return actor;
}
