/**
 * The typed client of the hub's case-study routes (packages/server/src/case-studies/routes.ts; issue 6
 * §3): the public library, a case study's reading view, the author's drafts, pre-fill from a permit,
 * and the review moves. Shapes mirror the hub's without importing them (DESIGN.md §2); timestamps
 * arrive as ISO strings.
 */
import { createHttp, type HttpOptions } from './http';

/** A case study's status: a returned one is a DRAFT again, with the reviewer's reason. */
export const CASE_STUDY_STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED'] as const;
export type CaseStudyStatus = (typeof CASE_STUDY_STATUSES)[number];

/** Moves: submit and withdraw are the author's; publish, return and unpublish are another staff member's. */
export const CASE_STUDY_ACTIONS = ['submit', 'withdraw', 'return', 'publish', 'unpublish'] as const;
export type CaseStudyAction = (typeof CASE_STUDY_ACTIONS)[number];

/** The library's paging defaults (the hub's). */
export const CASE_STUDY_PAGE_SIZE = 20;

/** A catalogue dataset a case study used, with its title when written. */
export interface CaseStudyDataset {
  datasetId: string;
  title: string | null;
}

/** The template's sections, as the author sends them. */
export interface CaseStudyContent {
  title: string;
  problem: string;
  datasets: CaseStudyDataset[];
  permits: string[];
  method: string;
  validation: string;
  results: string;
  pathway: string;
  pathwayReportId: string | null;
  lessons: string;
  tags: string[];
  countries: string[];
  useCaseId: string | null;
}

/** An output the airlock released under the permit: names and kinds only. */
export interface CaseStudyOutput {
  reference: string;
  origin: 'job' | 'analysis';
  releasedAt: string | null;
  files: { name: string; mediaType: string }[];
}

/** KPIs from the permit: days are null when an end is missing. */
export interface CaseStudyKpis {
  daysApplicationToPermit: number | null;
  daysPermitToFirstOutput: number | null;
  analyses: number;
  jobs: number;
}

/** A case study as stored. */
export interface CaseStudy extends CaseStudyContent {
  id: string;
  reference: string;
  status: CaseStudyStatus;
  authorId: string;
  author: string;
  authorName: string;
  reviewer: string | null;
  sourcePermitId: string | null;
  outputs: CaseStudyOutput[];
  kpis: CaseStudyKpis | null;
  returnReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

/** One move in a case study's history. */
export interface CaseStudyEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  reason: string | null;
  at: string;
}

/** A case study as its reader sees it, with what they may do. */
export interface CaseStudyView extends CaseStudy {
  /** Only for the author and HDAB staff. */
  history: CaseStudyEvent[] | null;
  can: { edit: boolean; submit: boolean; withdraw: boolean; review: boolean; unpublish: boolean };
}

/** A case study in the library's results. */
export interface CaseStudySummary {
  id: string;
  reference: string;
  title: string;
  excerpt: string;
  tags: string[];
  countries: string[];
  datasets: CaseStudyDataset[];
  authorName: string;
  publishedAt: string | null;
}

/** How many matching case studies carry a value. */
export interface CaseStudyFacetCount {
  value: string;
  count: number;
}

/** A page of the library. */
export interface CaseStudyPage {
  items: CaseStudySummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: { tags: CaseStudyFacetCount[]; countries: CaseStudyFacetCount[]; datasets: CaseStudyFacetCount[] };
}

/** What the library is asked (all optional; `page` from 1). */
export interface CaseStudyQuery {
  q?: string;
  tag?: string;
  country?: string;
  dataset?: string;
  page?: number;
  pageSize?: number;
}

/** The query string of a library query (empty values left out), with its leading `?` or ''. */
export function caseStudyQueryString(query: CaseStudyQuery): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'tag', 'country', 'dataset'] as const) {
    const v = query[key]?.trim();
    if (v) params.set(key, v);
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize) params.set('pageSize', String(query.pageSize));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Case-study calls to the hub. */
export interface CaseStudiesClient {
  /** The public library: published case studies matching the query, with facets. */
  search(query?: CaseStudyQuery, signal?: AbortSignal): Promise<CaseStudyPage>;
  /** One case study (a draft only for its author and HDAB staff). */
  get(id: string, signal?: AbortSignal): Promise<CaseStudyView>;
  /** The signed-in user's own case studies, every status. */
  mine(signal?: AbortSignal): Promise<CaseStudy[]>;
  /** HDAB staff's queue: IN_REVIEW by default. */
  reviewQueue(status?: CaseStudyStatus, signal?: AbortSignal): Promise<CaseStudy[]>;
  /** Starts a draft (sections left out are empty). */
  create(content: Partial<CaseStudyContent> & { title: string }): Promise<CaseStudy>;
  /** Starts a draft pre-filled from a permit the caller is named in (or any, for staff). */
  prefill(permitId: string, useCaseId?: string | null): Promise<CaseStudy>;
  /** Replaces a draft's text; `version` is the one the editor loaded (409 when stale). */
  update(id: string, content: CaseStudyContent, version: number): Promise<CaseStudy>;
  /** Moves it through review; `return` and `unpublish` need a reason. */
  move(id: string, action: CaseStudyAction, reason?: string | null): Promise<CaseStudy>;
}

/** Creates the case-studies client (same options as `createHubClient`; no token → anonymous). */
export function createCaseStudiesClient(options: HttpOptions): CaseStudiesClient {
  const send = createHttp(options);
  const base = (id: string) => `/api/case-studies/${encodeURIComponent(id)}`;
  return {
    search: (query = {}, signal) =>
      send<CaseStudyPage>({ method: 'GET', path: `/api/case-studies${caseStudyQueryString(query)}`, signal }),
    get: (id, signal) => send<CaseStudyView>({ method: 'GET', path: base(id), signal }),
    mine: async (signal) =>
      (await send<{ items: CaseStudy[] }>({ method: 'GET', path: '/api/case-studies/mine', signal })).items,
    reviewQueue: async (status, signal) =>
      (
        await send<{ items: CaseStudy[] }>({
          method: 'GET',
          path: `/api/case-studies/review${status ? `?status=${status}` : ''}`,
          signal,
        })
      ).items,
    create: (content) => send<CaseStudy>({ method: 'POST', path: '/api/case-studies', json: content }),
    prefill: (permitId, useCaseId) =>
      send<CaseStudy>({
        method: 'POST',
        path: '/api/case-studies/prefill',
        json: { permitId, ...(useCaseId?.trim() ? { useCaseId: useCaseId.trim() } : {}) },
      }),
    update: (id, content, version) =>
      send<CaseStudy>({ method: 'PUT', path: base(id), json: { ...content, version } }),
    move: (id, action, reason) =>
      send<CaseStudy>({
        method: 'POST',
        path: `${base(id)}/transitions`,
        json: { action, ...(reason?.trim() ? { reason: reason.trim() } : {}) },
      }),
  };
}
