/**
 * FHIR code system URIs → OMOP vocabulary_id (the value kept in `ehds_vocabulary`). URIs per the
 * FHIR R4 terminology registry (https://hl7.org/fhir/R4/terminologies-systems.html); vocabulary ids
 * per the OHDSI vocabulary table.
 */
const SYSTEM_TO_VOCABULARY: Record<string, string> = {
  'http://snomed.info/sct': 'SNOMED',
  'http://hl7.org/fhir/sid/icd-10': 'ICD10',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD10CM',
  'http://loinc.org': 'LOINC',
  'http://www.whocc.no/atc': 'ATC',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
  'http://hl7.org/fhir/sid/cvx': 'CVX',
  'http://purl.obolibrary.org/obo/hp.owl': 'HPO',
  'http://human-phenotype-ontology.org': 'HPO',
  'http://www.ama-assn.org/go/cpt': 'CPT4',
  'http://unitsofmeasure.org': 'UCUM',
};

/** OMOP vocabulary id for a FHIR code system URI, or the URI itself when it is not a known one. */
export function vocabularyOf(system: string | undefined): string | undefined {
  if (!system) return undefined;
  return SYSTEM_TO_VOCABULARY[system] ?? system;
}
