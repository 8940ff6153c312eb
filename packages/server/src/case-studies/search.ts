import type { Queryable } from '@openehds/db';
import { CASE_STUDY_SELECT, toCaseStudy, type CaseStudyRecord } from './store';

/**
 * The public library of published case studies (issue 6 §3: "a searchable library"): full-text search
 * over title, problem, method, results and lessons (PostgreSQL's english text search, which PGlite
 * runs too; websearch syntax: `sepsis -cancer`, `"federated learning"`, `or`), filters by tag, country
 * and dataset, ranked by relevance then newest, paged. Only PUBLISHED case studies are ever listed.
 */

/** What the library is asked. */
export interface LibraryQuery {
  q?: string;
  tag?: string;
  country?: string;
  dataset?: string;
  page: number;
  pageSize: number;
}

/** One case study in the library's results. */
export interface CaseStudySummary {
  id: string;
  reference: string;
  title: string;
  /** The start of the problem statement. */
  excerpt: string;
  tags: string[];
  countries: string[];
  datasets: { datasetId: string; title: string | null }[];
  authorName: string;
  publishedAt: string | null;
}

/** How many of the matching case studies carry each value, for the filters. */
export interface FacetCount {
  value: string;
  count: number;
}

/** A page of the library. */
export interface LibraryPage {
  items: CaseStudySummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: { tags: FacetCount[]; countries: FacetCount[]; datasets: FacetCount[] };
}

export const DEFAULT_LIBRARY_PAGE_SIZE = 20;
export const MAX_LIBRARY_PAGE_SIZE = 50;
const EXCERPT_CHARS = 280;

/** The start of a text, cut at a word, with an ellipsis when cut. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`;
}

// A query of only stop words ("the") parses to an empty tsquery; it filters nothing rather than all.
const MATCHES = `($1::text IS NULL OR numnode(websearch_to_tsquery('english', $1)) = 0
    OR c.search @@ websearch_to_tsquery('english', $1))
  AND ($2::text IS NULL OR $2 = ANY(c.tags))
  AND ($3::text IS NULL OR $3 = ANY(c.countries))
  AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(c.datasets) d WHERE d->>'datasetId' = $4))`;

/** A page of published case studies matching the query, with the facets of all that match. */
export async function searchLibrary(db: Queryable, query: LibraryQuery): Promise<LibraryPage> {
  const q = query.q?.trim() || null;
  const params = [
    q,
    query.tag?.trim().toLowerCase() || null,
    query.country?.trim().toUpperCase() || null,
    query.dataset?.trim() || null,
  ];
  const where = `WHERE c.status = 'PUBLISHED' AND ${MATCHES}`;
  const [rows, [count], tags, countries, datasets] = await Promise.all([
    db.query<Record<string, unknown>>(
      `${CASE_STUDY_SELECT} ${where}
       ORDER BY CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank(c.search, websearch_to_tsquery('english', $1)) END DESC,
         c.published_at DESC, c.reference DESC
       LIMIT $5 OFFSET $6`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    ),
    db.query<{ n: string }>(`SELECT count(*) AS n FROM case_study c ${where}`, params),
    facet(db, 'unnest(c.tags)', where, params),
    facet(db, 'unnest(c.countries)', where, params),
    facet(
      db,
      `jsonb_array_elements_text(jsonb_path_query_array(c.datasets, '$[*].datasetId'))`,
      where,
      params,
    ),
  ]);
  return {
    items: rows.map((r) => summaryOf(toCaseStudy(r))),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
    facets: { tags, countries, datasets },
  };
}

async function facet(db: Queryable, values: string, where: string, params: unknown[]): Promise<FacetCount[]> {
  const rows = await db.query<{ value: string; n: string }>(
    `SELECT v AS value, count(*) AS n FROM case_study c, LATERAL ${values} AS f(v) ${where}
     GROUP BY v ORDER BY count(*) DESC, v LIMIT 100`,
    params,
  );
  return rows.map((r) => ({ value: r.value, count: Number(r.n) }));
}

/** The library's view of a case study. */
export function summaryOf(c: CaseStudyRecord): CaseStudySummary {
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    excerpt: excerpt(c.problem),
    tags: c.tags,
    countries: c.countries,
    datasets: c.datasets,
    authorName: c.authorName,
    publishedAt: c.publishedAt,
  };
}
