import { DEFAULT_SDC_POLICY, mergeSdcPolicy, type SdcPolicy } from '@openehds/core';

/**
 * The policy in force for a dataset: the HDAB's policy (platform defaults when it has none) with the
 * dataset's overrides on top. Throws `invalid` listing each bad field. Hash it with `policyHash`.
 */
export function effectivePolicy(hdab: unknown = DEFAULT_SDC_POLICY, dataset?: unknown): SdcPolicy {
  return mergeSdcPolicy(hdab, dataset);
}
