export { COHORT_COUNT_TASK, CohortCountPayload, countRecipientView, runCohortCount } from './cohort-count';
export type { CohortCountOptions, CohortCountResult } from './cohort-count';
export { installCohortCount } from './install';
export { looserFields, loadPolicyOverride, nodePolicy, NODE_SDC_POLICY_FILE } from './node-policy';
export { restrictToExtract } from './permit-scope';
export { cellKeySecret, StoreQueryHistory } from './sdc-store';
