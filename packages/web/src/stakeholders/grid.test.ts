import { describe, expect, it } from 'vitest';
import { groupByQuadrant, quadrantOf } from './grid';

describe('interest/influence grid', () => {
  it('places scores in the four quadrants, 4 and 5 counting as high', () => {
    expect(quadrantOf(5, 5)).toBe('manage_closely');
    expect(quadrantOf(4, 4)).toBe('manage_closely');
    expect(quadrantOf(3, 5)).toBe('keep_satisfied');
    expect(quadrantOf(5, 3)).toBe('keep_informed');
    expect(quadrantOf(3, 3)).toBe('monitor');
    expect(quadrantOf(1, 1)).toBe('monitor');
  });

  it('groups organisations, most influential and interested first, then by name', () => {
    const g = groupByQuadrant([
      { name: 'B', interest: 4, influence: 4 },
      { name: 'A', interest: 4, influence: 4 },
      { name: 'C', interest: 5, influence: 5 },
      { name: 'D', interest: 1, influence: 2 },
      { name: 'E', interest: 2, influence: 5 },
    ]);
    expect(g.manage_closely.map((o) => o.name)).toEqual(['C', 'A', 'B']);
    expect(g.keep_satisfied.map((o) => o.name)).toEqual(['E']);
    expect(g.keep_informed).toEqual([]);
    expect(g.monitor.map((o) => o.name)).toEqual(['D']);
  });
});
