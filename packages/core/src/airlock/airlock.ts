import { conflict, forbidden } from '../errors/app-error';

/**
 * The airlock (Art. 73(2): only non-personal data leave the secure processing environment, and the
 * HDAB reviews every output). An output request moves through the states of OpenSAFELY's airlock
 * (EHDS.md §10): PENDING → SUBMITTED → PARTIALLY_REVIEWED → REVIEWED → APPROVED → RELEASED, with
 * RETURNED ↔ SUBMITTED, REJECTED and WITHDRAWN. Two independent output checkers review every file,
 * never the author (SATRE 3.3.05, "four eyes"). Pure rules; the hub stores and enforces them.
 */

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

/** One checker's completed review: a vote per file, with a comment where the vote is not approve. */
export interface Review {
  reviewer: string;
  votes: Record<string, FileVote>;
}

/** What happens to a request, and who does it. */
export const AIRLOCK_ACTIONS = {
  submit: 'author',
  withdraw: 'author',
  review: 'checker',
  approve: 'checker',
  return: 'checker',
  reject: 'checker',
  release: 'checker',
} as const;
export type AirlockAction = keyof typeof AIRLOCK_ACTIONS;

/** Reviews needed before a decision (four eyes). */
export const REVIEWS_NEEDED = 2;

const FINAL: readonly AirlockStatus[] = ['REJECTED', 'RELEASED', 'WITHDRAWN'];

/** Whether nothing more can happen to a request (rejected, released or withdrawn). */
export function isAirlockFinal(status: AirlockStatus): boolean {
  return FINAL.includes(status);
}

/** The status after the `count`-th completed review of the current submission. */
export function statusAfterReviews(count: number): AirlockStatus {
  return count >= REVIEWS_NEEDED ? 'REVIEWED' : count > 0 ? 'PARTIALLY_REVIEWED' : 'SUBMITTED';
}

/** What the two reviews allow the checkers to decide: approve only when both approved every file. */
export function allowedDecisions(reviews: readonly Review[], files: readonly string[]): AirlockAction[] {
  if (reviews.length < REVIEWS_NEEDED) return [];
  const votes = reviews.flatMap((r) => files.map((f) => r.votes[f]));
  if (votes.every((v) => v === 'approve')) return ['approve', 'return', 'reject'];
  if (votes.some((v) => v === 'reject')) return ['reject', 'return'];
  return ['return', 'reject'];
}

/**
 * Checks that `actor` may take `action` on a request in `status` and returns the next status.
 * `author` is the data user who made the outputs; `reviewers` those who reviewed the current
 * submission; `reviews` their votes; `files` the names under review.
 */
export function nextAirlockStatus(input: {
  status: AirlockStatus;
  action: AirlockAction;
  actor: string;
  author: string;
  reviews: readonly Review[];
  files: readonly string[];
}): AirlockStatus {
  const { status, action, actor, author, reviews, files } = input;
  const role = AIRLOCK_ACTIONS[action];
  if (role === 'author' && actor !== author)
    throw forbidden(`only ${author}, who made these outputs, can ${action} the request`);
  if (role === 'checker' && actor === author)
    throw forbidden('an output checker never reviews or decides on their own outputs (four eyes)');
  const refuse = (allowed: string) =>
    conflict(`a ${status} request cannot be ${pastTense(action)}; ${allowed}`);
  switch (action) {
    case 'submit':
      if (status !== 'PENDING' && status !== 'RETURNED') throw refuse('only a pending or returned one can');
      return 'SUBMITTED';
    case 'withdraw':
      if (isAirlockFinal(status) || status === 'APPROVED') throw refuse('it is already decided');
      return 'WITHDRAWN';
    case 'review':
      if (status !== 'SUBMITTED' && status !== 'PARTIALLY_REVIEWED')
        throw refuse('only a submitted request is reviewed');
      if (reviews.some((r) => r.reviewer === actor))
        throw conflict(`${actor} already reviewed this submission; the second review must be someone else's`);
      return statusAfterReviews(reviews.length + 1);
    case 'approve':
    case 'return':
    case 'reject': {
      if (status !== 'REVIEWED')
        throw refuse(`it needs ${REVIEWS_NEEDED} independent reviews first (${reviews.length} so far)`);
      const allowed = allowedDecisions(reviews, files);
      if (!allowed.includes(action))
        throw conflict(
          action === 'approve'
            ? 'both checkers must approve every file before the request is approved; return it for changes or reject it'
            : `the reviews allow: ${allowed.join(', ')}`,
        );
      return action === 'approve' ? 'APPROVED' : action === 'return' ? 'RETURNED' : 'REJECTED';
    }
    case 'release':
      if (status !== 'APPROVED') throw refuse('only an approved request is released');
      return 'RELEASED';
  }
}

function pastTense(action: AirlockAction): string {
  return (
    {
      submit: 'submitted',
      withdraw: 'withdrawn',
      review: 'reviewed',
      approve: 'approved',
      return: 'returned',
      reject: 'rejected',
      release: 'released',
    } as const
  )[action];
}
