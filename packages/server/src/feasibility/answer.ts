import type { SdcRecord } from '@openehds/core';

/** One node's part of a feasibility answer. */
export interface NodeFeasibility {
  nodeId: string;
  nodeName: string;
  country: string;
  datasets: string[];
  /** The released count (rounded, noised, never 1..k−1), or null when suppressed or not answered. */
  value: number | null;
  suppressed: boolean;
  status: 'ok' | 'refused' | 'timeout' | 'error';
  message?: string;
  /** The node's disclosure-control record as the asker may see it; null when the node did not answer. */
  record: SdcRecord | null;
}

/** Sum of the released counts; `atLeast` when some node's count is missing from it (suppressed or failed). */
export interface FeasibilityTotal {
  value: number | null;
  atLeast: boolean;
}

/**
 * The total across nodes: the sum of the values the nodes released. Nothing hidden is added back (a
 * suppressed count is unknown here, by design), so when a node was suppressed or did not answer the
 * total is a lower bound (`atLeast`). Null when no node released a value.
 */
export function feasibilityTotal(nodes: readonly NodeFeasibility[]): FeasibilityTotal {
  const released = nodes.filter((n) => n.status === 'ok' && n.value !== null);
  const atLeast = nodes.some((n) => n.status !== 'ok' || n.suppressed);
  if (!released.length) return { value: null, atLeast };
  return { value: released.reduce((s, n) => s + n.value!, 0), atLeast };
}
