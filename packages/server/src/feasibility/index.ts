export { feasibilityRoutes } from './routes';
export { askFeasibility, checkAudienceAllowed, COHORT_COUNT_TASK, FEASIBILITY_TIMEOUT_MS } from './service';
export type { FeasibilityAnswer, FeasibilityAsker } from './service';
export { feasibilityTotal } from './answer';
export type { FeasibilityTotal, NodeFeasibility } from './answer';
export { feasibilityTargets } from './targets';
export type { FeasibilityTarget } from './targets';
