/**
 * The coding system of a CURIE (`HP:0001250` → `HPO`), in the names used by `ehds_vocabulary`
 * (see `@openehds/analytics` schema). Phenopackets name ontologies by their CURIE prefix (metaData.resources).
 */

const BY_PREFIX: Record<string, string> = {
  HP: 'HPO',
  OMIM: 'OMIM',
  ORPHA: 'ORPHA',
  ORPHANET: 'ORPHA',
  MONDO: 'MONDO',
  LOINC: 'LOINC',
  NCIT: 'NCIT',
  SNOMED: 'SNOMED',
  SNOMEDCT: 'SNOMED',
  SCTID: 'SNOMED',
  ICD10: 'ICD10',
  ICD10CM: 'ICD10',
  ATC: 'ATC',
  RXNORM: 'RXNORM',
  UCUM: 'UCUM',
};

/** The vocabulary name for a CURIE's prefix; unknown prefixes pass through upper-cased. */
export function vocabularyOf(curie: string): string | null {
  const colon = curie.indexOf(':');
  if (colon <= 0) return null;
  const prefix = curie.slice(0, colon).toUpperCase();
  return BY_PREFIX[prefix] ?? prefix;
}
