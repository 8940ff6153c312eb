/**
 * The dataset description a data holder publishes through the HDAB (Art. 60(3), 77) and the hub's
 * national catalogue, as plain data. `schema.ts` validates these shapes; `to-rdf.ts` turns them into
 * HealthDCAT-AP R8 on DCAT-AP 3. Codes are the local parts of the NAL IRIs (see `vocab.ts`).
 */
import type { ACCESS_RIGHTS, HealthCategoryCode, QuantumDimension } from './vocab';

/** `dct:accessRights` level: decides which HealthData@EU shape set applies. */
export type AccessRights = (typeof ACCESS_RIGHTS)[number];

/** Text in several languages keyed by ISO 639-1 code; English is required (HealthData@EU's working language). */
export type LangString = { en: string } & Record<string, string>;

/** Keywords per language (ISO 639-1 code → keywords). */
export type LangKeywords = Record<string, string[]>;

/** A `cv:ContactPoint` of an agent (publisher, HDAB, custodian): at least an email or a contact page. */
export interface AgentContact {
  email?: string;
  page?: string;
  telephone?: string;
}

/** A `foaf:Agent` (data holder, HDAB, HDAB coordinator). */
export interface Agent {
  /** Persistent IRI; minted under the dataset IRI when absent. */
  iri?: string;
  name: LangString;
  /** HealthData@EU publisher-type code, e.g. `public-health-registry`, `research-institute-org`. */
  type: string;
  /** Publisher note (`dct:description`, at most one). */
  note?: LangString;
  contactPoint: AgentContact;
}

/** The dataset's `dcat:contactPoint` (`vcard:Kind`): at least an email or a URL. */
export interface ContactPoint {
  name?: LangString;
  email?: string;
  url?: string;
}

/** A `dcat:Distribution`; for non-public data this is the HDAB access route (EHDS.md §13). */
export interface Distribution {
  /** Local id, unique within the dataset, used to mint the distribution IRI. */
  id: string;
  title: LangString;
  description?: LangString;
  accessUrl: string;
  downloadUrl?: string;
  /** EU file-type code, e.g. `CSV`, `HTML`, `PARQUET`. */
  format?: string;
  /** IANA media type, e.g. `text/csv`. */
  mediaType?: string;
  /** EU licence code, e.g. `CC_BY_4_0`. */
  licence?: string;
  rights?: LangString;
  /** EU planned-availability code, e.g. `AVAILABLE`, `STABLE`. */
  availability?: string;
  /** EU distribution-status code, e.g. `COMPLETED`. */
  status?: string;
  byteSize?: number;
}

/** A period with ISO dates (`YYYY-MM-DD`). */
export interface Period {
  start: string;
  end?: string;
}

/** One `csvw:Column` of the data dictionary (`healthdcatap:hasVariables`). */
export interface Variable {
  name: string;
  title: LangString;
  description: LangString;
  /** CSVW datatype name, e.g. `string`, `integer`, `date`. */
  datatype: string;
  propertyUrl?: string;
}

/** One `csvw:Table` of the data dictionary. */
export interface VariableTable {
  title: LangString;
  url?: string;
  keywords?: LangKeywords;
  columns: Variable[];
}

/** The data dictionary (`csvw:TableGroup`); mandatory when the data are structured (R8). */
export interface VariableGroup {
  title: LangString;
  tables: VariableTable[];
}

/** Facts the node derives from the data itself, never typed by a person. */
export interface DerivedStatistics {
  numberOfRecords: number;
  numberOfUniqueIndividuals: number;
  minTypicalAge?: number;
  maxTypicalAge?: number;
  temporalCoverage?: Period;
  /** HealthData@EU coding-system codes found in the data, e.g. `ICD-10`, `SNOMED-CT`, `LOINC`. */
  codingSystems: string[];
  /** Code values that characterise the dataset, e.g. `ICD-10:E11`. */
  codeValues?: string[];
  populationCoverage?: LangString;
}

/** The quality and utility label (Art. 78), QUANTUM-style (EHDS.md §14). */
export interface QualityLabel {
  /** Overall score 0–100 %. */
  score: number;
  /** 0–5 stars from the score (cut-offs 25/45/60/80/90). */
  stars: number;
  scheme: string;
  schemeVersion: string;
  /** Where the label and its evidence can be read (`oa:hasBody`). */
  certificateUrl: string;
  issued: string;
  issuer?: string;
  dimensions?: Partial<Record<QuantumDimension, number>>;
}

/** A legal basis of the original collection (`dpv:hasLegalBasis`). */
export interface LegalBasis {
  description: LangString;
  /** The act it rests on, e.g. an ELI. */
  source?: string;
}

/**
 * One GA4GH Data Use Ontology (DUO) condition on the dataset (EHDS.md §16): a DUO term and the
 * parameters some terms need. Shown to applicants and the HDAB and matched against the stated use;
 * an aid only, the data permit rules (Art. 68). `schema.ts` stores `code` as the DUO CURIE.
 */
export interface DataUseCondition {
  /** DUO CURIE, e.g. `DUO:0000006` (HMB); input may also be a shorthand or the OBO IRI. */
  code: string;
  /** DS: the diseases the data may be used for (ICD-10, MONDO, …), e.g. `E11`. */
  diseaseCodes?: string[];
  /** GS: ISO 3166-1 alpha-2 countries where use is allowed; `EU` and `EEA` stand for all members. */
  countries?: string[];
  /** TS: use allowed until this ISO date; MOR: no publication before it. */
  until?: string;
  /** TS: use allowed for this many months. */
  months?: number;
}

/** Everything needed for one HealthDCAT-AP dataset record. */
export interface DatasetDescription {
  /** Persistent IRI of the dataset. */
  iri: string;
  identifier: string;
  title: LangString;
  description: LangString;
  accessRights: AccessRights;
  /** ELIs; must include the EHDS Regulation. */
  applicableLegislation: string[];
  healthCategories: HealthCategoryCode[];
  /** HealthData@EU health-theme codes, e.g. `NONCOMMUNICABLE_DISEASES`. */
  healthThemes?: string[];
  /** EU data-theme codes; must include `HEAL`. */
  themes: string[];
  keywords?: LangKeywords;
  /** EU dataset-type code (mandatory for NON_PUBLIC), e.g. `STATISTICAL`. */
  type?: string;
  /** How the data came to be (mandatory for NON_PUBLIC). */
  provenance?: LangString;
  /** The data holder. */
  publisher: Agent;
  /** The data holder as custodian when it differs from the publisher; defaults to the publisher. */
  custodian?: Agent;
  hdab: Agent;
  hdabCoordinator?: Agent;
  /** Mandatory for NON_PUBLIC. */
  contactPoint?: ContactPoint;
  distributions: Distribution[];
  samples?: Distribution[];
  analytics?: Distribution[];
  landingPage?: string;
  documentation?: string[];
  /** HealthData@EU standard codes the data conform to, e.g. `OMOP-CDM`, `FHIR`. */
  conformsTo?: string[];
  /** ISO 639-1 codes of the languages in the data. */
  languages?: string[];
  /** EU country codes (ISO 3166-1 alpha-3), e.g. `FIN`. */
  spatial?: string[];
  /** EU frequency code, e.g. `ANNUAL`. */
  accrualPeriodicity?: string;
  issued?: string;
  modified?: string;
  version?: string;
  purposes?: LangString[];
  legalBases?: LegalBasis[];
  /** DPV personal-data local names, e.g. `Age`, `Gender`, `HealthRecord`. */
  personalData?: string[];
  retentionPeriod?: Period;
  hasStructuredData: boolean;
  variables?: VariableGroup;
  /** DUO data-use conditions: one primary permission plus modifiers; absent when none are stated. */
  dataUse?: DataUseCondition[];
  derived: DerivedStatistics;
  qualityLabel?: QualityLabel;
}

/** The hub's national catalogue (`dcat:Catalog`) with its datasets. */
export interface CatalogueDescription {
  iri: string;
  title: LangString;
  description: LangString;
  /** The HDAB or NCP publishing the catalogue. */
  publisher: Agent;
  homepage?: string;
  languages?: string[];
  spatial?: string[];
  modified?: string;
  datasets: DatasetDescription[];
}

/** Options shared by the RDF builders. */
export interface RdfOptions {
  /** HealthDCAT-AP namespace; provisional, defaults to {@link DEFAULT_HEALTHDCATAP_NS}. */
  healthdcatapNs?: string;
}
