import type { ApiIssue, CaseStudyContent } from '@openehds/client';

/**
 * The editor's form state and its conversion to and from the hub's template (issue 6 §3). Lists are
 * edited as text (datasets and permits one a line, tags and countries comma-separated) and split here.
 * Pure, so it is unit-tested without a browser.
 */

/** The template's sections as the form holds them. */
export interface CaseStudyForm {
  title: string;
  problem: string;
  datasets: string;
  permits: string;
  method: string;
  validation: string;
  results: string;
  pathway: string;
  lessons: string;
  tags: string;
  countries: string;
  useCaseId: string;
}

/** The long-text sections, in the template's order. */
export const TEXT_SECTIONS = ['problem', 'method', 'validation', 'results', 'pathway', 'lessons'] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];

export const EMPTY_FORM: CaseStudyForm = {
  title: '',
  problem: '',
  datasets: '',
  permits: '',
  method: '',
  validation: '',
  results: '',
  pathway: '',
  lessons: '',
  tags: '',
  countries: '',
  useCaseId: '',
};

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const commas = (s: string) =>
  s
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);

/** The form of a stored case study. */
export function toForm(c: CaseStudyContent): CaseStudyForm {
  return {
    title: c.title,
    problem: c.problem,
    datasets: c.datasets.map((d) => (d.title ? `${d.datasetId} | ${d.title}` : d.datasetId)).join('\n'),
    permits: c.permits.join('\n'),
    method: c.method,
    validation: c.validation,
    results: c.results,
    pathway: c.pathway,
    lessons: c.lessons,
    tags: c.tags.join(', '),
    countries: c.countries.join(', '),
    useCaseId: c.useCaseId ?? '',
  };
}

/** The template the hub takes from the form (`pathwayReportId` kept from the stored case study). */
export function toContent(f: CaseStudyForm, pathwayReportId: string | null = null): CaseStudyContent {
  return {
    title: f.title.trim(),
    problem: f.problem,
    datasets: lines(f.datasets).map((l) => {
      const [id = '', ...title] = l.split('|');
      const t = title.join('|').trim();
      return { datasetId: id.trim(), title: t || null };
    }),
    permits: lines(f.permits),
    method: f.method,
    validation: f.validation,
    results: f.results,
    pathway: f.pathway,
    pathwayReportId,
    lessons: f.lessons,
    tags: commas(f.tags),
    countries: commas(f.countries),
    useCaseId: f.useCaseId.trim() || null,
  };
}

/** The hub's messages for one form field (`countries[1]` and `datasets[0].datasetId` belong to theirs). */
export function fieldErrors(issues: readonly ApiIssue[], field: keyof CaseStudyForm): string[] {
  return issues
    .filter((i) => (i.path ?? '').split(/[.[]/)[0] === field)
    .map((i) => {
      const at = /^\w+\[(\d+)\]/.exec(i.path ?? '');
      return at ? `#${Number(at[1]) + 1}: ${i.message}` : i.message;
    });
}
