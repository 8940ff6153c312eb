import { z } from 'zod';
import type { CaseStudyKpis } from './kpis';

/**
 * The case-study template (issue 6 §3): problem, datasets and permits used, method, validation,
 * results, regulatory pathway and lessons, with tags and countries for the library's filters. The
 * zod schemas are the edge's check of a submitted template (every bad field is listed).
 */

/** A catalogue dataset a case study used, with its title when the case study was written. */
export interface UsedDataset {
  datasetId: string;
  title: string | null;
}

/** The author's text: the template's sections. */
export interface CaseStudyContent {
  title: string;
  problem: string;
  datasets: UsedDataset[];
  permits: string[];
  method: string;
  validation: string;
  results: string;
  /** Free text; `pathwayReportId` names a saved pathway report of issue 6 §4 once there is one. */
  pathway: string;
  pathwayReportId: string | null;
  lessons: string;
  tags: string[];
  countries: string[];
  /** The AI use case (issue 6 §2) this reports on: its id, kept as text (no link to that table). */
  useCaseId: string | null;
}

/** An output the airlock released under the permit (names and kinds only, never the content). */
export interface ReleasedOutput {
  reference: string;
  origin: 'job' | 'analysis';
  releasedAt: string | null;
  files: { name: string; mediaType: string }[];
}

/** What a pre-fill found beside the text: the permit, its released outputs and its KPIs. */
export interface PrefillFacts {
  sourcePermitId: string | null;
  outputs: ReleasedOutput[];
  kpis: CaseStudyKpis | null;
}

/** An empty template, for a case study started by hand. */
export const EMPTY_CONTENT: CaseStudyContent = {
  title: '',
  problem: '',
  datasets: [],
  permits: [],
  method: '',
  validation: '',
  results: '',
  pathway: '',
  pathwayReportId: null,
  lessons: '',
  tags: [],
  countries: [],
  useCaseId: null,
};

const SECTION = z.string().trim().max(20_000);
const ID = z.string().trim().min(1).max(200);

/** Tags are lower-case words or hyphenated phrases, so `Sepsis` and `sepsis` are one filter. */
const TAG = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((t) => t.toLowerCase())
  .pipe(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} .+-]*$/u, 'letters, digits, spaces, dots, + and -'));

/** ISO 3166-1 alpha-2, as the catalogue and permits write countries. */
const COUNTRY = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code (ISO 3166-1), e.g. FI'));

/** The template as the author sends it; sections left out are empty. */
export const CaseStudyInput = z.strictObject({
  title: z.string().trim().min(3, 'give a title of at least 3 characters').max(200),
  problem: SECTION.default(''),
  datasets: z
    .array(z.strictObject({ datasetId: ID, title: z.string().trim().max(300).nullable().default(null) }))
    .max(50)
    .default([]),
  permits: z.array(ID).max(20).default([]),
  method: SECTION.default(''),
  validation: SECTION.default(''),
  results: SECTION.default(''),
  pathway: SECTION.default(''),
  pathwayReportId: ID.nullable().default(null),
  lessons: SECTION.default(''),
  tags: z.array(TAG).max(20).default([]),
  countries: z.array(COUNTRY).max(40).default([]),
  useCaseId: ID.nullable().default(null),
});

/** An edit: the whole template with the version the editor started from. */
export const CaseStudyUpdate = CaseStudyInput.extend({ version: z.number().int().min(1) });

/** Distinct values in their first order (tags and countries typed twice count once). */
export const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The template as stored: tags and countries once each, datasets and permits once each. */
export function normalise(input: z.infer<typeof CaseStudyInput>): CaseStudyContent {
  const seen = new Set<string>();
  return {
    ...input,
    datasets: input.datasets.filter((d) => !seen.has(d.datasetId) && seen.add(d.datasetId)),
    permits: distinct(input.permits),
    tags: distinct(input.tags),
    countries: distinct(input.countries),
  };
}
