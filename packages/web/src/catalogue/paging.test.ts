import { describe, expect, it } from 'vitest';
import { atLeastStars, facetOptions } from './facets';
import { pageCount, pageWindow } from './paging';

describe('paging', () => {
  it('counts pages', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
  it('shows first, last and a window with gaps', () => {
    expect(pageWindow(5, 20)).toEqual([1, 'gap', 4, 5, 6, 'gap', 20]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(4, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 1)).toEqual([1]);
  });
});

describe('facetOptions', () => {
  it('marks selected values and keeps selected values the search no longer returns', () => {
    const opts = facetOptions(
      [
        { value: 'FI', count: 2 },
        { value: 'ES', count: 1 },
      ],
      ['ES', 'DE'],
    );
    expect(opts).toEqual([
      { value: 'FI', count: 2, checked: false },
      { value: 'ES', count: 1, checked: true },
      { value: 'DE', count: 0, checked: true },
    ]);
  });
});

describe('atLeastStars', () => {
  it('accumulates exact star counts into at-least counts', () => {
    const out = atLeastStars([
      { value: '5', count: 1 },
      { value: '3', count: 2 },
      { value: '0', count: 4 },
      { value: 'x', count: 9 },
    ]);
    expect(out).toEqual([
      { stars: 1, count: 3 },
      { stars: 2, count: 3 },
      { stars: 3, count: 3 },
      { stars: 4, count: 1 },
      { stars: 5, count: 1 },
    ]);
  });
});
