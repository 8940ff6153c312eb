import { DEFAULT_SDC_POLICY, mergeSdcPolicy, type SdcPolicy } from '@openehds/core';
import type { HubConfig } from '../config';

/**
 * The HDAB's disclosure-control policy (EHDS.md §11): the platform defaults with the HDAB's changes
 * from its configuration. Datasets may tighten it further at their node.
 */
export function hdabSdcPolicy(config: Pick<HubConfig, 'sdcPolicy'>): SdcPolicy {
  return mergeSdcPolicy(DEFAULT_SDC_POLICY, config.sdcPolicy);
}
