import type { NodeStore } from '@openehds/analytics';
import type { BeaconAccess, BeaconQuery } from '@openehds/core';
import { ingestPersons } from '../../extract/test-fixture';
import { ingest } from '../../ingest/pipeline/ingest';
import { FIXTURE_ID_SYSTEM } from '../../extract/test-fixture';
import type { BeaconEngineContext } from './index';

/** Tests only: the dataset and node context the engine tests use. */
export const TEST_DATASET = 'ds-genomes';
export const TEST_CONTEXT: BeaconEngineContext = {
  datasetId: TEST_DATASET,
  assembly: 'GRCh38',
  identifierSystem: FIXTURE_ID_SYSTEM,
  now: () => new Date('2030-06-01T00:00:00Z'),
};

/** Tests only: persons named like the VCF's samples, then the VCF itself, through the real ingest. */
export async function ingestSamplesAndVcf(store: NodeStore, samples: string[], vcf: string): Promise<void> {
  await ingestPersons(
    store,
    TEST_DATASET,
    samples.map((s) => ({ id: `patient-${s}`, nationalId: s })),
  );
  await ingest([vcf], { store, datasetId: TEST_DATASET, personIdentifierSystem: FIXTURE_ID_SYSTEM });
}

/** A query with Beacon's defaults. */
export function beaconQuery(partial: Partial<BeaconQuery> & Pick<BeaconQuery, 'entryType'>): BeaconQuery {
  return {
    filters: [],
    requestedGranularity: 'record',
    includeResultsetResponses: 'HIT',
    skip: 0,
    limit: 1000,
    ...partial,
  };
}

/** Access levels used across tests. */
export const ACCESS = {
  anonymous: { granularity: 'boolean', recordDatasets: [], minCount: 10, roundTo: 10 },
  registered: { granularity: 'count', recordDatasets: [], minCount: 3, roundTo: 5 },
  permit: (permitId: string): BeaconAccess => ({
    granularity: 'count',
    recordDatasets: [{ datasetId: TEST_DATASET, permitId }],
    minCount: 3,
    roundTo: 5,
  }),
} satisfies Record<string, BeaconAccess | ((p: string) => BeaconAccess)>;
