import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore } from '@openehds/analytics';
import { defaultConformanceDir } from '@openehds/standards';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest';
import type { MapContext } from '../../types';
import { vcfAdapter } from './adapter';

/**
 * Per-variant allele counts stored at ingest (`ac`, `an`, `carriers` on `variant`) against bcftools:
 * AC and AN from `bcftools +fill-tags -- -t AC,AN`, carriers counted from the genotypes bcftools prints.
 */

function hasFillTags(): boolean {
  try {
    return execFileSync('bcftools', ['plugin', '-l']).toString().includes('fill-tags');
  } catch {
    return false;
  }
}
const fillTags = hasFillTags();
if (!fillTags && process.env.CI === 'true')
  throw new Error('bcftools with its fill-tags plugin is required in CI (Debian package bcftools)');
if (!fillTags) console.warn('skipping the allele count oracle: bcftools +fill-tags is not available');

const dir = mkdtempSync(join(tmpdir(), 'vcf-ac-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx: MapContext = { personIdentifierSystem: 'urn:example:sample', datasetId: 'ds' };

const VCF =
  [
    '##fileformat=VCFv4.2',
    '##contig=<ID=1>',
    '##contig=<ID=X>',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1', 'S2', 'S3', 'S4'].join(
      '\t',
    ),
    '1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t1/1\t0/0\t./.', // a missing call adds nothing to AN
    '1\t200\t.\tGAA\tGA,G,GAAA\t.\tPASS\t.\tGT\t1|2\t0|3\t./.\t2/2',
    '1\t300\t.\tC\tT,A\t.\tPASS\t.\tGT\t./1\t1/.\t2/1\t0/0', // half-missing calls
    'X\t400\t.\tC\tT\t.\tPASS\t.\tGT\t1\t0\t0/1\t.', // haploid calls
    '1\t500\t.\tT\tC\t.\tPASS\t.\tGT\t0/0\t0/0\t0/0\t0/0', // nobody carries it
  ].join('\n') + '\n';

/** Our counts per record, one `ac an carriers` list per ALT, from the adapter's variant rows in order. */
async function ours(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const record of vcfAdapter.read(path)) {
    const r = vcfAdapter.map(record, ctx);
    if (!r.ok) throw new Error(r.reason);
    const v = r.rows.filter((x) => x.table === 'variant').map((x) => x.row);
    out.push(`${v.map((x) => x.ac).join(',')} ${v[0]?.an} ${v.map((x) => x.carriers).join(',')}`);
  }
  return out;
}

/** bcftools' counts: AC,AN by fill-tags; carriers per ALT from the GTs it prints. */
function theirs(path: string): string[] {
  const filled = join(dir, 'filled.vcf');
  execFileSync('bcftools', ['+fill-tags', path, '-Ov', '-o', filled, '--', '-t', 'AC,AN'], {
    stdio: 'ignore',
  });
  return execFileSync('bcftools', ['query', '-f', '%AC %AN %ALT[ %GT]\\n', filled], { maxBuffer: 1 << 28 })
    .toString()
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [ac, an, alt, ...gts] = line.split(' ');
      const carriers = alt!.split(',').map(
        (_, k) =>
          gts.filter((gt) =>
            gt
              .split(/[/|]/)
              .map(Number)
              .includes(k + 1),
          ).length,
      );
      return `${ac} ${an} ${carriers.join(',')}`;
    });
}

describe.skipIf(!fillTags)('allele counts against bcftools +fill-tags', () => {
  it('counts AC, AN and carriers per split allele as bcftools does', async () => {
    const path = join(dir, 'ac.vcf');
    writeFileSync(path, VCF);
    const expected = theirs(path);
    expect(expected[1]).toBe('1,3,1 6 1,2,1'); // hand-checked: the multi-allelic site
    expect(await ours(path)).toEqual(expected);
  });

  it('stores them on the variant rows', async () => {
    const path = join(dir, 'ac-store.vcf');
    writeFileSync(path, VCF);
    const store = await openNodeStore(':memory:');
    try {
      await ingest([path], { store, datasetId: 'ds' });
      const rows = await store.all<{ p: number; alt: string; ac: number; an: number; carriers: number }>(
        `SELECT (start0 + 1)::INTEGER AS p, alt, ac, an, carriers FROM variant WHERE start0 IN (99, 399, 499)
         ORDER BY p`,
      );
      expect(rows).toEqual([
        { p: 100, alt: 'G', ac: 3, an: 6, carriers: 2 },
        { p: 400, alt: 'T', ac: 2, an: 4, carriers: 2 },
        { p: 500, alt: 'C', ac: 0, an: 8, carriers: 0 },
      ]);
    } finally {
      store.close();
    }
  });

  const fixture = join(defaultConformanceDir(), 'fixtures/vcf/test_1000G_hg38.vcf.gz');
  it.skipIf(!existsSync(fixture))(
    'agrees on the 1000 Genomes slice (3042 sites, 2548 samples)',
    async () => {
      const expected = theirs(fixture);
      const got = await ours(fixture);
      expect(got).toHaveLength(3042);
      const firstDifference = got.findIndex((g, i) => g !== expected[i]);
      expect(
        firstDifference === -1 ? 'none' : [firstDifference, got[firstDifference], expected[firstDifference]],
      ).toBe('none');
    },
    60_000,
  );
});
