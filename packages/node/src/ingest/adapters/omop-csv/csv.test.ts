import { describe, expect, it } from 'vitest';
import { createCsvAssembler, type CsvResult } from './csv';

function parse(text: string): CsvResult[] {
  const csv = createCsvAssembler();
  const out: CsvResult[] = [];
  text.split('\n').forEach((t, i) => {
    const r = csv.push(i + 1, t);
    if (r) out.push(r);
  });
  const last = csv.end();
  if (last) out.push(last);
  return out;
}

describe('createCsvAssembler', () => {
  it('splits plain fields and keeps empty ones', () => {
    expect(parse('a,b,,d')).toEqual([{ ok: true, line: 1, fields: ['a', 'b', '', 'd'], raw: 'a,b,,d' }]);
  });

  it('handles quoted commas, doubled quotes and embedded newlines, reporting the start line', () => {
    const rows = parse('h1,h2\n"x, y","say ""hi"""\n"multi\nline\nvalue",z\nlast,1');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6]);
    expect(rows[1]).toMatchObject({ ok: true, fields: ['x, y', 'say "hi"'] });
    expect(rows[2]).toMatchObject({
      ok: true,
      fields: ['multi\nline\nvalue', 'z'],
      raw: '"multi\nline\nvalue",z',
    });
  });

  it('skips blank lines between records', () => {
    expect(parse('a\n\nb\n').map((r) => r.line)).toEqual([1, 3]);
  });

  it('rejects a stray quote and text after a closing quote, then carries on', () => {
    const rows = parse('a"b,c\n"x"y,z\nok,1');
    expect(rows[0]).toMatchObject({ ok: false, line: 1 });
    expect((rows[0] as { error: string }).error).toMatch(/quote inside an unquoted field 1/);
    expect(rows[1]).toMatchObject({ ok: false, line: 2 });
    expect((rows[1] as { error: string }).error).toMatch(/after a closing quote/);
    expect(rows[2]).toMatchObject({ ok: true, line: 3, fields: ['ok', '1'] });
  });

  it('reports an unterminated quoted field at the line it opened', () => {
    const rows = parse('a,b\n1,"never\nclosed');
    expect(rows.at(-1)).toMatchObject({
      ok: false,
      line: 2,
      error: 'quoted field opened on line 2 is never closed',
    });
  });
});
