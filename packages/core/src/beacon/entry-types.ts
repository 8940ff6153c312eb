import type { BeaconEntryType } from './query';

/**
 * What each Beacon entry type is, as the v2 default model names it: its endpoint under the Beacon
 * root, the ontology term for the type, and the default schema its records follow. Shared by the map,
 * the configuration, `/entry_types`, the returned schemas of a response and the filter scopes. Pure.
 */
export interface EntryTypeInfo {
  id: BeaconEntryType;
  name: string;
  description: string;
  /** Path under the Beacon root (`/g_variants`). */
  path: string;
  ontologyTerm: { id: string; label: string };
  /** Default-model schema: its id, and where it sits in the beacon-v2 repository. */
  schema: { id: string; name: string; reference: string };
  /** The default model's folder name (`genomicVariations`), also its filtering-term scope spelling. */
  modelName: string;
  /** Whether the entry type is a collection of other entries (datasets, cohorts). */
  collectionOf?: BeaconEntryType[];
}

const schema = (folder: string, id: string, name: string) => ({
  id,
  name,
  reference: `https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/models/json/beacon-v2-default-model/${folder}/defaultSchema.json`,
});

/** The entry types this Beacon serves, in map order. */
export const ENTRY_TYPES: Record<BeaconEntryType, EntryTypeInfo> = {
  genomicVariant: {
    id: 'genomicVariant',
    name: 'Genomic variant',
    description:
      'A variant observed in the sequenced genomes of the dataset (0-based, half-open coordinates).',
    path: '/g_variants',
    ontologyTerm: { id: 'ENSGLOSSARY:0000092', label: 'Variant' },
    schema: schema(
      'genomicVariations',
      'ga4gh-beacon-variant-v2.0.0',
      'Default schema for a genomic variation',
    ),
    modelName: 'genomicVariations',
  },
  individual: {
    id: 'individual',
    name: 'Individual',
    description: 'A person whose data the dataset holds (pseudonymous id; records only under a data permit).',
    path: '/individuals',
    ontologyTerm: { id: 'NCIT:C25190', label: 'Person' },
    schema: schema('individuals', 'ga4gh-beacon-individual-v2.0.0', 'Default schema for an individual'),
    modelName: 'individuals',
  },
  biosample: {
    id: 'biosample',
    name: 'Biosample',
    description: 'A sample taken from an individual (the sequenced sample of a genome).',
    path: '/biosamples',
    ontologyTerm: { id: 'NCIT:C70699', label: 'Biospecimen' },
    schema: schema('biosamples', 'ga4gh-beacon-biosample-v2.0.0', 'Default schema for a biological sample'),
    modelName: 'biosamples',
  },
  cohort: {
    id: 'cohort',
    name: 'Cohort',
    description: 'A group of individuals of a dataset, as the data holder describes it.',
    path: '/cohorts',
    ontologyTerm: { id: 'NCIT:C61512', label: 'Cohort' },
    schema: schema('cohorts', 'ga4gh-beacon-cohort-v2.0.0', 'Default schema for a cohort'),
    modelName: 'cohorts',
    collectionOf: ['individual'],
  },
  dataset: {
    id: 'dataset',
    name: 'Dataset',
    description: 'A dataset published in the HDAB catalogue (HealthDCAT-AP), held at this node.',
    path: '/datasets',
    ontologyTerm: { id: 'NCIT:C47824', label: 'Data set' },
    schema: schema('datasets', 'ga4gh-beacon-dataset-v2.0.0', 'Default schema for datasets'),
    modelName: 'datasets',
    collectionOf: ['genomicVariant', 'individual', 'biosample'],
  },
};

/**
 * The entry type a filter `scope` names. Beacon clients write the entry type id (`individual`), the
 * model's folder (`individuals`) or the endpoint (`g_variants`); all are accepted.
 */
export function entryTypeOfScope(scope: string): BeaconEntryType | null {
  const s = scope.trim();
  for (const info of Object.values(ENTRY_TYPES)) {
    if (s === info.id || s === info.modelName || s === info.path.slice(1) || s === `${info.id}s`)
      return info.id;
  }
  return s === 'genomicVariation' ? 'genomicVariant' : null;
}

/** `returnedSchemas` of a response about `entryType` records. */
export function returnedSchemas(entryType: BeaconEntryType): { entityType: string; schema: string }[] {
  return [{ entityType: entryType, schema: ENTRY_TYPES[entryType].schema.id }];
}
