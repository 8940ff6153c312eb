/**
 * Catalogue search filters ↔ query string. The same encoding serves the API call
 * (`GET /api/datasets?...`) and the web UI's address bar, so a search can be bookmarked and shared.
 * Multi-valued facets repeat their key (`healthCategory=EHRS&healthCategory=MRMR`); values of one
 * facet are alternatives (OR), different facets narrow together (AND).
 */

/** The catalogue search filters. */
export interface DatasetQuery {
  q: string;
  healthCategory: string[];
  country: string[];
  codingSystem: string[];
  accessRights: string[];
  minStars: number | null;
  minIndividuals: number | null;
  page: number;
  pageSize: number;
}

/** The multi-valued facet keys of a query. */
export type FacetKey = 'healthCategory' | 'country' | 'codingSystem' | 'accessRights';

/** The facet keys in display order. */
export const FACET_KEYS: readonly FacetKey[] = ['healthCategory', 'country', 'codingSystem', 'accessRights'];

/** Page size when none is given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest page size the client asks for. */
export const MAX_PAGE_SIZE = 100;

/** A query with no filters, on the first page. */
export function emptyQuery(): DatasetQuery {
  return {
    q: '',
    healthCategory: [],
    country: [],
    codingSystem: [],
    accessRights: [],
    minStars: null,
    minIndividuals: null,
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
  };
}

function intIn(raw: string | null, min: number, max: number): number | null {
  if (raw === null || raw.trim() === '' || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

function values(params: URLSearchParams, key: string): string[] {
  const out: string[] = [];
  for (const v of params.getAll(key)) {
    // A hand-typed `a,b` is accepted too, so links written either way work.
    for (const part of v.split(',')) {
      const t = part.trim();
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

/** Reads filters from a query string; anything malformed falls back to its default rather than failing. */
export function fromSearchParams(input: URLSearchParams | string): DatasetQuery {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const query = emptyQuery();
  query.q = (params.get('q') ?? '').trim();
  for (const key of FACET_KEYS) query[key] = values(params, key);
  query.minStars = intIn(params.get('minStars'), 0, 5);
  query.minIndividuals = intIn(params.get('minIndividuals'), 0, Number.MAX_SAFE_INTEGER);
  query.page = intIn(params.get('page'), 1, 1_000_000) ?? 1;
  query.pageSize = intIn(params.get('pageSize'), 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  return query;
}

/**
 * Writes filters as a query string, leaving out defaults so URLs stay short. With `forApi` the page
 * and page size are always written, as the API documents them.
 */
export function toSearchParams(query: Partial<DatasetQuery>, forApi = false): URLSearchParams {
  const params = new URLSearchParams();
  const q = query.q?.trim();
  if (q) params.set('q', q);
  for (const key of FACET_KEYS) for (const v of query[key] ?? []) params.append(key, v);
  if (query.minStars != null) params.set('minStars', String(query.minStars));
  if (query.minIndividuals != null) params.set('minIndividuals', String(query.minIndividuals));
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (forApi || page !== 1) params.set('page', String(page));
  if (forApi || pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(pageSize));
  return params;
}

/** Turns one facet value on or off, going back to page 1 because the result set changes. */
export function toggleFacet(query: DatasetQuery, key: FacetKey, value: string): DatasetQuery {
  const current = query[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...query, [key]: next, page: 1 };
}

/** True when any filter narrows the search (free text, a facet, or a minimum). */
export function hasFilters(query: DatasetQuery): boolean {
  return (
    query.q !== '' ||
    FACET_KEYS.some((k) => query[k].length > 0) ||
    query.minStars != null ||
    query.minIndividuals != null
  );
}
