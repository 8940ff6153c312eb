import { describe, expect, it } from 'vitest';
import { searchCatalogue } from './search';
import type { DatasetSummary } from './summary';

const ds = (
  id: string,
  country: string,
  cats: string[],
  stars: number,
  individuals: number,
  dataUse: string[] = [],
): DatasetSummary => ({
  id,
  title: { en: `Dataset ${id}` },
  description: { en: id === 'b' ? 'Breast cancer registry' : 'Type 2 diabetes cohort' },
  publisher: { name: `Holder ${country}` },
  country,
  healthCategories: cats,
  codingSystems: ['ICD-10'],
  accessRights: 'NON_PUBLIC',
  numberOfUniqueIndividuals: individuals,
  numberOfRecords: individuals * 10,
  temporal: null,
  quality: { stars, score: stars * 18 },
  keywords: [],
  dataUse,
  publishedAt: `2026-11-0${id === 'a' ? 1 : id === 'b' ? 2 : 3}T00:00:00Z`,
});

const all = [
  ds('a', 'FI', ['EHRS', 'EINS'], 4, 2000, ['HMB', 'IRB', 'NCU']),
  ds('b', 'ES', ['MRMR'], 3, 800, ['HMB', 'GS']),
  ds('c', 'DE', ['EHRS'], 5, 3000),
];

describe('catalogue search', () => {
  it('filters by free text, facet and thresholds, newest first', () => {
    expect(searchCatalogue(all, { q: 'diabetes', page: 1, pageSize: 10 }).items.map((d) => d.id)).toEqual([
      'c',
      'a',
    ]);
    expect(
      searchCatalogue(all, { healthCategory: ['EHRS'], minStars: 5, page: 1, pageSize: 10 }).items.map(
        (d) => d.id,
      ),
    ).toEqual(['c']);
    expect(searchCatalogue(all, { minIndividuals: 1000, page: 1, pageSize: 10 }).total).toBe(2);
  });

  it('counts each facet over the other filters only', () => {
    const r = searchCatalogue(all, { country: ['FI'], page: 1, pageSize: 10 });
    expect(r.total).toBe(1);
    // The country facet ignores the country filter, so every country stays selectable.
    expect(r.facets.country).toEqual([
      { value: 'DE', count: 1 },
      { value: 'ES', count: 1 },
      { value: 'FI', count: 1 },
    ]);
    expect(r.facets.healthCategory).toEqual([
      { value: 'EHRS', count: 1 },
      { value: 'EINS', count: 1 },
    ]);
  });

  it('filters by DUO data-use condition (any of the codes given) and counts them as a facet', () => {
    const r = searchCatalogue(all, { dataUse: ['ncu'], page: 1, pageSize: 10 });
    expect(r.items.map((d) => d.id)).toEqual(['a']);
    expect(r.facets.dataUse).toEqual([
      { value: 'HMB', count: 2 },
      { value: 'GS', count: 1 },
      { value: 'IRB', count: 1 },
      { value: 'NCU', count: 1 },
    ]);
    expect(searchCatalogue(all, { dataUse: ['GS', 'NCU'], page: 1, pageSize: 10 }).total).toBe(2);
  });

  it('pages', () => {
    const r = searchCatalogue(all, { page: 2, pageSize: 2 });
    expect(r.items.map((d) => d.id)).toEqual(['a']);
    expect(r.total).toBe(3);
  });
});
