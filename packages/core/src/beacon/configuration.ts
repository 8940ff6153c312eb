import { ENTRY_TYPES, type EntryTypeInfo } from './entry-types';
import { BEACON_API_VERSION } from './limits';
import type { BeaconEntryType } from './query';
import { informationalMeta } from './response-meta';

/**
 * What this Beacon serves and where: `/map` (beaconMapResponse), `/configuration`
 * (beaconConfigurationResponse) and `/entry_types` (beaconEntryTypesResponse). Pure.
 */

const FRAMEWORK = 'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/framework/json';

// Entry types answered one by one at `{path}/{id}`.
const SINGLE_ENTRY: readonly BeaconEntryType[] = ['genomicVariant', 'individual', 'biosample'];

/** Every entry type served, in map order. */
export const SERVED_ENTRY_TYPES = Object.values(ENTRY_TYPES);

/** One entry type as `/entry_types` and `/configuration` describe it (entryTypeDefinition). */
export function entryTypeDefinition(t: EntryTypeInfo) {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    ontologyTermForThisType: t.ontologyTerm,
    partOfSpecification: `Beacon ${BEACON_API_VERSION}`,
    defaultSchema: {
      id: t.schema.id,
      name: t.schema.name,
      referenceToSchemaDefinition: t.schema.reference,
      schemaVersion: BEACON_API_VERSION,
    },
    additionallySupportedSchemas: [],
    // Listing every variant page by page is an enumeration; variant queries must select something.
    nonFilteredQueriesAllowed: t.id !== 'genomicVariant',
    ...(t.collectionOf
      ? { aCollectionOf: t.collectionOf.map((id) => ({ id, name: ENTRY_TYPES[id].name })) }
      : {}),
  };
}

const entryTypes = () => Object.fromEntries(SERVED_ENTRY_TYPES.map((t) => [t.id, entryTypeDefinition(t)]));

/** `/entry_types`. */
export function entryTypesResponse(beaconId: string) {
  return { meta: informationalMeta(beaconId), response: { entryTypes: entryTypes() } };
}

/** `/configuration`: entry types, maturity and the security levels (granularity by permission). */
export function configurationResponse(beaconId: string, environment: 'prod' | 'test' | 'dev' | 'staging') {
  return {
    meta: informationalMeta(beaconId),
    response: {
      $schema: `${FRAMEWORK}/configuration/beaconConfigurationSchema.json`,
      maturityAttributes: {
        productionStatus: environment === 'prod' ? 'PROD' : environment === 'dev' ? 'DEV' : 'TEST',
      },
      // Issue 5 §3: anonymous → boolean (PUBLIC), signed in → counts (REGISTERED), permit → records (CONTROLLED).
      securityAttributes: {
        defaultGranularity: 'boolean',
        securityLevels: ['PUBLIC', 'REGISTERED', 'CONTROLLED'],
      },
      entryTypes: entryTypes(),
    },
  };
}

/** `/map`: the endpoint of each entry type under `rootUrl` (absolute). */
export function mapResponse(beaconId: string, rootUrl: string) {
  const root = rootUrl.replace(/\/+$/, '');
  return {
    meta: informationalMeta(beaconId),
    response: {
      $schema: `${FRAMEWORK}/configuration/beaconMapSchema.json`,
      endpointSets: Object.fromEntries(
        SERVED_ENTRY_TYPES.map((t) => [
          t.id,
          {
            entryType: t.id,
            rootUrl: `${root}${t.path}`,
            ...(SINGLE_ENTRY.includes(t.id) ? { singleEntryUrl: `${root}${t.path}/{id}` } : {}),
          },
        ]),
      ),
    },
  };
}
