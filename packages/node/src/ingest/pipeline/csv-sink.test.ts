import { describe, expect, it } from 'vitest';
import { compileRowWriter, type Provenance, type StagedColumn } from './csv-row';
import { CsvSink, quotedBytes } from './csv-sink';

const text = (s: CsvSink) => s.bytes().toString('utf8');

describe('CsvSink', () => {
  it('quotes fields RFC 4180 style, ASCII or not, short or long', () => {
    const s = new CsvSink(4); // grows as needed
    s.quoted('plain');
    s.byte(44);
    s.quoted('say "hi"');
    s.byte(44);
    s.quoted('Müller "Ä" 😀');
    s.byte(44);
    s.quoted(`${'x'.repeat(70)}"${'y'.repeat(5)}`);
    s.byte(44);
    s.quoted('');
    expect(text(s)).toBe(`"plain","say ""hi""","Müller ""Ä"" 😀","${'x'.repeat(70)}""yyyyy",""`);
  });

  it('writes numbers as JavaScript prints them', () => {
    const s = new CsvSink(1);
    for (const n of [0, -0, 7, -42, 8068454521096060, Number.MAX_SAFE_INTEGER, 5.4, -0.25, 1e21, 2 ** 53]) {
      s.num(n);
      s.byte(32);
    }
    expect(text(s).trim().split(' ')).toEqual([
      '0',
      '0',
      '7',
      '-42',
      '8068454521096060',
      String(Number.MAX_SAFE_INTEGER),
      '5.4',
      '-0.25',
      '1e+21',
      String(2 ** 53),
    ]);
  });

  it('writes every safe integer as String() does, across digit-count boundaries', () => {
    const values: number[] = [];
    for (let d = 0; d <= 15; d++) values.push(10 ** d - 1, 10 ** d, 10 ** d + 1, -(10 ** d));
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      values.push(Math.floor((x / 2 ** 32) * Number.MAX_SAFE_INTEGER), x, x % 1000);
    }
    const s = new CsvSink(8);
    for (const v of values) {
      s.num(v);
      s.byte(32);
    }
    expect(text(s).trim().split(' ')).toEqual(values.map(String));
  });

  it('truncates back to a mark', () => {
    const s = new CsvSink(2);
    s.text('keep,');
    const mark = s.byteLength;
    s.quoted('drop me');
    s.truncate(mark);
    s.text('after');
    expect(text(s)).toBe('keep,after');
  });

  it('encodes a repeated quoted field once', () => {
    expect(Buffer.from(quotedBytes('a"b')).toString()).toBe('"a""b"');
  });
});

describe('compileRowWriter', () => {
  const columns: StagedColumn[] = [
    { name: 'id', kind: 'int', required: true },
    { name: 'value', kind: 'float', required: false },
    { name: 'day', kind: 'date', required: false },
    { name: 'at', kind: 'timestamp', required: false },
    { name: 'note', kind: 'text', required: false },
    { name: 'extra', kind: 'json', required: false },
    { name: 'ehds_file', kind: 'file', required: false },
    { name: 'ehds_line', kind: 'line', required: false },
    { name: 'ehds_batch', kind: 'batch', required: false },
    { name: 'ehds_key', kind: 'key', required: false },
    { name: '_r', kind: 'record', required: false },
  ];
  const write = compileRowWriter(columns);
  const prov: Provenance = {
    file: quotedBytes('a,b.ndjson'),
    line: 12,
    batch: quotedBytes('b-1'),
    keyPrefix: quotedBytes('ds|').subarray(0, -1),
    key: 'Condition/"x"',
    record: 7,
  };

  it('writes present values, NULL as an empty field and an empty string as ""', () => {
    const s = new CsvSink();
    const why = write(
      s,
      { id: 3, value: 1.5, day: '2020-01-02', at: '2020-01-02 03:04:05.000', note: '', extra: { a: 1 } },
      prov,
    );
    expect(why).toBeUndefined();
    expect(text(s)).toBe(
      '3,1.5,2020-01-02,2020-01-02 03:04:05.000,"","{""a"":1}","a,b.ndjson",12,"b-1","ds|Condition/""x""",7\n',
    );
    write(s, { id: 4, value: null, note: 'n' }, prov);
    expect(text(s).split('\n')[1]).toBe('4,,,,"n",,"a,b.ndjson",12,"b-1","ds|Condition/""x""",7');
  });

  it('returns the reason for a missing required column or a value of the wrong type', () => {
    const s = new CsvSink();
    expect(write(s, { value: 1 }, prov)).toBe('missing required id');
    expect(write(s, { id: 1.5 }, prov)).toBe('id must be an integer, got "1.5"');
    expect(write(s, { id: 1, value: 'x' }, prov)).toBe('value must be a number, got "x"');
    expect(write(s, { id: 1, day: '2020-1-2' }, prov)).toBe('day must be a date YYYY-MM-DD, got "2020-1-2"');
    expect(write(s, { id: 1, at: 'noon' }, prov)).toBe('at must be a timestamp, got "noon"');
  });

  it('never splices a column name into the code as code', () => {
    const evil = compileRowWriter([
      { name: '"]; throw new Error("injected"); //', kind: 'text', required: false },
    ]);
    const s = new CsvSink();
    expect(evil(s, { '"]; throw new Error("injected"); //': 'ok' }, prov)).toBeUndefined();
    expect(text(s)).toBe('"ok"\n');
  });
});
