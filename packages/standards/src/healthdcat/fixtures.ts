/**
 * Realistic sample records for tests and demos: a Finnish biobank's type 2 diabetes cohort, described
 * at each access level, and a national catalogue holding them. Fictional organisations and addresses.
 */
import { quantumScore, quantumStars } from './quality';
import type { AccessRights, CatalogueDescription, DatasetDescription } from './types';
import { EHDS_ELI } from './vocab';

const BASE = 'https://catalogue.example.fi/dataset';

const dimensions = {
  accessibility: 90,
  populationCoverage: 70,
  representativity: 65,
  compliance: 95,
  provenance: 85,
  metadataScope: 80,
  accuracy: 88,
  coherence: 82,
  completeness: 76,
  consistency: 91,
  precision: 80,
  validity: 93,
};

/** The Finnish T2D biobank cohort described for `level`, with node-derived statistics and a label. */
export function finnishT2dCohort(level: AccessRights, id = 't2d-cohort'): DatasetDescription {
  const score = quantumScore(dimensions);
  const iri = `${BASE}/${id}-${level.toLowerCase()}`;
  return {
    iri,
    identifier: `FI-BB-${id.toUpperCase()}-${level}`,
    title: {
      en: 'Type 2 diabetes cohort of the Helsinki Biobank',
      fi: 'Helsingin Biopankin tyypin 2 diabeteskohortti',
    },
    description: {
      en: 'Adults diagnosed with type 2 diabetes who consented to biobank research, with linked hospital EHR data, laboratory results, medication purchases and genotypes.',
      fi: 'Biopankkitutkimukseen suostuneet aikuiset, joilla on tyypin 2 diabetes, sekä heidän sairaalakertomus-, laboratorio-, lääkeosto- ja genotyyppitietonsa.',
      sv: 'Vuxna med typ 2-diabetes som samtyckt till biobanksforskning, med länkade journal-, laboratorie-, läkemedels- och genotypdata.',
    },
    accessRights: level,
    applicableLegislation: [EHDS_ELI],
    healthCategories: ['EINS', 'EHRS', 'HGPD'],
    healthThemes: ['NONCOMMUNICABLE_DISEASES'],
    themes: ['HEAL'],
    keywords: {
      en: ['type 2 diabetes', 'biobank', 'cohort', 'HbA1c'],
      fi: ['tyypin 2 diabetes', 'biopankki'],
    },
    type: 'PERSONAL_DATA',
    provenance: {
      en: 'Extracted from the hospital district EHR and laboratory systems and the national reimbursement register, harmonised to OMOP CDM 5.4 by the biobank node, pseudonymised before storage.',
    },
    publisher: {
      iri: 'https://biobank.example.fi/#org',
      name: { en: 'Helsinki Biobank', fi: 'Helsingin Biopankki' },
      type: 'research-institute-org',
      note: { en: 'Metadata reviewed yearly by the biobank data office (Art. 60 EHDS).' },
      contactPoint: { email: 'data-office@biobank.example.fi', page: 'https://biobank.example.fi/contact' },
    },
    hdab: {
      iri: 'https://findata.example.fi/#hdab',
      name: { en: 'Findata (example)', fi: 'Findata (esimerkki)' },
      type: 'administrative-institution',
      contactPoint: {
        email: 'info@findata.example.fi',
        page: 'https://findata.example.fi/en/contact',
        telephone: '+358 29 000 0000',
      },
    },
    contactPoint: {
      name: { en: 'Biobank data office' },
      email: 'data-office@biobank.example.fi',
      url: 'https://biobank.example.fi/contact',
    },
    distributions: [
      {
        id: 'hdab-access',
        title: { en: 'Access through the HDAB secure processing environment' },
        description: { en: 'Pseudonymised record-level data in the SPE after a data permit (Art. 68, 73).' },
        accessUrl: 'https://findata.example.fi/en/apply',
        format: 'PARQUET',
        mediaType: 'application/vnd.apache.parquet',
        licence: 'CC_BY_4_0',
        rights: { en: 'Access only under a data permit issued by the HDAB.' },
        availability: 'STABLE',
        status: 'COMPLETED',
      },
    ],
    analytics: [
      {
        id: 'summary',
        title: { en: 'Aggregate summary statistics' },
        accessUrl: 'https://catalogue.example.fi/analytics/t2d-cohort',
        format: 'HTML',
        availability: 'AVAILABLE',
      },
    ],
    landingPage: 'https://biobank.example.fi/collections/t2d',
    documentation: ['https://biobank.example.fi/collections/t2d/data-dictionary'],
    conformsTo: ['OMOP-CDM'],
    languages: ['fi', 'sv', 'en'],
    spatial: ['FIN'],
    accrualPeriodicity: 'ANNUAL',
    issued: '2029-04-01',
    modified: '2029-09-15',
    version: '2029.2',
    purposes: [
      { en: 'Scientific research on type 2 diabetes, its complications and treatment (Art. 53(1)(e)).' },
    ],
    legalBases: [
      {
        description: { en: 'Broad biobank consent under the Finnish Biobank Act (688/2012).' },
        source: 'https://finlex.fi/fi/laki/ajantasa/2012/20120688',
      },
    ],
    personalData: ['Age', 'Gender', 'HealthRecord', 'Genetic'],
    retentionPeriod: { start: '2015-01-01', end: '2045-12-31' },
    hasStructuredData: true,
    variables: {
      title: { en: 'T2D cohort data dictionary' },
      tables: [
        {
          title: { en: 'Person-level variables' },
          keywords: { en: ['demographics', 'diagnosis'] },
          columns: [
            {
              name: 'person_id',
              title: { en: 'Pseudonymised person id' },
              description: { en: 'Stable pseudonym per person.' },
              datatype: 'integer',
            },
            {
              name: 'year_of_birth',
              title: { en: 'Year of birth' },
              description: { en: 'Year of birth.' },
              datatype: 'integer',
            },
            {
              name: 'hba1c',
              title: { en: 'HbA1c' },
              description: { en: 'Glycated haemoglobin in mmol/mol (LOINC 4548-4).' },
              datatype: 'decimal',
              propertyUrl: 'http://loinc.org/4548-4',
            },
          ],
        },
      ],
    },
    derived: {
      numberOfRecords: 1_284_311,
      numberOfUniqueIndividuals: 18_472,
      minTypicalAge: 35,
      maxTypicalAge: 84,
      temporalCoverage: { start: '2010-01-01', end: '2028-12-31' },
      codingSystems: ['ICD-10', 'LOINC', 'ATC'],
      codeValues: ['ICD-10:E11'],
      populationCoverage: {
        en: 'Adult biobank donors with type 2 diabetes in the Helsinki and Uusimaa hospital district.',
      },
    },
    qualityLabel: {
      score,
      stars: quantumStars(score),
      scheme: 'QUANTUM',
      schemeVersion: '1.0',
      certificateUrl: `${iri}/quality-label`,
      issued: '2029-09-15',
      issuer: 'https://findata.example.fi/#hdab',
      dimensions,
    },
  };
}

/** A national catalogue holding the cohort at all three levels. */
export function finnishCatalogue(
  levels: AccessRights[] = ['PUBLIC', 'RESTRICTED', 'NON_PUBLIC'],
): CatalogueDescription {
  return {
    iri: 'https://catalogue.example.fi/catalogue',
    title: {
      en: 'Finnish national health data catalogue (example)',
      fi: 'Kansallinen terveysdatakatalogi (esimerkki)',
    },
    description: {
      en: 'Datasets available for secondary use through the Finnish HDAB (Art. 57(1)(j)(i) EHDS).',
    },
    publisher: finnishT2dCohort('PUBLIC').hdab,
    homepage: 'https://catalogue.example.fi/',
    languages: ['fi', 'sv', 'en'],
    spatial: ['FIN'],
    modified: '2029-09-15',
    datasets: levels.map((level) => finnishT2dCohort(level)),
  };
}
