import { describe, expect, it } from 'vitest';
import { slowOmopDateTime, toOmopDateTime } from './dates';

const p2 = (n: number) => String(n).padStart(2, '0');

describe('toOmopDateTime', () => {
  it('converts the common shapes', () => {
    expect(toOmopDateTime('2020-05-01')).toEqual({ date: '2020-05-01' });
    expect(toOmopDateTime('2020-05-01T10:00:00Z')).toEqual({
      date: '2020-05-01',
      datetime: '2020-05-01 10:00:00.000',
    });
    // The date stays as recorded at the source; the instant is in UTC.
    expect(toOmopDateTime('2020-05-01T01:30:00+02:00')).toEqual({
      date: '2020-05-01',
      datetime: '2020-04-30 23:30:00.000',
    });
    expect(toOmopDateTime('2020-05-01T08:10:00+01:00')?.datetime).toBe('2020-05-01 07:10:00.000');
    expect(toOmopDateTime('2021-02-29')).toBeUndefined();
    expect(toOmopDateTime('2020-13-01T00:00:00Z')).toBeUndefined();
    expect(toOmopDateTime(20200501)).toBeUndefined();
  });

  it('gives the same result as the general path for every input shape', () => {
    const years = ['0050', '0100', '1900', '1999', '2000', '2024', '9999'];
    const offsets = [
      '',
      'Z',
      '+00:00',
      '-00:00',
      '+01:00',
      '-05:30',
      '+14:00',
      '-12:00',
      '+23:59',
      '+24:00',
      '+01:60',
    ];
    const times = [
      '00:00:00',
      '00:59:59',
      '12:34:56',
      '23:59:59',
      '24:00:00',
      '10:60:00',
      '10:00:60',
      '10:00:00.5',
    ];
    let checked = 0;
    for (const y of years)
      for (const m of [0, 1, 2, 12, 13])
        for (const d of [0, 1, 28, 29, 30, 31, 32]) {
          const date = `${y}-${p2(m)}-${p2(d)}`;
          const inputs = [date, `${y}-${p2(m)}`, y, `${date}T`, `${date}x`];
          for (const t of times) for (const o of offsets) inputs.push(`${date}T${t}${o}`);
          for (const text of inputs) {
            expect(toOmopDateTime(text), text).toEqual(slowOmopDateTime(text));
            checked++;
          }
        }
    expect(checked).toBeGreaterThan(10_000);
  });
});
