import type { NodeStore } from '@openehds/analytics';
import type { NodeRuntime } from '../federation/runtime';
import { COHORT_COUNT_TASK, runCohortCount } from './cohort-count';
import { loadPolicyOverride } from './node-policy';

/**
 * Registers the feasibility count (`cohort.count`) on a node runtime. The dataset's override is read
 * once, here, from `<dataDir>/sdc-policy.json`, so a malformed one stops the node at start instead of
 * failing every count. Install after `installPermits`, whose guard refuses tasks under inactive permits.
 */
export function installCohortCount(
  runtime: NodeRuntime,
  store: NodeStore,
  options: { dataDir?: string } = {},
): NodeRuntime {
  const policyOverride = loadPolicyOverride(options.dataDir);
  return runtime.on(COHORT_COUNT_TASK, (payload) =>
    runCohortCount(payload, { store, ...(policyOverride ? { policyOverride } : {}) }),
  );
}
