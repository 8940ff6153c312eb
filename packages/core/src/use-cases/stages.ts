import { conflict } from '../errors/app-error';

/**
 * The stages of an AI use case (issue 6 §2), from a proposal up to a pilot carried out under a data
 * permit (Art. 68) and its completion. HDAB staff move use cases; the table is the rule.
 */
export const USE_CASE_STAGES = [
  'proposed',
  'under_review',
  'prioritised',
  'pilot',
  'completed',
  'rejected',
] as const;
export type UseCaseStage = (typeof USE_CASE_STAGES)[number];

/**
 * Moves allowed from each stage. A stage may step back one (a review reopened, a priority dropped
 * before the pilot starts); a rejected use case may be reviewed again; completed is final.
 */
export const STAGE_MOVES: Readonly<Record<UseCaseStage, readonly UseCaseStage[]>> = {
  proposed: ['under_review', 'rejected'],
  under_review: ['prioritised', 'proposed', 'rejected'],
  prioritised: ['pilot', 'under_review', 'rejected'],
  pilot: ['completed', 'rejected'],
  completed: [],
  rejected: ['under_review'],
};

/** Checks a stage move; refuses one the table does not list, naming the allowed moves. Pure. */
export function nextStage(from: UseCaseStage, to: UseCaseStage): UseCaseStage {
  const allowed = STAGE_MOVES[from];
  if (allowed.includes(to)) return to;
  throw conflict(
    allowed.length
      ? `a use case at stage ${from} can move to ${allowed.join(' or ')}, not ${to}`
      : `a use case at stage ${from} is final and cannot move to ${to}`,
  );
}
