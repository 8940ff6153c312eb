import { informationalMeta } from './response-meta';
import type { BeaconEntryType } from './query';

/**
 * The filtering terms a Beacon answers (`/filtering_terms`): the node lists the terms its data holds
 * (HPO, ICD-10, SNOMED CT codes, sex, age), and a query naming any other term is refused, naming it
 * (issue 5, bad input). Pure builders; the node supplies the list.
 */

export interface BeaconFilteringTerm {
  /** A CURIE (`HP:0001250`, `ICD10:E11`, `SNOMED:38341003`, `NCIT:C16576`) or an alphanumeric id (`age`). */
  id: string;
  type: 'ontologyTerm' | 'alphanumeric' | 'custom';
  label?: string;
  /** Entry types the term filters (default: individual). */
  scopes?: BeaconEntryType[];
}

/** Sex as Beacon's default model codes it (NCIT), held by every node (the person table's gender). */
export const SEX_FILTERING_TERMS: BeaconFilteringTerm[] = [
  { id: 'NCIT:C16576', type: 'ontologyTerm', label: 'female', scopes: ['individual'] },
  { id: 'NCIT:C20197', type: 'ontologyTerm', label: 'male', scopes: ['individual'] },
];

/** Age in whole years at the query date: `age>=18` (GET) or `{ id: 'age', operator: '>=', value: '18' }`. */
export const AGE_FILTERING_TERM: BeaconFilteringTerm = {
  id: 'age',
  type: 'alphanumeric',
  label: 'age in whole years',
  scopes: ['individual'],
};

interface Resource {
  id: string;
  name?: string;
  url?: string;
  version?: string;
  nameSpacePrefix: string;
  iriPrefix?: string;
}

// The ontologies our ingest codes terms in (EHDS.md §2 categories; issue 5 §2 filters).
const RESOURCES: Record<string, Omit<Resource, 'nameSpacePrefix'>> = {
  HP: {
    id: 'hp',
    name: 'Human Phenotype Ontology',
    url: 'http://purl.obolibrary.org/obo/hp.owl',
    iriPrefix: 'http://purl.obolibrary.org/obo/HP_',
  },
  ICD10: { id: 'icd10', name: 'ICD-10', url: 'https://icd.who.int/browse10' },
  SNOMED: {
    id: 'snomedct',
    name: 'SNOMED CT',
    url: 'http://snomed.info/sct',
    iriPrefix: 'http://snomed.info/id/',
  },
  NCIT: {
    id: 'ncit',
    name: 'NCI Thesaurus',
    url: 'http://purl.obolibrary.org/obo/ncit.owl',
    iriPrefix: 'http://purl.obolibrary.org/obo/NCIT_',
  },
};

/** The `response` of `/filtering_terms`: each term with its scopes, and the ontologies they come from. */
export function filteringTermsResults(terms: readonly BeaconFilteringTerm[]): {
  filteringTerms: { id: string; type: string; label?: string; scopes: string[] }[];
  resources: Resource[];
} {
  const seen = new Map<string, BeaconFilteringTerm>();
  for (const t of terms) if (!seen.has(t.id)) seen.set(t.id, t);
  const unique = [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
  const prefixes = new Set(
    unique.filter((t) => t.type === 'ontologyTerm' && t.id.includes(':')).map((t) => t.id.split(':')[0]!),
  );
  return {
    filteringTerms: unique.map((t) => ({
      id: t.id,
      type: t.type,
      ...(t.label ? { label: t.label } : {}),
      scopes: t.scopes?.length ? [...t.scopes] : ['individual'],
    })),
    resources: [...prefixes].sort().map((prefix) => ({
      ...(RESOURCES[prefix] ?? { id: prefix.toLowerCase() }),
      nameSpacePrefix: prefix,
    })),
  };
}

/** `/filtering_terms` (beaconFilteringTermsResponse). */
export function filteringTermsResponse(beaconId: string, terms: readonly BeaconFilteringTerm[]) {
  return { meta: informationalMeta(beaconId), response: filteringTermsResults(terms) };
}
