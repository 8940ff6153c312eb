import { describe, expect, it } from 'vitest';
import { emptyQuery, fromSearchParams, hasFilters, toSearchParams, toggleFacet } from './dataset-query';

describe('dataset query ↔ query string', () => {
  it('round-trips every filter', () => {
    const query = {
      ...emptyQuery(),
      q: 'breast cancer',
      healthCategory: ['MRMR', 'EINS'],
      country: ['ES'],
      codingSystem: ['ICD-10'],
      accessRights: ['RESTRICTED'],
      minStars: 3,
      minIndividuals: 1000,
      page: 4,
      pageSize: 50,
    };
    expect(fromSearchParams(toSearchParams(query).toString())).toEqual(query);
  });

  it('leaves defaults out of the address bar but writes paging for the API', () => {
    expect(toSearchParams(emptyQuery()).toString()).toBe('');
    expect(toSearchParams(emptyQuery(), true).toString()).toBe('page=1&pageSize=20');
  });

  it('ignores malformed and out-of-range numbers', () => {
    const q = fromSearchParams('minStars=9&page=-2&pageSize=5000&minIndividuals=abc');
    expect(q.minStars).toBeNull();
    expect(q.page).toBe(1);
    expect(q.pageSize).toBe(20);
    expect(q.minIndividuals).toBeNull();
  });

  it('accepts comma-separated facet values and removes duplicates', () => {
    expect(fromSearchParams('country=FI,ES&country=FI').country).toEqual(['FI', 'ES']);
  });

  it('toggles a facet value and returns to page 1', () => {
    const on = toggleFacet({ ...emptyQuery(), page: 3 }, 'country', 'DE');
    expect(on.country).toEqual(['DE']);
    expect(on.page).toBe(1);
    expect(toggleFacet(on, 'country', 'DE').country).toEqual([]);
  });

  it('knows when a filter is applied', () => {
    expect(hasFilters(emptyQuery())).toBe(false);
    expect(hasFilters({ ...emptyQuery(), minStars: 0 })).toBe(true);
    expect(hasFilters({ ...emptyQuery(), q: 'x' })).toBe(true);
  });
});
