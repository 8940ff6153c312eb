import { z } from 'zod';
import { PROHIBITED_USES, PURPOSES } from './purposes';

/**
 * The content of a data access application (Art. 67(2), (4), (5)) or a health data request
 * (Art. 69(2)). This schema checks the *shape* of every field a draft has; whether the file is
 * complete enough to submit is a separate rule (`completenessIssues`), so a draft autosaves with
 * whatever it has and submission lists everything still missing.
 */

const text = (max = 5000) => z.string().trim().max(max);
const isoDate = z.iso.date();

export const PERSON_ROLES = [
  'principal_investigator',
  'researcher',
  'data_scientist',
  'student',
  'other',
] as const;

/** Art. 67(2)(a): the natural persons who will have access, with the principal investigator. */
export const NamedPerson = z.object({
  name: text(200).min(1),
  email: z.email().max(320),
  role: z.enum(PERSON_ROLES),
  affiliation: text(300).optional(),
  /** ORCID iD, for matching against a Life Science Login identity. */
  orcid: z
    .string()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'an ORCID iD looks like 0000-0002-1825-0097')
    .optional(),
});
export type NamedPerson = z.infer<typeof NamedPerson>;

/** Art. 67(2)(d): a dataset from the catalogue, and where it lives. */
export const RequestedDataset = z.object({
  datasetId: text(300).min(1),
  title: text(500).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code'),
  nodeId: z.uuid().optional(),
  holder: text(300).optional(),
  /** Variables wanted from this dataset (OMOP tables/fields or the description's variables). */
  variables: z.array(text(200).min(1)).max(500).optional(),
});
export type RequestedDataset = z.infer<typeof RequestedDataset>;

/** GDPR Art. 6(1) letters (and Art. 9(2) for health data) as the applicant states them, Art. 67(4). */
export const LEGAL_BASES = ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(d)', '6(1)(e)', '6(1)(f)'] as const;

export const ETHICS_STATUSES = ['approved', 'pending', 'not_required'] as const;

/** Art. 69(2)(d): the statistical content wanted, as tables of measures by dimensions. */
export const StatisticalTable = z.object({
  measure: text(300).min(1),
  dimensions: z.array(text(200).min(1)).max(10),
  population: text(1000).optional(),
});

export const ApplicationContent = z
  .object({
    title: text(300),
    /** (a) the applicant's activities, as they bear on the application. */
    applicantActivities: text(),
    /** (a) persons who will access the data. */
    persons: z.array(NamedPerson).max(100),
    /** (b) purposes, Art. 53(1). */
    purposes: z.array(z.enum(PURPOSES)).max(6),
    /** (c) intended use and expected benefit. */
    useAndBenefit: text(),
    /** (d) datasets and their sources, scope, time range, format, geography. */
    datasets: z.array(RequestedDataset).max(100),
    variables: z.array(text(200).min(1)).max(1000),
    period: z.object({ from: isoDate, to: isoDate }).partial(),
    geography: z.array(z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code')).max(40),
    format: text(300),
    /** (e) anonymised or pseudonymised, and why anonymised data will not do. */
    dataForm: z.enum(['anonymised', 'pseudonymised']),
    dataFormJustification: text(),
    /** 67(4): GDPR legal basis when pseudonymised. */
    legalBasis: z.object({ article: z.enum(LEGAL_BASES), explanation: text() }).partial(),
    /** (f) datasets the applicant brings into the SPE. */
    ownDatasets: text(),
    /** (g) safeguards against misuse and re-identification. */
    safeguards: text(),
    /** (h) how long the SPE is needed, and why. */
    speMonths: z.number().int().min(1).max(120),
    speJustification: text(),
    /** 67(5): public bodies give the access period and frequency instead of (h). */
    publicBodyAccess: z.object({ period: text(300), frequency: text(300) }).partial(),
    /** (i) tools and compute, including AI Factory GPU hours. */
    tools: z
      .object({
        software: z.array(text(100).min(1)).max(50),
        cpuHours: z.number().min(0).max(10_000_000),
        gpuHours: z.number().min(0).max(10_000_000),
        aiFactory: text(200),
      })
      .partial(),
    /** (j) ethics, when national law requires it. */
    ethics: z
      .object({ status: z.enum(ETHICS_STATUSES), committee: text(300), reference: text(200) })
      .partial(),
    /** (k) an exception to the opt-out, Art. 71(4). */
    optOutException: z.object({ requested: z.boolean(), justification: text() }).partial(),
    /** Art. 54: one declaration per prohibited use. */
    declarations: z.array(z.enum(PROHIBITED_USES)).max(PROHIBITED_USES.length),
    /** For matching DUO conditions (NCU, DS): commercial use, and the diseases studied (ICD-10/SNOMED). */
    commercial: z.boolean(),
    diseaseCodes: z.array(text(50).min(1)).max(100),
    /** Art. 69(2)(d): the statistical content (health data requests only). */
    statisticalContent: z
      .object({ description: text(), tables: z.array(StatisticalTable).max(50) })
      .partial(),
  })
  .partial()
  .strict();

export type ApplicationContent = z.infer<typeof ApplicationContent>;

/** Application (Art. 67) or health data request (Art. 69). */
export const APPLICATION_KINDS = ['application', 'request'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
