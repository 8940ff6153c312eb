import { describe, expect, it } from 'vitest';
import { padRows, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180)', () => {
    const text = 'group,"label, long",n\r\na,"say ""hi""",40\nb,"two\nlines",55\n';
    expect(parseCsv(text)).toEqual({
      rows: [
        ['group', 'label, long', 'n'],
        ['a', 'say "hi"', '40'],
        ['b', 'two\nlines', '55'],
      ],
      total: 3,
      truncated: false,
      width: 3,
    });
  });

  it('skips blank lines and a byte-order mark, and keeps a last line without a newline', () => {
    expect(parseCsv('\uFEFFa,b\n\n  \n1,2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    // An empty quoted field is a row, not a blank line.
    expect(parseCsv('a\n""\n').rows).toEqual([['a'], ['']]);
    expect(parseCsv('')).toEqual({ rows: [], total: 0, truncated: false, width: 0 });
  });

  it('keeps markup as plain text: nothing in a cell is interpreted', () => {
    const { rows } = parseCsv('name,n\n<img src=x onerror=alert(1)>,=SUM(A1:A9)\n');
    expect(rows[1]).toEqual(['<img src=x onerror=alert(1)>', '=SUM(A1:A9)']);
  });

  it('shows at most maxRows rows and says how many there are', () => {
    const text = ['h', ...Array.from({ length: 500 }, (_, i) => String(i))].join('\n');
    const p = parseCsv(text, 10);
    expect(p.rows).toHaveLength(10);
    expect(p.total).toBe(501);
    expect(p.truncated).toBe(true);
  });

  it('pads short rows to the widest one', () => {
    const p = parseCsv('a,b,c\n1\n1,2,3,4\n');
    expect(p.width).toBe(4);
    expect(padRows(p.rows, p.width)).toEqual([
      ['a', 'b', 'c', ''],
      ['1', '', '', ''],
      ['1', '2', '3', '4'],
    ]);
  });
});
