import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVcfHeader } from './header';
import { infoForAllele, infoJsonForAllele } from './info';

const header = parseVcfHeader(
  [
    'fileformat=VCFv4.2',
    'INFO=<ID=AF,Number=A,Type=Float,Description="a">',
    'INFO=<ID=AD,Number=R,Type=Integer,Description="r">',
    'INFO=<ID=DP,Number=1,Type=Integer,Description="one">',
    'INFO=<ID=MQ,Number=.,Type=Float,Description="many">',
    'INFO=<ID=DB,Number=0,Type=Flag,Description="flag">',
    'INFO=<ID=NOTE,Number=1,Type=String,Description="text">',
  ],
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
);

/** Number-like texts where writing them as they stand and JSON.stringify(Number(text)) can differ. */
const NUMBERISH = [
  '0',
  '-0',
  '007',
  '1.50',
  '1.',
  '.5',
  '-.5',
  '1e-7',
  '0.0000001',
  '0.000001',
  '123456789012345',
  '1234567890123456',
  '0.1',
  '-0.25',
  '+3',
  '1e3',
  '12a',
  ' 4',
  'Infinity',
  'NaN',
  '.',
  '',
];

describe('infoJsonForAllele', () => {
  it('writes the JSON of infoForAllele, for any INFO column (property)', () => {
    const value = fc.oneof(
      fc.constantFrom(...NUMBERISH),
      fc.double({ noNaN: true }).map(String),
      fc.integer().map(String),
      fc.string({ unit: fc.constantFrom('a', '"', '\\', '1', '.', '-', 'é') }),
    );
    const item = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('AF', 'AD', 'DP', 'MQ', 'NOTE', 'X', '10', '__proto__'),
          fc.array(value, { minLength: 1, maxLength: 4 }),
        )
        .map(([k, vs]) => `${k}=${vs.join(',')}`),
      fc.constantFrom('DB', 'FLAG', ''),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), fc.integer({ min: 0, max: 3 }), (items, alt) => {
        const info = items.join(';');
        const direct = infoJsonForAllele(info, header, alt);
        // Undefined hands over to the object route (repeated or reordered keys); otherwise equal.
        if (direct !== undefined) expect(direct).toBe(JSON.stringify(infoForAllele(info, header, alt)));
      }),
      { numRuns: 3000 },
    );
  });

  it('copies canonical numbers and converts the others', () => {
    expect(infoJsonForAllele('DP=007;AF=1.50;MQ=1e-7,0.0000001,-0', header, 0)).toBe(
      '{"DP":7,"AF":1.5,"MQ":[1e-7,1e-7,0]}',
    );
    expect(infoJsonForAllele('DP=3;DP=4', header, 0)).toBeUndefined();
  });
});
