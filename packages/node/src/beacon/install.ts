import type { NodeStore } from '@openehds/analytics';
import type { BeaconFilteringTerm, SdcPolicy } from '@openehds/core';
import type { NodeRuntime } from '../federation/runtime';
import { loadPolicyOverride } from '../spe/node-policy';
import type { BeaconEngineContext } from './engine';
import { nodeFilteringTerms } from './filtering-terms';
import { BEACON_QUERY_TASK, runBeaconTask } from './task';

/** The task the hub asks a node's filtering terms with (its network `/filtering_terms`). */
export const BEACON_TERMS_TASK = 'beacon.filtering-terms';

/** What `installBeaconQuery` leaves behind: the HDAB policy the node last learnt from a signed task. */
export interface InstalledBeacon {
  /** The HDAB's policy (with the dataset's override) from the last `beacon.query`; null before one. */
  policy(): SdcPolicy | null;
}

/**
 * Registers the Beacon network query (`beacon.query`) and the filtering-terms listing on a node runtime, like `installCohortCount`:
 * the dataset's override is read once, here, so a malformed one stops the node at start. Install
 * after `installPermits`. The HDAB policy each task carries is remembered, so the node's own public
 * Beacon (`/api/beacon`) applies the same minimum count and rounding as the hub's network does.
 */
export function installBeaconQuery(
  runtime: NodeRuntime,
  store: NodeStore,
  options: {
    engine: BeaconEngineContext;
    dataDir?: string;
    now?: () => Date;
    /** The terms the store holds (default: queried each time; start-node passes its cache). */
    filteringTerms?: () => Promise<BeaconFilteringTerm[]>;
  },
): InstalledBeacon {
  const policyOverride = loadPolicyOverride(options.dataDir);
  let last: SdcPolicy | null = null;
  runtime.on(BEACON_QUERY_TASK, async (payload) => {
    const { result, policy } = await runBeaconTask(payload, {
      store,
      engine: options.engine,
      ...(policyOverride ? { policyOverride } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    if (policy) last = policy;
    return result;
  });
  const terms = options.filteringTerms ?? (() => nodeFilteringTerms(store));
  runtime.on(BEACON_TERMS_TASK, async () => ({ terms: await terms() }));
  return { policy: () => last };
}
