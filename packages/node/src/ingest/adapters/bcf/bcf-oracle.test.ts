import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore } from '@openehds/analytics';
import { defaultConformanceDir } from '@openehds/standards';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest';
import type { FormatAdapter } from '../../types';
import { vcfAdapter } from '../vcf/adapter';
import { bcfAdapter } from './adapter';

/**
 * Oracle: bcftools converts a VCF to BCF in the test; ingesting the BCF (our decoder) must store exactly
 * the rows ingesting the VCF stores (provenance aside: the file, and the line, which for BCF is the
 * record's ordinal).
 */

function hasBcftools(): boolean {
  try {
    execFileSync('bcftools', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const bcftools = hasBcftools();
if (!bcftools && process.env.CI === 'true')
  throw new Error('bcftools is required in CI (Debian package bcftools)');
if (!bcftools) console.warn('skipping the BCF oracle: bcftools is not installed');

const dir = mkdtempSync(join(tmpdir(), 'bcf-oracle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every shape the decoder meets: types, missing values, vectors shorter than their slot, phasing. */
export const EDGE_VCF = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr1,length=248956422,assembly=GRCh38>',
  '##contig=<ID=chr2,length=242193529>',
  '##ALT=<ID=DEL,Description="Deletion">',
  '##FILTER=<ID=q10,Description="Quality below 10">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">',
  '##INFO=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
  '##INFO=<ID=DB,Number=0,Type=Flag,Description="dbSNP member">',
  '##INFO=<ID=GENE,Number=1,Type=String,Description="Gene symbol">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="End position">',
  '##INFO=<ID=SVLEN,Number=.,Type=Integer,Description="SV length">',
  '##INFO=<ID=BIG,Number=1,Type=Integer,Description="A value needing 32 bits">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##FORMAT=<ID=GQ,Number=1,Type=Float,Description="Quality">',
  '##FORMAT=<ID=FT,Number=1,Type=String,Description="Sample filter">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1', 'S2', 'S3'].join('\t'),
  // SNV, flags, float, string; a sample with a missing DP
  'chr1\t100\trs1\tA\tG\t50\tPASS\tDP=30;AF=0.25;DB;GENE=BRCA2\tGT:DP:GQ:FT\t0/1:10:30.5:PASS\t0/0:.:12:PASS\t1/1:8:7.25:lowq',
  // MNP written with context, filter, missing QUAL
  'chr1\t200\t.\tCATG\tCGCG\t.\tq10\tAF=0.5\tGT:DP\t0|1:5\t1|1:6\t0|0:7',
  // multi-allelic with Number=A/R vectors; a missing call
  'chr1\t300\t.\tGAA\tGA,G,GAAA\t12.5\tPASS\tAF=0.1,0.2,0.3;AD=5,1,2,3\tGT\t1|2\t0|3\t./.',
  // insertion, haploid call among diploid ones (end-of-vector padding), half-missing call
  'chr2\t400\t.\tT\tTCCG\t99\tPASS\tDP=70000\tGT:DP\t1\t0/1:300\t./1:2',
  // deletion; integer needing 32 bits
  'chr2\t500\t.\tTAC\tT\t.\t.\tBIG=100000\tGT\t0/1\t1/1\t0/0',
  // symbolic deletion with END and SVLEN
  'chr2\t1000\tsv1\tN\t<DEL>\t.\tPASS\tEND=2000;SVLEN=-1000\tGT\t0/1\t0/0\t1/1',
  // monomorphic site (no ALT)
  'chr2\t1500\t.\tC\t.\t.\tPASS\tDP=3\tGT\t0/0\t0/0\t0/0',
  '',
].join('\n');

/** The rows an adapter maps a file to, in order, as comparable lines. */
async function mappedRows(
  adapter: FormatAdapter,
  file: string,
): Promise<{ records: number; rows: string[]; stored: number }> {
  const ctx = { personIdentifierSystem: 'urn:example:sample', datasetId: 'ds' };
  const rows: string[] = [];
  let records = 0;
  let stored = 0;
  for await (const record of adapter.read(file)) {
    records++;
    const result = adapter.map(record, ctx);
    if (result.ok) stored += result.rows.length;
    rows.push(result.ok ? JSON.stringify([result.key, result.rows]) : `rejected: ${result.reason}`);
  }
  return { records, rows, stored };
}

/** Everything stored, provenance columns aside, as sorted comparable lines. */
async function storedRows(
  file: string,
): Promise<{ variants: string[]; keys: string[]; genotypes: string[]; report: unknown }> {
  const store = await openNodeStore(':memory:');
  try {
    const report = await ingest([file], { store, datasetId: 'ds' });
    const variants = await store.all<Record<string, unknown>>(
      `SELECT variant_id, assembly, chrom, start0, end0, ref, alt, variant_type, gene, info, ac, an, carriers
       FROM variant ORDER BY ALL`,
    );
    // A variant's record key is kept once, in ingested_record (table-specs.ts).
    const keys = await store.all<Record<string, unknown>>(
      'SELECT ehds_key FROM ingested_record ORDER BY ALL',
    );
    const genotypes = await store.all<Record<string, unknown>>(
      `SELECT variant_id, person_id, sample, gt, zygosity FROM genotype ORDER BY ALL`,
    );
    const show = (r: Record<string, unknown>) =>
      JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    return { variants: variants.map(show), keys: keys.map(show), genotypes: genotypes.map(show), report };
  } finally {
    store.close();
  }
}

describe.skipIf(!bcftools)('BCF ingestion against bcftools view -Ob', () => {
  it('stores the same variants and genotypes from the BCF as from the VCF (edge cases)', async () => {
    // Prepare: the VCF, and bcftools' BCF of it.
    const vcf = join(dir, 'edge.vcf');
    writeFileSync(vcf, EDGE_VCF);
    const bcf = join(dir, 'edge.bcf');
    execFileSync('bcftools', ['view', '--no-version', '-Ob', '-o', bcf, vcf], { stdio: 'ignore' });
    expect(readFileSync(bcf).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // BGZF
    // Execute
    const fromVcf = await storedRows(vcf);
    const fromBcf = await storedRows(bcf);
    // Assert: something was stored, and the same on both sides (the record key included, so one file
    // and the other into one dataset would not duplicate anything).
    expect(fromVcf.variants.length).toBe(8); // 1 + 1 + 3 split + 1 + 1 + 1; the monomorphic site has none
    expect(fromVcf.genotypes.length).toBeGreaterThan(10);
    expect(fromBcf.variants).toEqual(fromVcf.variants);
    expect(fromBcf.keys).toEqual(fromVcf.keys);
    expect(fromBcf.genotypes).toEqual(fromVcf.genotypes);
    expect(fromBcf.report).toMatchObject({ read: 7, loaded: 7, rejected: 0, files: [{ format: 'bcf' }] });
  });

  it('reads an uncompressed BCF alike', async () => {
    const vcf = join(dir, 'edge-u.vcf');
    writeFileSync(vcf, EDGE_VCF);
    // -Ou to a pipe writes plain BCF (to a file named .bcf, bcftools compresses whatever the flag).
    const bcf = join(dir, 'edge-u.bcf');
    writeFileSync(bcf, execFileSync('bcftools', ['view', '--no-version', '-Ou', vcf]));
    expect(readFileSync(bcf).subarray(0, 3).toString('latin1')).toBe('BCF');
    const fromBcf = await storedRows(bcf);
    const fromVcf = await storedRows(vcf);
    expect(fromBcf.variants).toEqual(fromVcf.variants);
    expect(fromBcf.genotypes).toEqual(fromVcf.genotypes);
  });

  const fixture = join(defaultConformanceDir(), 'fixtures/vcf/test_1000G_hg38.vcf.gz');
  it.skipIf(!existsSync(fixture))(
    'maps the 1000 Genomes slice as BCF to the same rows as its bgzipped VCF (2548 samples)',
    async () => {
      // Adapter level (what the shared pipeline then stores): the full pipeline twice on 700k rows
      // would make this the slowest test of the package.
      const bcf = join(dir, '1000g.bcf');
      execFileSync('bcftools', ['view', '--no-version', '-Ob', '-o', bcf, fixture], { stdio: 'ignore' });
      const fromVcf = await mappedRows(vcfAdapter, fixture);
      const fromBcf = await mappedRows(bcfAdapter, bcf);
      expect(fromVcf.records).toBe(3042);
      expect(fromBcf.records).toBe(3042);
      expect(fromVcf.stored).toBeGreaterThan(700_000); // variants and non-reference genotypes
      expect(fromBcf.stored).toBe(fromVcf.stored);
      // Element by element, not one huge diff.
      const firstDifference = fromVcf.rows.findIndex((r, i) => r !== fromBcf.rows[i]);
      expect(
        firstDifference === -1 ? 'none' : [fromVcf.rows[firstDifference], fromBcf.rows[firstDifference]],
      ).toBe('none');
    },
    60_000,
  );

  it('decodes each record to the line bcftools prints for it', async () => {
    // The decoder's VCF text, compared with `bcftools view` of the same BCF for the fields that are
    // printed the same way (floats aside: bcftools prints them with %g, equal as numbers).
    const vcf = join(dir, 'edge-t.vcf');
    writeFileSync(vcf, EDGE_VCF);
    const bcf = join(dir, 'edge-t.bcf');
    execFileSync('bcftools', ['view', '--no-version', '-Ob', '-o', bcf, vcf], { stdio: 'ignore' });
    const theirs = execFileSync('bcftools', ['view', '-H', bcf]).toString().trimEnd().split('\n');
    const ours: string[] = [];
    for await (const r of bcfAdapter.read(bcf)) ours.push(r.raw!);
    expect(ours).toEqual(theirs);
  });
});
