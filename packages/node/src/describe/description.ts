import { OMOP_TABLES, type OmopColumn } from '@openehds/analytics';
import {
  EHDS_ELI,
  parseDatasetDescription,
  type DatasetDescription,
  type HealthCategoryCode,
  type VariableGroup,
} from '@openehds/standards';
import type { NodeConfig } from '../config';
import type { QualityLabel } from '../quality/label';
import type { DatasetDraft } from './draft';
import type { DatasetStatistics } from './statistics';

/**
 * Assembles the HealthDCAT-AP dataset description from the holder's draft, the statistics derived at
 * the node and the quality label (Art. 77, 78). The hub completes what it owns (the dataset IRI, the
 * HDAB agent) when it publishes. Validation lists every field at fault, so the holder sees them all.
 */

// Our store's vocabulary names → HealthData@EU coding-system codes. Not yet checked against the
// published code list (unavailable offline); unknown vocabularies are left out rather than guessed.
const CODING_SYSTEMS: Record<string, string> = {
  ICD10: 'ICD-10',
  ICD10CM: 'ICD-10-CM',
  SNOMED: 'SNOMED-CT',
  LOINC: 'LOINC',
  ATC: 'ATC',
  HPO: 'HPO',
  OMIM: 'OMIM',
  ORPHA: 'ORPHA',
  RxNorm: 'RXNORM',
  CVX: 'CVX',
};

// ISO 3166-1 alpha-2 → alpha-3 (EU country NAL) for the Member States and EEA countries.
const ALPHA3: Record<string, string> = {
  AT: 'AUT',
  BE: 'BEL',
  BG: 'BGR',
  HR: 'HRV',
  CY: 'CYP',
  CZ: 'CZE',
  DK: 'DNK',
  EE: 'EST',
  FI: 'FIN',
  FR: 'FRA',
  DE: 'DEU',
  GR: 'GRC',
  HU: 'HUN',
  IE: 'IRL',
  IT: 'ITA',
  LV: 'LVA',
  LT: 'LTU',
  LU: 'LUX',
  MT: 'MLT',
  NL: 'NLD',
  PL: 'POL',
  PT: 'PRT',
  RO: 'ROU',
  SK: 'SVK',
  SI: 'SVN',
  ES: 'ESP',
  SE: 'SWE',
  IS: 'ISL',
  LI: 'LIE',
  NO: 'NOR',
};

/** HealthData@EU coding-system codes for the vocabularies found in the data. */
export function codingSystemCodes(vocabularies: string[]): string[] {
  return [
    ...new Set(vocabularies.map((v) => CODING_SYSTEMS[v]).filter((c): c is string => Boolean(c))),
  ].sort();
}

/** The data dictionary (csvw) of the OMOP tables that hold records. */
export function omopDictionary(tablesWithData: string[]): VariableGroup {
  const tables = tablesWithData.filter((t): t is keyof typeof OMOP_TABLES => t in OMOP_TABLES);
  return {
    title: { en: 'OMOP CDM 5.4 tables held at the node' },
    tables: tables.map((table) => ({
      title: { en: table },
      url: `https://ohdsi.github.io/CommonDataModel/cdm54.html#${table}`,
      columns: (OMOP_TABLES[table] as readonly OmopColumn[]).map(([name, type]) => ({
        name,
        title: { en: name },
        description: { en: `OMOP CDM 5.4 ${table}.${name}` },
        datatype:
          type === 'integer'
            ? 'integer'
            : type === 'float'
              ? 'decimal'
              : type === 'date'
                ? 'date'
                : type === 'datetime'
                  ? 'dateTime'
                  : 'string',
      })),
    })),
  };
}

/** Builds and validates the description; throws `invalid` listing every problem. */
export function buildDescription(input: {
  config: NodeConfig;
  draft: DatasetDraft;
  statistics: DatasetStatistics;
  label: QualityLabel | null;
  now: Date;
}): DatasetDescription {
  const { config, draft, statistics: s, label } = input;
  const id = config.datasetId;
  const landing = `${config.hubUrl.replace(/\/$/, '')}/catalogue/${id}`;
  const tablesWithData = Object.entries(s.numberOfRecords.byTable)
    .filter(([, c]) => (c.value ?? 0) > 0 || c.suppressed)
    .map(([t]) => t);
  const categories = [
    ...new Set([...draft.healthCategories, ...s.healthCategories.map((c) => c.code)]),
  ] as HealthCategoryCode[];
  const dimensionScores = Object.fromEntries(
    (label?.dimensions ?? []).map((d) => [d.id, Math.round(d.score * 1000) / 10]),
  );
  return parseDatasetDescription({
    iri: `urn:openehds:dataset:${id}`,
    identifier: id,
    title: draft.title,
    description: draft.description,
    accessRights: draft.accessRights,
    applicableLegislation: [EHDS_ELI],
    healthCategories: categories,
    themes: draft.theme,
    keywords: draft.keywords.length ? { en: draft.keywords } : undefined,
    type: 'PERSONAL_DATA',
    provenance: { en: draft.provenance },
    publisher: {
      name: { en: config.organisation },
      type: draft.publisherType,
      contactPoint: { email: draft.contactPoint.email },
    },
    // Placeholder: the hub replaces it with itself when it publishes (healthdcatap:hdab).
    hdab: {
      name: { en: 'Health Data Access Body' },
      type: 'public-authority',
      contactPoint: { page: config.hubUrl },
    },
    contactPoint: { name: { en: draft.contactPoint.name }, email: draft.contactPoint.email },
    distributions: [
      {
        id: 'hdab-access',
        title: { en: 'Access through the Health Data Access Body (data permit or health data request)' },
        accessUrl: landing,
      },
    ],
    landingPage: landing,
    conformsTo: ['OMOP-CDM'],
    spatial: ALPHA3[config.country] ? [ALPHA3[config.country]] : undefined,
    modified: input.now.toISOString().slice(0, 10),
    purposes: [{ en: draft.purpose }],
    legalBases: [{ description: { en: draft.legalBasis } }],
    personalData: ['Age', 'Gender', 'HealthRecord'],
    retentionPeriod: draft.retentionPeriod,
    hasStructuredData: true,
    variables: omopDictionary(tablesWithData.length ? tablesWithData : ['person']),
    ...(draft.dataUse?.length ? { dataUse: draft.dataUse } : {}),
    derived: {
      numberOfRecords: s.numberOfRecords.total.value ?? 0,
      numberOfUniqueIndividuals: s.numberOfUniqueIndividuals.value ?? 0,
      ...(s.typicalAge.min !== null ? { minTypicalAge: s.typicalAge.min } : {}),
      ...(s.typicalAge.max !== null ? { maxTypicalAge: s.typicalAge.max } : {}),
      ...(s.temporalCoverage.start
        ? {
            temporalCoverage: {
              start: s.temporalCoverage.start,
              ...(s.temporalCoverage.end ? { end: s.temporalCoverage.end } : {}),
            },
          }
        : {}),
      codingSystems: codingSystemCodes(s.codingSystems),
    },
    qualityLabel: label
      ? {
          score: label.score,
          stars: label.stars,
          scheme: label.scheme,
          schemeVersion: '1',
          certificateUrl: `${landing}#quality`,
          issued: label.computedAt.slice(0, 10),
          dimensions: dimensionScores,
        }
      : undefined,
  });
}
