export { installOptOut } from './install';
export type { OptOutOptions } from './install';
export { nationalIdPseudonym } from './pseudonym';
export { applyOptOutKey, applyOptOutSync, OPT_OUT_KEY_TASK, OPT_OUT_SYNC_TASK } from './sync';
export { registryState, optedOutAt } from './store';
export type { RegistryPeriod, RegistryState } from './store';
