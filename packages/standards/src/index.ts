// Public API of @openehds/standards, listed by name (DESIGN.md §4). One block per standards folder.

// HealthDCAT-AP R8 on DCAT-AP 3: dataset descriptions, catalogue RDF, serialisations, SHACL validation.
export { catalogueToRdf } from './healthdcat/catalogue-to-rdf';
export { defaultConformanceDir } from './healthdcat/conformance-dir';
export { DUO_PARAMETERS, dataUseSchema, dataUseTerm } from './healthdcat/data-use';
export type { DataUseParameter } from './healthdcat/data-use';
export { dataUseFromRdf, duoIri } from './healthdcat/data-use-rdf';
export { finnishCatalogue, finnishT2dCohort } from './healthdcat/fixtures';
export { prefixes as healthDcatPrefixes } from './healthdcat/graph-builder';
export { toJsonLd, toJsonLdObject } from './healthdcat/jsonld';
export { MEDIA_TYPES, negotiate } from './healthdcat/negotiate';
export type { CatalogueFormat } from './healthdcat/negotiate';
export { QUALITY_METRIC_NS, quantumScore, quantumStars } from './healthdcat/quality';
export { toRdfXml } from './healthdcat/rdfxml';
export {
  catalogueDescriptionSchema,
  datasetDescriptionSchema,
  parseCatalogueDescription,
  parseDatasetDescription,
} from './healthdcat/schema';
export { serialise } from './healthdcat/serialise';
export type { RdfFormat } from './healthdcat/serialise';
export { validateHealthDcat } from './healthdcat/shacl';
export type { ShaclFinding, ShaclOutcome } from './healthdcat/shacl';
export { loadShapes, shapeFilePaths } from './healthdcat/shapes';
export { datasetToRdf } from './healthdcat/to-rdf';
export { toTurtle } from './healthdcat/turtle';
export type {
  AccessRights,
  Agent,
  AgentContact,
  CatalogueDescription,
  ContactPoint,
  DataUseCondition,
  DatasetDescription,
  DerivedStatistics,
  Distribution,
  LangKeywords,
  LangString,
  LegalBasis,
  Period,
  QualityLabel,
  RdfOptions,
  Variable,
  VariableGroup,
  VariableTable,
} from './healthdcat/types';
export {
  ACCESS_RIGHTS,
  DEFAULT_HEALTHDCATAP_NS,
  EHDS_ELI,
  HEALTH_CATEGORIES,
  LANGUAGE_NAL,
  NS as HEALTHDCAT_NS,
  QUANTUM_WEIGHTS,
  SCHEMES as HEALTHDCAT_SCHEMES,
} from './healthdcat/vocab';
export type { HealthCategoryCode, QuantumDimension, SchemeName } from './healthdcat/vocab';

// FHIR R4 → OMOP CDM mappings (pure).
export { mapFhirResource, MAPPED_RESOURCE_TYPES } from './fhir/map-resource';
export { parseFhirDate, toOmopDateTime } from './fhir/dates';
export { vocabularyOf } from './fhir/systems';
export { personRefOf, pickCoding } from './fhir/elements';
export {
  FHIR_FULLURL_SYSTEM,
  FHIR_PATIENT_SYSTEM,
  TYPE_EHR,
  TYPE_EHR_PRESCRIPTION,
  TYPE_PATIENT_SELF_REPORT,
} from './fhir/types';
export type {
  FhirMapContext,
  FhirMapResult,
  FhirMappedRow,
  FhirPersonRef,
  FhirTargetTable,
} from './fhir/types';
