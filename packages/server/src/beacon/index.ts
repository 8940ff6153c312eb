export { beaconRoutes, hubBeaconDescription, HUB_BEACON_ROOT } from './routes';
export type { HubBeaconDeps } from './routes';
export { spendBeaconBudget, budgetExhaustedMessage } from './budget';
export type { BeaconBudgetRule, BudgetOutcome } from './budget';
export { beaconAccess, resolveCaller } from './caller';
export { askBeaconNetwork, beaconTargets, BEACON_QUERY_TASK } from './network';
export { NetworkTerms, BEACON_TERMS_TASK } from './terms';
