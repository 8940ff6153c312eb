import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { MapContext, MappedRow, SourceRecord } from '../../types';
import { vcfAdapter } from './adapter';
import { variantId } from './map-record';

const dir = mkdtempSync(join(tmpdir(), 'vcf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx: MapContext = { personIdentifierSystem: 'urn:example:sample', datasetId: 'ds-1' };

async function readAll(path: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of vcfAdapter.read(path)) out.push(r);
  return out;
}

const VCF = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr1,length=248956422,assembly=hg19>',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##INFO=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
  '##INFO=<ID=DB,Number=0,Type=Flag,Description="dbSNP, member">',
  '##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: \'Allele | Annotation | Annotation_Impact | Gene_Name\'">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1', 'S2', 'S3'].join('\t'),
  [
    'chr1',
    '100',
    'rs1',
    'A',
    'G',
    '50',
    'PASS',
    'AF=0.5;DP=30;DB;ANN=G|missense_variant|MODERATE|BRCA2',
    'GT:DP',
    '0/1:10',
    '0/0:12',
    '1/1:8',
  ].join('\t'),
  [
    'chr1',
    '200',
    '.',
    'GAA',
    'GA,G,GAAA',
    '.',
    'PASS',
    'AF=0.1,0.2,0.3;AD=5,1,2,3',
    'GT',
    '1|2',
    '0|3',
    './.',
  ].join('\t'),
  ['chr1', '300', '.', 'C', '.', '.', 'PASS', 'DP=3', 'GT', '0/0', '0/0', '0/0'].join('\t'),
  ['chr1', 'x1', '.', 'C', 'T', '.', 'PASS', '.', 'GT', '0/1', '0/0', '0/0'].join('\t'),
  ['chr1', '400', '.', 'C', 'T', '.', 'PASS', '.', 'GT', '0/2', '0/0', '0/0'].join('\t'),
  ['chr1', '500', '.', 'C', 'T', '.', 'PASS', '.', 'GT', '0/1', '0/0'].join('\t'),
  ['chr1', '600', '.', 'C', 'Q', '.', 'PASS', '.', 'GT', '0/1', '0/0', '0/0'].join('\t'),
  '',
].join('\n');

function rowsOf(rows: MappedRow[], table: string): MappedRow[] {
  return rows.filter((r) => r.table === table);
}

describe('vcfAdapter', () => {
  it('detects VCF by its first line, whatever the name', () => {
    expect(vcfAdapter.detect('/x/a.vcf.gz', VCF.slice(0, 300))).toBe(true);
    expect(vcfAdapter.detect('/x/a.vcf', '#CHROM\tPOS')).toBe(false);
  });

  it('maps, splits and rejects records with their physical line numbers', async () => {
    // Prepare
    const records = await readAll(write('a.vcf.gz', VCF));
    // Execute
    const results = records.map((r) => vcfAdapter.map(r, ctx));
    // Assert: data lines are lines 11-17 of the file
    expect(records.map((r) => r.line)).toEqual([11, 12, 13, 14, 15, 16, 17]);
    const [snv, multi, monomorphic, badPos, badGt, shortLine, badAlt] = results;

    if (!snv!.ok) throw new Error(snv!.reason);
    const v = rowsOf(snv!.rows, 'variant')[0]!.row;
    expect(v).toMatchObject({
      assembly: 'GRCh37',
      chrom: '1',
      start0: 99,
      ref: 'A',
      alt: 'G',
      variant_type: 'SNP',
      gene: 'BRCA2',
    });
    expect(v.variant_id).toBe(variantId('GRCh37', '1', 99, 'A', 'G'));
    expect(JSON.parse(v.info as string)).toEqual({
      AF: 0.5,
      DP: 30,
      DB: true,
      ANN: 'G|missense_variant|MODERATE|BRCA2',
    });
    expect(rowsOf(snv!.rows, 'genotype')).toEqual([
      {
        table: 'genotype',
        row: { variant_id: v.variant_id, gt: '0/1', zygosity: 'heterozygous' },
        personRef: { system: ctx.personIdentifierSystem, value: 'S1' },
      },
      {
        table: 'genotype',
        row: { variant_id: v.variant_id, gt: '1/1', zygosity: 'homozygous' },
        personRef: { system: ctx.personIdentifierSystem, value: 'S3' },
      },
    ]);

    if (!multi!.ok) throw new Error(multi!.reason);
    const variants = rowsOf(multi!.rows, 'variant').map((r) => r.row);
    expect(variants.map((r) => [r.start0, r.ref, r.alt, r.variant_type])).toEqual([
      [199, 'GA', 'G', 'DEL'],
      [199, 'GAA', 'G', 'DEL'],
      [199, 'G', 'GA', 'INS'],
    ]);
    expect(variants.map((r) => JSON.parse(r.info as string))).toEqual([
      { AF: 0.1, AD: [5, 1] },
      { AF: 0.2, AD: [5, 2] },
      { AF: 0.3, AD: [5, 3] },
    ]);
    expect(
      rowsOf(multi!.rows, 'genotype').map((r) => [r.row.variant_id, r.personRef!.value, r.row.gt]),
    ).toEqual([
      [variants[0]!.variant_id, 'S1', '1|0'],
      [variants[1]!.variant_id, 'S1', '0|1'],
      [variants[2]!.variant_id, 'S2', '0|1'],
    ]);
    expect(multi!.key).not.toBe(snv!.key);

    expect(monomorphic).toMatchObject({ ok: true, rows: [] });
    expect(badPos).toEqual({ ok: false, reason: "POS 'x1' is not a positive integer" });
    expect(badGt).toEqual({ ok: false, reason: "sample S1: GT '0/2' names allele 2 but ALT has 1" });
    expect(shortLine).toEqual({
      ok: false,
      reason: 'line has 11 tab-separated column(s), the header declares 12',
    });
    expect(badAlt).toEqual({ ok: false, reason: "ALT 'Q' is neither a sequence, a symbolic allele nor '*'" });
  });

  it('rejects a file whose header is not VCF 4.x, once', async () => {
    const records = await readAll(
      write(
        'b.vcf',
        '##fileformat=VCFv3.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr1\t1\t.\tA\tG\t.\t.\t.\n',
      ),
    );
    expect(records).toEqual([
      {
        file: join(dir, 'b.vcf'),
        line: 1,
        recordType: 'variant',
        parseError: "VCF header: ##fileformat is 'VCFv3.3', expected VCFv4.x as the first line",
      },
    ]);
  });

  it('defaults the assembly to GRCh38 and reads a sites-only VCF', async () => {
    const records = await readAll(
      write(
        'c.vcf',
        '##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n7\t5\t.\tCATG\tCGCG\t.\t.\tGENE=ABC\n',
      ),
    );
    const result = vcfAdapter.map(records[0]!, ctx);
    expect(result).toMatchObject({
      ok: true,
      rows: [
        {
          table: 'variant',
          row: {
            assembly: 'GRCh38',
            chrom: '7',
            start0: 5,
            ref: 'AT',
            alt: 'GC',
            variant_type: 'MNP',
            gene: 'ABC',
          },
        },
      ],
    });
  });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(text) : text);
  return path;
}
