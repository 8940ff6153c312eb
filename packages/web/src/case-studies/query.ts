import { CASE_STUDY_PAGE_SIZE, type CaseStudyQuery } from '@openehds/client';

/** The library's query from the address bar (so a search can be shared), and back. Pure. */
export function queryFromParams(search: string): CaseStudyQuery & { page: number } {
  const p = new URLSearchParams(search);
  const page = Math.max(1, Math.floor(Number(p.get('page') ?? '1')) || 1);
  return {
    q: p.get('q') ?? '',
    tag: p.get('tag') ?? '',
    country: p.get('country') ?? '',
    dataset: p.get('dataset') ?? '',
    page,
  };
}

/** The address-bar parameters of a query (empty values and page 1 left out). */
export function paramsOfQuery(q: CaseStudyQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['q', 'tag', 'country', 'dataset'] as const) {
    const v = q[key]?.trim();
    if (v) p.set(key, v);
  }
  if (q.page && q.page > 1) p.set('page', String(q.page));
  return p;
}

/** How many pages `total` results fill. */
export const pagesOf = (total: number, pageSize = CASE_STUDY_PAGE_SIZE) =>
  Math.max(1, Math.ceil(total / pageSize));
