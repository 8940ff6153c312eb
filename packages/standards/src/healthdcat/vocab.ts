/**
 * Namespaces, Named Authority Lists (NALs) and code lists used by HealthDCAT-AP R8 on DCAT-AP 3
 * (EHDS.md §2, §13). Pure data: no I/O.
 */

/** Default HealthDCAT-AP namespace; provisional in R8 (the shapes say it will change), so configurable. */
export const DEFAULT_HEALTHDCATAP_NS = 'http://healthdataportal.eu/ns/health#';

/** Regulation (EU) 2025/327 (EHDS) as its ELI, the `dcatap:applicableLegislation` every record carries. */
export const EHDS_ELI = 'http://data.europa.eu/eli/reg/2025/327/oj';

/** Fixed namespaces (EHDS.md §13) besides the configurable `healthdcatap:`. */
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  dpv: 'https://w3id.org/dpv#',
  dpvpd: 'https://w3id.org/dpv/dpv-pd#',
  dqv: 'http://www.w3.org/ns/dqv#',
  csvw: 'http://www.w3.org/ns/csvw#',
  cv: 'http://data.europa.eu/m8g/',
  geodcatap: 'http://data.europa.eu/930/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  adms: 'http://www.w3.org/ns/adms#',
  eli: 'http://data.europa.eu/eli/ontology#',
  oa: 'http://www.w3.org/ns/oa#',
  prov: 'http://www.w3.org/ns/prov#',
  /** Our extension for DUO data-use conditions (no HealthDCAT-AP property exists yet; EHDS.md §16). */
  datause: 'https://openehds.eu/ns/data-use#',
} as const;

/** Access levels: one HealthData@EU shape set each, chosen by `dct:accessRights`. */
export const ACCESS_RIGHTS = ['PUBLIC', 'RESTRICTED', 'NON_PUBLIC'] as const;

/** Art. 51(1) categories with their HealthData@EU codes and the date they become mandatory (Art. 105). */
export const HEALTH_CATEGORIES = {
  EHRS: { article: '51(1)(a)', label: 'Electronic health record data', appliesFrom: '2029-03-26' },
  DIOH: { article: '51(1)(b)', label: 'Determinants of health', appliesFrom: '2031-03-26' },
  NRPE: {
    article: '51(1)(c)',
    label: 'Aggregated care needs, resources, access and spending',
    appliesFrom: '2029-03-26',
  },
  RPDG: { article: '51(1)(d)', label: 'Pathogens', appliesFrom: '2029-03-26' },
  HRAD: { article: '51(1)(e)', label: 'Healthcare administrative data', appliesFrom: '2029-03-26' },
  HGPD: { article: '51(1)(f)', label: 'Genetic, epigenomic and genomic data', appliesFrom: '2031-03-26' },
  HPML: { article: '51(1)(g)', label: 'Other molecular (omics) data', appliesFrom: '2031-03-26' },
  PGEH: {
    article: '51(1)(h)',
    label: 'Automatically generated personal health data from devices',
    appliesFrom: '2029-03-26',
  },
  WELA: { article: '51(1)(i)', label: 'Wellness application data', appliesFrom: '2029-03-26' },
  IDHP: { article: '51(1)(j)', label: 'Status of health professionals', appliesFrom: '2029-03-26' },
  PHDR: { article: '51(1)(k)', label: 'Population-based health data registries', appliesFrom: '2029-03-26' },
  MRMR: { article: '51(1)(l)', label: 'Medical and mortality registries', appliesFrom: '2029-03-26' },
  EHCT: { article: '51(1)(m)', label: 'Clinical trials and studies', appliesFrom: '2031-03-26' },
  EMRD: { article: '51(1)(n)', label: 'Other health data from medical devices', appliesFrom: '2029-03-26' },
  RMMD: {
    article: '51(1)(o)',
    label: 'Registries for medicinal products and devices',
    appliesFrom: '2029-03-26',
  },
  RQSH: {
    article: '51(1)(p)',
    label: 'Research cohorts, questionnaires and surveys',
    appliesFrom: '2031-03-26',
  },
  EINS: { article: '51(1)(q)', label: 'Biobanks and associated databases', appliesFrom: '2029-03-26' },
} as const;

/** A health category code from EHDS.md §2. */
export type HealthCategoryCode = keyof typeof HEALTH_CATEGORIES;

/** Every code list we emit values from: the scheme IRI, its title, and how a code becomes an IRI. */
export const SCHEMES = {
  accessRight: {
    iri: 'http://publications.europa.eu/resource/authority/access-right',
    title: 'Access right',
  },
  dataTheme: { iri: 'http://publications.europa.eu/resource/authority/data-theme', title: 'Data theme' },
  datasetType: {
    iri: 'http://publications.europa.eu/resource/authority/dataset-type',
    title: 'Dataset type',
  },
  language: { iri: 'http://publications.europa.eu/resource/authority/language', title: 'Language' },
  country: { iri: 'http://publications.europa.eu/resource/authority/country', title: 'Country' },
  frequency: { iri: 'http://publications.europa.eu/resource/authority/frequency', title: 'Frequency' },
  fileType: { iri: 'http://publications.europa.eu/resource/authority/file-type', title: 'File type' },
  distributionStatus: {
    iri: 'http://publications.europa.eu/resource/authority/distribution-status',
    title: 'Distribution status',
  },
  availability: {
    iri: 'http://publications.europa.eu/resource/authority/planned-availability',
    title: 'Planned availability',
  },
  licence: { iri: 'http://publications.europa.eu/resource/authority/licence', title: 'Licence' },
  healthCategory: {
    iri: 'https://hdeu-dcat.data.health.europa.eu/resource/authority/healthcategories',
    title: 'EHDS health data categories (Art. 51)',
  },
  healthTheme: {
    iri: 'https://hdeu-dcat.data.health.europa.eu/resource/authority/health-theme',
    title: 'Health theme',
  },
  codingSystem: {
    iri: 'https://hdeu-dcat.data.health.europa.eu/resource/authority/coding-system',
    title: 'Coding system',
  },
  standard: { iri: 'https://hdeu-dcat.data.health.europa.eu/resource/authority/standard', title: 'Standard' },
  publisherType: {
    iri: 'https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type',
    title: 'Publisher type',
  },
} as const;

/** Name of a code list in {@link SCHEMES}. */
export type SchemeName = keyof typeof SCHEMES;

/** The IRI of `code` in the named code list (all listed schemes use `<scheme>/<code>`). */
export function conceptIri(scheme: SchemeName, code: string): string {
  return `${SCHEMES[scheme].iri}/${code}`;
}

/** ISO 639-1 → EU language NAL (ISO 639-2/B-style) for the 24 official EU languages plus Norwegian and Icelandic. */
export const LANGUAGE_NAL: Readonly<Record<string, string>> = {
  bg: 'BUL',
  cs: 'CES',
  da: 'DAN',
  de: 'DEU',
  el: 'ELL',
  en: 'ENG',
  es: 'SPA',
  et: 'EST',
  fi: 'FIN',
  fr: 'FRA',
  ga: 'GLE',
  hr: 'HRV',
  hu: 'HUN',
  it: 'ITA',
  lt: 'LIT',
  lv: 'LAV',
  mt: 'MLT',
  nl: 'NLD',
  pl: 'POL',
  pt: 'POR',
  ro: 'RON',
  sk: 'SLK',
  sl: 'SLV',
  sv: 'SWE',
  no: 'NOR',
  is: 'ISL',
};

/** QUANTUM dimensions and weights in % (EHDS.md §14; weights from the QUANTUM proposal, our own code). */
export const QUANTUM_WEIGHTS = {
  accessibility: 9.95,
  populationCoverage: 6.47,
  representativity: 7.96,
  compliance: 7.46,
  provenance: 7.96,
  metadataScope: 8.46,
  accuracy: 9.95,
  coherence: 8.96,
  completeness: 8.96,
  consistency: 9.95,
  precision: 5.97,
  validity: 7.96,
} as const;

/** A QUANTUM quality dimension. */
export type QuantumDimension = keyof typeof QUANTUM_WEIGHTS;
