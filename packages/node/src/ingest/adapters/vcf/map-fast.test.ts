import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultConformanceDir } from '@openehds/standards';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../types';
import { parseVcfHeader } from './header';
import { mapVcfLineFast } from './map-fast';
import { mapVcfLine } from './map-record';

/** The fast path must map every line it takes exactly as the general path does. */

const ctx: MapContext = { personIdentifierSystem: 'urn:example:sample', datasetId: 'ds' };

/** Lines for both paths: the forms the fast path takes, and some it must hand over. */
const VCF = [
  '##fileformat=VCFv4.2',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="AF">',
  '##INFO=<ID=AC,Number=A,Type=Integer,Description="AC">',
  '##INFO=<ID=GENE,Number=1,Type=String,Description="Gene">',
  '##INFO=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
  '##INFO=<ID=DB,Number=0,Type=Flag,Description="dbSNP">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1', 'S2', 'S3'].join('\t'),
  'chr1\t100\trs1\tA\tG\t50\tPASS\tAF=0.5;GENE=BRCA2\tGT:DP\t0/1:10\t0/0:3\t1|1:8',
  '1\t0200\t.\tgaa\tGA,G,GAAA\t.\tPASS\tAF=0.1,0.2,0.3\tGT\t1|2\t0|3\t./.',
  '1\t300\t.\tC\tT,A\t.\tPASS\t.\tGT\t./1\t1/.\t2/1',
  'X\t400\t.\tC\tT\t.\tPASS\t.\tGT\t1\t0\t.',
  '1\t500\t.\tCATG\tCGCG\t.\tPASS\t.\tGT\t0/1\t0/0\t0/0',
  '1\t600\t.\tT\tC\t.\tPASS\t.\tGT\t0/0\t0/0\t0/0',
  // INFO shapes for the direct JSON writer: Number=R, a flag, missing values, quotes, a repeated key,
  // a key an object would reorder, text in a number field, empty items
  '1\t1400\t.\tA\tG,T\t.\tPASS\tAD=1,2,3;DB;AF=.,0.5;NOTE=a"b\\c\tGT\t0/1\t0/2\t1/1',
  '1\t1500\t.\tA\tG\t.\tPASS\tDP=3;DP=4;10=x\tGT\t0/1\t0/0\t0/0',
  '1\t1600\t.\tA\tG\t.\tPASS\tAF=abc;AC=1.5e3;;AD=7\tGT\t0/1\t0/0\t0/0',
  // handed over: symbolic, '*', polyploid, two-digit allele, GT not first, bad GT, bad POS, short line
  '1\t700\t.\tN\t<DEL>\t.\tPASS\t.\tGT\t0/1\t0/0\t0/0',
  '1\t800\t.\tA\tG,*\t.\tPASS\t.\tGT\t0/1\t0/2\t0/0',
  '1\t900\t.\tA\tG\t.\tPASS\t.\tGT\t0/1/1\t0/0\t0/0',
  '1\t1000\t.\tA\tG\t.\tPASS\t.\tDP:GT\t3:0/1\t4:0/0\t5:0/0',
  '1\t1100\t.\tA\tG\t.\tPASS\t.\tGT\t0/2\t0/0\t0/0',
  '1\t1200\t.\tA\tG\t.\tPASS\t.\tGT\t0/x\t0/0\t0/0',
  '1\t12a\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0\t0/0',
  '1\t1300\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0',
];

function linesOf(text: string) {
  const all = text.split('\n').filter((l) => l !== '');
  const header = parseVcfHeader(
    all.filter((l) => l.startsWith('##')).map((l) => l.slice(2)),
    all.find((l) => l.startsWith('#CHROM'))!,
  );
  return all.filter((l) => !l.startsWith('#')).map((text) => ({ header, text }));
}

/** How many lines took the fast path; throws on the first where the paths differ. */
function compare(text: string): { fast: number; total: number } {
  let fast = 0;
  const lines = linesOf(text);
  for (const line of lines) {
    const quick = mapVcfLineFast(line, ctx);
    if (quick === undefined) continue;
    fast++;
    const general = mapVcfLine(line, ctx);
    // Compared as JSON first (fast on 2548 samples); a mismatch is then shown field by field.
    if (JSON.stringify(quick) !== JSON.stringify(general)) expect(quick, line.text).toEqual(general);
  }
  return { fast, total: lines.length };
}

describe('mapVcfLineFast', () => {
  it('maps the lines it takes exactly as mapVcfLine, and hands over the others', () => {
    const { fast, total } = compare(VCF.join('\n'));
    expect(total).toBe(17);
    expect(fast).toBe(9);
  });

  it('does not take a sites-only line with counts in INFO wrongly', () => {
    const text = [
      '##fileformat=VCFv4.2',
      '##INFO=<ID=AC,Number=A,Type=Integer,Description="AC">',
      '##INFO=<ID=AN,Number=1,Type=Integer,Description="AN">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
      '1\t5\t.\tA\tG,T\t.\tPASS\tAC=3,1;AN=10',
    ].join('\n');
    expect(compare(text)).toEqual({ fast: 1, total: 1 });
    const result = mapVcfLineFast(linesOf(text)[0]!, ctx);
    expect(result?.ok && result.rows.map((r) => [r.row.ac, r.row.an, r.row.carriers])).toEqual([
      [3, 10, null],
      [1, 10, null],
    ]);
  });

  const fixture = join(defaultConformanceDir(), 'fixtures/vcf/test_1000G_hg38.vcf.gz');
  it.skipIf(!existsSync(fixture))('agrees with mapVcfLine on the 1000 Genomes slice', () => {
    const { fast, total } = compare(gunzipSync(readFileSync(fixture)).toString('utf8'));
    expect(total).toBe(3042);
    expect(fast).toBe(total);
  });
});
