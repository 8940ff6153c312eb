import { describe, expect, it } from 'vitest';
import { bandStart, countText, fillYears, pyramidRows, toDatum } from './chart-data';

describe('countText', () => {
  it('never shows a suppressed count as a number', () => {
    expect(countText({ count: null, suppressed: true }, 10)).toBe('<10');
    expect(countText({ count: 3, suppressed: true }, 10)).toBe('<10');
    expect(countText({ count: null, suppressed: true }, null)).toBe('suppressed');
    expect(countText({ count: 1234, suppressed: false }, 10)).toBe('1,234');
    expect(countText({ count: null, suppressed: false }, 10)).toBe('–');
  });
  it('does not draw suppressed cells', () => {
    expect(toDatum('x', { count: 4, suppressed: true }, 10)).toEqual({
      label: 'x',
      value: null,
      display: '<10',
    });
  });
});

describe('pyramidRows', () => {
  it('pairs sexes per band and puts the oldest band first', () => {
    const rows = pyramidRows([
      { band: '0-4', sex: 'female', count: 10, suppressed: false },
      { band: '85+', sex: 'male', count: null, suppressed: true },
      { band: '0-4', sex: 'male', count: 12, suppressed: false },
      { band: '40-44', sex: 'female', count: 30, suppressed: false },
    ]);
    expect(rows.map((r) => r.band)).toEqual(['85+', '40-44', '0-4']);
    expect(rows[2]).toEqual({
      band: '0-4',
      female: { count: 10, suppressed: false },
      male: { count: 12, suppressed: false },
    });
    expect(rows[0]!.female).toEqual({ count: null, suppressed: false });
    expect(rows[0]!.male.suppressed).toBe(true);
  });
  it('leaves cells of other or unknown sex out of the drawing', () => {
    const rows = pyramidRows([
      { band: '0-4', sex: 'female', count: 10, suppressed: false },
      { band: '0-4', sex: 'other', count: 11, suppressed: false },
      { band: '90-94', sex: 'other', count: 12, suppressed: false },
    ]);
    expect(rows).toEqual([
      { band: '0-4', female: { count: 10, suppressed: false }, male: { count: null, suppressed: false } },
    ]);
  });
  it('reads band starts', () => {
    expect(bandStart('40-44')).toBe(40);
    expect(bandStart('85+')).toBe(85);
    expect(bandStart('<1')).toBe(0);
    expect(bandStart('unknown')).toBe(-1);
  });
});

describe('fillYears', () => {
  it('sorts and fills missing years with empty cells', () => {
    const filled = fillYears([
      { year: 2022, count: 5, suppressed: false },
      { year: 2020, count: 7, suppressed: false },
    ]);
    expect(filled.map((p) => p.year)).toEqual([2020, 2021, 2022]);
    expect(filled[1]).toEqual({ year: 2021, count: null, suppressed: false });
  });
  it('returns nothing for nothing', () => {
    expect(fillYears([])).toEqual([]);
  });
});
