import {
  beaconResultResponse,
  type BeaconAccess,
  type BeaconQuery,
  type BeaconResultSet,
} from '@openehds/core';
import type { BeaconNodeStatus, BeaconResultResponseJson } from '@openehds/client';

/**
 * Hub answers for the genomics tests, built with the Beacon response builder the hub itself uses
 * (`beaconResultResponse` of @openehds/core), then given the network's node names (`info.node` on each
 * result set, `info.nodes` for every node asked) as the hub's Beacon network adds them. Test-only.
 */
export const NODES = [
  { nodeId: 'n-fi', nodeName: 'Helsinki Biobank node', country: 'FI', datasetIds: ['fi-biobank'] },
  { nodeId: 'n-es', nodeName: 'Catalan node', country: 'ES', datasetIds: ['es-registry'] },
  { nodeId: 'n-de', nodeName: 'Heidelberg node', country: 'DE', datasetIds: ['de-hospital'] },
];

const query = (include: BeaconQuery['includeResultsetResponses']): BeaconQuery => ({
  entryType: 'genomicVariant',
  variant: {
    form: 'sequence',
    referenceName: '17',
    start: [43057061],
    referenceBases: 'T',
    alternateBases: 'TG',
  },
  filters: [],
  requestedGranularity: 'record',
  includeResultsetResponses: include,
  skip: 0,
  limit: 20,
});

/** The network's answer: `sets` per dataset, nodes' statuses (default ok) and the caller's access. */
export function hubAnswer(
  sets: BeaconResultSet[],
  access: BeaconAccess,
  statuses: Partial<Record<string, Pick<BeaconNodeStatus, 'status' | 'message'>>> = {},
  include: BeaconQuery['includeResultsetResponses'] = 'HIT',
): BeaconResultResponseJson {
  const answered = sets.filter(
    (s) => statuses[NODES.find((n) => n.datasetIds.includes(s.id))!.nodeId] === undefined,
  );
  const built = beaconResultResponse({
    beaconId: 'eu.openehds.hub',
    query: query(include),
    access,
    resultSets: answered,
  }) as unknown as BeaconResultResponseJson;
  for (const set of built.response?.resultSets ?? []) {
    const node = NODES.find((n) => n.datasetIds.includes(set.id))!;
    set.info.node = { id: node.nodeId, name: node.nodeName, country: node.country };
  }
  built.info = {
    ...built.info,
    nodes: NODES.map((n) => {
      const st = statuses[n.nodeId];
      if (st) return { ...n, ...st };
      return {
        ...n,
        status: 'ok' as const,
        exists: answered.some((s) => n.datasetIds.includes(s.id) && s.exists),
      };
    }),
  };
  return built;
}

export const ANONYMOUS: BeaconAccess = {
  granularity: 'boolean',
  recordDatasets: [],
  minCount: 10,
  roundTo: 10,
};
export const REGISTERED: BeaconAccess = { ...ANONYMOUS, granularity: 'count' };
export const PERMIT: BeaconAccess = {
  ...REGISTERED,
  recordDatasets: [{ datasetId: 'fi-biobank', permitId: 'FI-2026-000001' }],
};

/** Counted answers as nodes release them (packages/node/src/beacon/engine/granularity.ts). */
export const COUNTED: BeaconResultSet[] = [
  {
    id: 'fi-biobank',
    setType: 'dataset',
    exists: true,
    resultsCount: 40,
    countAdjusted: true,
    frequency: { alleleCount: 40, alleleNumber: 1200, alleleFrequency: 0.033333 },
  },
  // Fewer persons than the minimum: yes, with no count.
  { id: 'es-registry', setType: 'dataset', exists: true, countAdjusted: true },
  { id: 'de-hospital', setType: 'dataset', exists: false, resultsCount: 0, countAdjusted: false },
];

/** The Finnish node's answer to its permit holder: exact, with records. */
export const RECORDED: BeaconResultSet = {
  id: 'fi-biobank',
  setType: 'dataset',
  exists: true,
  resultsCount: 1,
  countAdjusted: false,
  frequency: { alleleCount: 37, alleleNumber: 1196, alleleFrequency: 0.030936 },
  results: [
    {
      variantInternalId: '7',
      variation: {
        location: {
          type: 'SequenceLocation',
          sequence_id: 'GRCh38:17',
          interval: {
            type: 'SequenceInterval',
            start: { type: 'Number', value: 43057061 },
            end: { type: 'Number', value: 43057062 },
          },
        },
        referenceBases: 'T',
        alternateBases: 'TG',
        variantType: 'INDEL',
      },
      frequencyInPopulations: [
        { source: 'OpenEHDS node', frequencies: [{ population: 'fi-biobank', alleleFrequency: 0.030936 }] },
      ],
      caseLevelData: [{ individualId: 'P-1' }, { individualId: 'P-2' }],
    },
  ],
};
