import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MapContext } from '../../types';
import { vcfAdapter } from './adapter';

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
if (!bcftools) console.warn('skipping the multi-allelic split oracle: bcftools is not installed');

const dir = mkdtempSync(join(tmpdir(), 'vcf-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx: MapContext = { personIdentifierSystem: 'urn:example:sample', datasetId: 'ds-1' };

const MULTI = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=1>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1', 'S2', 'S3'].join('\t'),
  ['1', '200', '.', 'GAA', 'GA,G,GAAA', '.', 'PASS', '.', 'GT', '1|2', '0|3', './.'].join('\t'),
  ['1', '300', '.', 'C', 'T,A', '.', 'PASS', '.', 'GT', '2/2', '1/2', '0/1'].join('\t'),
  ['1', '400', '.', 'ACGT', 'ACGA,TCGT', '.', 'PASS', '.', 'GT', '1', '2/1', '0/2'].join('\t'),
  '',
].join('\n');

/** All rows the adapter makes of a file, as comparable strings. */
async function rowsOf(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const record of vcfAdapter.read(path)) {
    const result = vcfAdapter.map(record, ctx);
    if (!result.ok) throw new Error(result.reason);
    for (const r of result.rows) out.push(JSON.stringify([r.table, r.row, r.personRef ?? null]));
  }
  return out.sort();
}

describe.skipIf(!bcftools)('multi-allelic split against bcftools norm -m-', () => {
  it('gives the same variants and re-coded genotypes as splitting with bcftools first', async () => {
    // Prepare: the same records, split by bcftools into biallelic records.
    const original = join(dir, 'multi.vcf');
    writeFileSync(original, MULTI);
    const split = join(dir, 'split.vcf');
    writeFileSync(
      split,
      execFileSync('bcftools', ['norm', '-m-', original], { stdio: ['ignore', 'pipe', 'ignore'] }),
    );
    // Execute
    const ours = await rowsOf(original);
    const theirs = await rowsOf(split);
    // Assert: the `info` JSON is empty on both sides, so rows compare whole.
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });
});
