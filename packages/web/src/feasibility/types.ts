/**
 * The feasibility answer's shapes, from the client package under the names this folder uses.
 */
export type {
  FeasibilityAnswer as FeasibilityResult,
  FeasibilityAudience,
  NodeFeasibility as FeasibilityNodeResult,
} from '@openehds/client';
