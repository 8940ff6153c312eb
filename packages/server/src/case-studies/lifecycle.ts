import { conflict, forbidden, invalid } from '@openehds/core';

/**
 * The review workflow of a case study (issue 6 §3: "published after review"), as a pure function.
 * The author writes and submits; a member of HDAB staff who is not the author publishes it or returns
 * it with a reason (four eyes, as the HDAB reviews outputs before release, Art. 73(2)); staff may take
 * a published case study back down, with a reason, when it must be corrected.
 */

export const CASE_STUDY_STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED'] as const;
export type CaseStudyStatus = (typeof CASE_STUDY_STATUSES)[number];

export const CASE_STUDY_ACTIONS = ['submit', 'withdraw', 'return', 'publish', 'unpublish'] as const;
export type CaseStudyAction = (typeof CASE_STUDY_ACTIONS)[number];

/** Who moves a case study: whether they wrote it and whether they are HDAB staff. */
export interface Mover {
  isAuthor: boolean;
  isStaff: boolean;
}

const MOVES: Record<CaseStudyAction, { from: CaseStudyStatus; to: CaseStudyStatus }> = {
  submit: { from: 'DRAFT', to: 'IN_REVIEW' },
  withdraw: { from: 'IN_REVIEW', to: 'DRAFT' },
  return: { from: 'IN_REVIEW', to: 'DRAFT' },
  publish: { from: 'IN_REVIEW', to: 'PUBLISHED' },
  unpublish: { from: 'PUBLISHED', to: 'DRAFT' },
};

/** Actions that need a reason the author reads. */
export const NEEDS_REASON: readonly CaseStudyAction[] = ['return', 'unpublish'];

/**
 * The status after `action`, or the AppError saying why it is not allowed: submit and withdraw are
 * the author's; return, publish and unpublish are staff's and never the author's own case study.
 */
export function nextCaseStudyStatus(
  status: CaseStudyStatus,
  action: CaseStudyAction,
  who: Mover,
  reason: string | null,
): CaseStudyStatus {
  const move = MOVES[action];
  if (action === 'submit' || action === 'withdraw') {
    if (!who.isAuthor) throw forbidden(`only the author may ${action} a case study`);
  } else {
    if (!who.isStaff) throw forbidden(`only HDAB staff may ${action} a case study`);
    if (who.isAuthor)
      throw forbidden(
        `you wrote this case study; another member of HDAB staff must ${action} it (four eyes)`,
      );
  }
  if (NEEDS_REASON.includes(action) && !reason?.trim())
    throw invalid(`say why you ${action} it`, [
      { path: 'reason', message: `a ${action} needs a reason the author can act on` },
    ]);
  if (status !== move.from)
    throw conflict(`this case study is ${status}; ${action} applies only to a ${move.from} one`);
  return move.to;
}

/** Whether the author may still change the text (only a draft: what was reviewed is what is published). */
export const isEditable = (status: CaseStudyStatus) => status === 'DRAFT';
