import { describe, expect, it } from 'vitest';
import { linePoints, linearScale, maxOf, niceMax, niceTickCount, shortNumber, ticks } from './scale';

describe('niceMax', () => {
  it('rounds up to 1, 2, 2.5, 5 or 10 times a power of ten', () => {
    expect(niceMax(7)).toBe(10);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(11)).toBe(20);
    expect(niceMax(230)).toBe(250);
    expect(niceMax(0.3)).toBe(0.5);
    expect(niceMax(4100)).toBe(5000);
  });
  it('returns 1 for an empty or invalid domain', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-5)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
  });
});

describe('ticks', () => {
  it('spaces ticks evenly up to the nice maximum', () => {
    expect(ticks(230, 5)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(ticks(0.9, 2)).toEqual([0, 0.5, 1]);
  });
  it('picks round steps when no count is given', () => {
    expect(ticks(4000)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(ticks(1800)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(ticks(230)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(ticks(9)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTickCount(0)).toBe(1);
  });
});

describe('linearScale', () => {
  it('maps and clamps', () => {
    const s = linearScale(200, 100);
    expect(s(50)).toBe(25);
    expect(s(400)).toBe(100);
    expect(s(-3)).toBe(0);
    expect(linearScale(0, 100)(5)).toBe(0);
  });
});

describe('maxOf and shortNumber', () => {
  it('ignores nulls', () => {
    expect(maxOf([3, null, 9, 1])).toBe(9);
    expect(maxOf([null])).toBe(0);
  });
  it('abbreviates', () => {
    expect(shortNumber(950)).toBe('950');
    expect(shortNumber(1200)).toBe('1.2k');
    expect(shortNumber(3_400_000)).toBe('3.4M');
  });
});

describe('linePoints', () => {
  it('spaces points across the width, inverts y and skips nulls', () => {
    const pts = linePoints([0, null, 100], 200, 50, 100);
    expect(pts).toEqual([
      { x: 0, y: 50, index: 0 },
      { x: 200, y: 0, index: 2 },
    ]);
  });
  it('centres a single point', () => {
    expect(linePoints([10], 200, 50, 20)).toEqual([{ x: 100, y: 25, index: 0 }]);
  });
});
