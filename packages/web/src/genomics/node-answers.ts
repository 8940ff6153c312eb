/**
 * The hub's Beacon network answer → one row per node (issue 5 §2-3, §5). Pure.
 *
 * The hub lists every node it asked in `info.nodes` (with its status and whether it found a match: a
 * yes/no per Beacon is public), and each node's counted answer as a result set (id = the node's dataset,
 * `info.node` naming the node). At count level a node whose persons are fewer than the HDAB's minimum
 * sends no count at all (the node's granularity rules, packages/node/src/beacon/engine/granularity.ts),
 * so it says yes with no result set: that reads "fewer than {minCount}", never a number.
 */
import type {
  BeaconFrequency,
  BeaconGranularityJson,
  BeaconNodeStatus,
  BeaconResultResponseJson,
  BeaconResultSetJson,
} from '@openehds/client';

/** A node's count as it may be shown. */
export type NodeCount =
  | { kind: 'hidden' }
  | { kind: 'exact'; n: number }
  | { kind: 'rounded'; n: number }
  | { kind: 'fewerThan'; n: number };

/** One node's answer, ready for the results table. */
export interface NodeAnswer {
  nodeId: string;
  nodeName: string;
  country: string;
  datasetIds: string[];
  status: BeaconNodeStatus['status'];
  message?: string;
  /** Null when the node did not answer. */
  exists: boolean | null;
  /** What this node's answer was released at. */
  granularity: BeaconGranularityJson;
  count: NodeCount;
  /** AC / AN / AF of the single queried variant, when the node may show it; `rounded` at count level. */
  frequency?: BeaconFrequency & { rounded: boolean };
  /** Records (only under a permit naming the caller). */
  records: Record<string, unknown>[];
}

/** Disclosure control of a counted answer (defaults as the nodes' policy defaults). */
export function disclosureOf(response: BeaconResultResponseJson): { minCount: number; roundTo: number } {
  return response.info?.disclosureControl ?? { minCount: 10, roundTo: 10 };
}

/** Every node asked, in the hub's order, with what may be shown of its answer. */
export function nodeAnswers(response: BeaconResultResponseJson): NodeAnswer[] {
  const sets = response.response?.resultSets ?? [];
  const returned = response.meta.returnedGranularity;
  const { minCount } = disclosureOf(response);
  const nodes = response.info?.nodes ?? nodesFromSets(sets);
  return nodes.map((node) => {
    const base = {
      nodeId: node.nodeId,
      nodeName: node.nodeName,
      country: node.country,
      datasetIds: node.datasetIds,
      status: node.status,
      ...(node.message ? { message: node.message } : {}),
      records: [] as Record<string, unknown>[],
    };
    if (node.status !== 'ok')
      return {
        ...base,
        exists: null,
        granularity: 'boolean',
        count: { kind: 'hidden' },
      } satisfies NodeAnswer;
    const own = sets.filter((s) => s.info.node?.id === node.nodeId || node.datasetIds.includes(s.id));
    const exists = node.exists ?? own.some((s) => s.exists);
    if (returned === 'boolean')
      return { ...base, exists, granularity: 'boolean', count: { kind: 'hidden' } } satisfies NodeAnswer;
    if (own.length === 0)
      // No set: nothing found, or found in fewer persons than the minimum (the node sent no count).
      return {
        ...base,
        exists,
        granularity: 'count',
        count: exists ? { kind: 'fewerThan', n: minCount } : { kind: 'exact', n: 0 },
      } satisfies NodeAnswer;
    const record = own.some((s) => s.info.returnedGranularity === 'record');
    const adjusted = own.some((s) => s.info.countAdjusted);
    const n = own.reduce((sum, s) => sum + s.resultsCount, 0);
    const frequency = own.length === 1 ? own[0]!.info.frequency : undefined;
    return {
      ...base,
      exists,
      granularity: record ? 'record' : 'count',
      count: adjusted ? { kind: 'rounded', n } : { kind: 'exact', n },
      ...(frequency ? { frequency: { ...frequency, rounded: !record } } : {}),
      records: own.flatMap((s) => s.results),
    } satisfies NodeAnswer;
  });
}

// A hub that lists no nodes: one row per result set, named by its `info.node`.
function nodesFromSets(sets: readonly BeaconResultSetJson[]): BeaconNodeStatus[] {
  return sets.map((s) => ({
    nodeId: s.info.node?.id ?? s.id,
    nodeName: s.info.node?.name ?? s.id,
    country: s.info.node?.country ?? '',
    datasetIds: [s.id],
    status: 'ok',
    exists: s.exists,
  }));
}
