import type { DatasetSummary } from './summary';

/**
 * Faceted search over the catalogue (pure, in memory). A national catalogue holds hundreds to a few
 * thousand dataset descriptions, which this handles in milliseconds; facet counts are computed over
 * the datasets matching every other filter, the usual faceted-search convention.
 */
export interface CatalogueQuery {
  q?: string;
  healthCategory?: string[];
  country?: string[];
  codingSystem?: string[];
  accessRights?: string[];
  /** DUO shorthands (`HMB`, `NCU`): datasets carrying any of them. */
  dataUse?: string[];
  minStars?: number;
  minIndividuals?: number;
  page: number;
  pageSize: number;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface CatalogueResult {
  items: DatasetSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<
    'healthCategory' | 'country' | 'codingSystem' | 'accessRights' | 'dataUse' | 'stars',
    FacetValue[]
  >;
}

type FacetKey = keyof CatalogueResult['facets'];

const FACET_VALUES: Record<FacetKey, (d: DatasetSummary) => string[]> = {
  healthCategory: (d) => d.healthCategories,
  country: (d) => [d.country],
  codingSystem: (d) => d.codingSystems,
  accessRights: (d) => [d.accessRights],
  dataUse: (d) => d.dataUse,
  stars: (d) => (d.quality ? [String(d.quality.stars)] : []),
};

function matchesText(d: DatasetSummary, q: string): boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [
    ...Object.values(d.title),
    ...Object.values(d.description),
    d.publisher.name,
    ...d.keywords,
    ...d.healthCategories,
    ...d.codingSystems,
    d.country,
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => text.includes(w));
}

function anyOf(selected: string[] | undefined, values: string[]): boolean {
  return !selected?.length || values.some((v) => selected.includes(v));
}

function passes(d: DatasetSummary, query: CatalogueQuery, except?: FacetKey): boolean {
  if (query.q && !matchesText(d, query.q)) return false;
  if (except !== 'healthCategory' && !anyOf(query.healthCategory, d.healthCategories)) return false;
  if (except !== 'country' && !anyOf(query.country, [d.country])) return false;
  if (except !== 'codingSystem' && !anyOf(query.codingSystem, d.codingSystems)) return false;
  if (except !== 'accessRights' && !anyOf(query.accessRights, [d.accessRights])) return false;
  if (
    except !== 'dataUse' &&
    !anyOf(
      query.dataUse?.map((c) => c.toUpperCase()),
      d.dataUse,
    )
  )
    return false;
  if (except !== 'stars' && query.minStars !== undefined && (d.quality?.stars ?? 0) < query.minStars)
    return false;
  if (query.minIndividuals !== undefined && (d.numberOfUniqueIndividuals ?? 0) < query.minIndividuals)
    return false;
  return true;
}

/** Filters, facets and pages the catalogue. */
export function searchCatalogue(all: DatasetSummary[], query: CatalogueQuery): CatalogueResult {
  const matching = all.filter((d) => passes(d, query));
  const facets = {} as CatalogueResult['facets'];
  for (const key of Object.keys(FACET_VALUES) as FacetKey[]) {
    const counts = new Map<string, number>();
    for (const d of all) {
      if (!passes(d, query, key)) continue;
      for (const v of new Set(FACET_VALUES[key](d))) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    facets[key] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  const sorted = matching.sort(
    (a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id),
  );
  const start = (query.page - 1) * query.pageSize;
  return {
    items: sorted.slice(start, start + query.pageSize),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
    facets,
  };
}
