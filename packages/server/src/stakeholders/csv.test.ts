import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, readCell, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks, with start lines', () => {
    const text = 'name,note\r\n"Acme, Inc.","said ""hi"""\r\n"Two\r\nlines",x\nlast,"a\nb"\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Acme, Inc.', 'said "hi"'] },
      { line: 3, fields: ['Two\r\nlines', 'x'] },
      { line: 5, fields: ['last', 'a\nb'] },
    ]);
  });

  it('drops a BOM, skips blank lines, keeps empty fields and accepts a lone CR', () => {
    expect(parseCsv('\uFEFFa,b\n\n,\r\rc,"",d')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['', ''] },
      { line: 5, fields: ['c', '', 'd'] },
    ]);
    // A quoted empty field alone on a line is a record with one empty field, not a blank line.
    expect(parseCsv('""\n')).toEqual([{ line: 1, fields: [''] }]);
  });

  it('reports a malformed record at its line and reads on', () => {
    const rows = parseCsv('a,b\nx"y,z\n"ok"tail,1\ngood,2\n"open,3\n4');
    expect(rows[0]).toEqual({ line: 1, fields: ['a', 'b'] });
    expect(rows[1]).toMatchObject({
      line: 2,
      error: expect.stringMatching(/quote inside the unquoted field 1/),
    });
    expect(rows[2]).toMatchObject({
      line: 3,
      error: expect.stringMatching(/after the closing quote of field 1/),
    });
    expect(rows[3]).toEqual({ line: 4, fields: ['good', '2'] });
    expect(rows[4]).toMatchObject({ line: 5, error: expect.stringMatching(/never closed/) });
    expect(rows).toHaveLength(5);
  });

  it('reads back what toCsv wrote, for any table of text', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '=') });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((w) =>
            fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }),
          ),
        (table) => {
          // A row of one empty cell is a blank line, which has no record by design.
          const rows = table.filter((r) => !(r.length === 1 && r[0] === ''));
          if (!rows.length) return;
          const text = toCsv(rows[0]!, rows.slice(1));
          const read = parseCsv(text).map((r) => ('fields' in r ? r.fields.map(readCell) : r.error));
          expect(read).toEqual(rows.map((r) => r.map((c) => c.trim())));
        },
      ),
    );
  });
});

describe('csvCell', () => {
  it('quotes only when needed, and defuses formula-like text but not numbers', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(readCell("'=1+1")).toBe('=1+1');
    expect(readCell("'tis")).toBe("'tis");
  });

  it('ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});
