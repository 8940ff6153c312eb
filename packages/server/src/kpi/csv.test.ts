import { describe, expect, it } from 'vitest';
import { csvField, csvText, kpiCsv } from './csv';
import type { KpiDashboard } from './figure';

describe('RFC 4180 CSV', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces, and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(3.5)).toBe('3.5');
    expect(csvField(false)).toBe('false');
  });

  it('ends every record with CRLF', () => {
    expect(
      csvText([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
  });

  it('writes one row per KPI and period, current first, with target and verdict', () => {
    const d: KpiDashboard = {
      generatedAt: '2026-03-10T00:00:00.000Z',
      months: ['2026-02', '2026-03'],
      kpis: [
        {
          key: 'helpdesk.days',
          title: 'Helpdesk, "median"',
          unit: 'days',
          source: 'manual',
          direction: 'lower',
          definition: 'x',
          article: null,
          current: 1.5,
          currentBasis: 'latest',
          series: [
            { month: '2026-02', value: null },
            { month: '2026-03', value: 1.5 },
          ],
          breakdown: [],
          target: 2,
          met: true,
        },
      ],
    };
    expect(kpiCsv(d).split('\r\n')).toEqual([
      'key,title,source,unit,direction,target,met,period,value',
      'helpdesk.days,"Helpdesk, ""median""",manual,days,lower,2,true,current,1.5',
      'helpdesk.days,"Helpdesk, ""median""",manual,days,lower,2,true,2026-02,',
      'helpdesk.days,"Helpdesk, ""median""",manual,days,lower,2,true,2026-03,1.5',
      '',
    ]);
  });
});
