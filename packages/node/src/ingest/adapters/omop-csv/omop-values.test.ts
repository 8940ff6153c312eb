import { describe, expect, it } from 'vitest';
import { convertCell, parseIsoDate, parseIsoDateTime } from './omop-values';

describe('OMOP cell conversion', () => {
  it('converts integers and floats, rejecting non-numbers', () => {
    expect(convertCell('integer', '8507')).toEqual({ ok: true, value: 8507 });
    expect(convertCell('integer', '-3')).toEqual({ ok: true, value: -3 });
    expect(convertCell('integer', '1.5')).toMatchObject({ ok: false });
    expect(convertCell('integer', '99999999999999999999')).toMatchObject({ ok: false });
    expect(convertCell('float', '7.25')).toEqual({ ok: true, value: 7.25 });
    expect(convertCell('float', '1e3')).toEqual({ ok: true, value: 1000 });
    expect(convertCell('float', 'abc')).toEqual({ ok: false, reason: "'abc' is not a number" });
  });

  it('accepts only real calendar dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseIsoDate('2023-02-29')).toMatchObject({ ok: false });
    expect(parseIsoDate('2023-13-01')).toMatchObject({ ok: false });
    expect(parseIsoDate('01/02/2023')).toEqual({
      ok: false,
      reason: "'01/02/2023' is not an ISO date YYYY-MM-DD",
    });
  });

  it('normalises datetimes to UTC', () => {
    expect(parseIsoDateTime('2020-03-17T10:30:00Z')).toEqual({ ok: true, value: '2020-03-17 10:30:00' });
    expect(parseIsoDateTime('2020-03-17 10:30')).toEqual({ ok: true, value: '2020-03-17 10:30:00' });
    expect(parseIsoDateTime('2020-03-17T01:30:00.250+02:00')).toEqual({
      ok: true,
      value: '2020-03-16 23:30:00.250',
    });
    expect(convertCell('datetime', '2020-03-17')).toEqual({ ok: true, value: '2020-03-17 00:00:00' });
    expect(parseIsoDateTime('2020-03-17T25:00:00')).toMatchObject({ ok: false });
  });

  it('keeps varchar text as is', () => {
    expect(convertCell('varchar(50)', ' E11.9')).toEqual({ ok: true, value: ' E11.9' });
  });
});
