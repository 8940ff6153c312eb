import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { MapContext, MappedRow } from '../../types';
import { defaultConformanceDir as conformanceDir } from '@openehds/standards';
import { vcfAdapter } from './adapter';

const conformance = conformanceDir();
const fixture = join(conformance, 'fixtures/vcf/test_1000G_hg38.vcf.gz');
const present = existsSync(fixture);
if (!present && process.env.CI === 'true') throw new Error(`conformance fixture missing in CI: ${fixture}`);
if (!present)
  console.warn(`skipping the 1000 Genomes VCF tests: ${fixture} not found (set EHDS_CONFORMANCE_DIR)`);

function hasBcftools(): boolean {
  try {
    execFileSync('bcftools', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const ctx: MapContext = { personIdentifierSystem: 'urn:example:sample', datasetId: 'ds-1' };

/** Everything the adapter makes of the fixture, read once. */
async function ingestFixture() {
  let records = 0;
  const rejected: string[] = [];
  const variants: Record<string, unknown>[] = [];
  const genotypes: MappedRow[] = [];
  const lines: number[] = [];
  for await (const record of vcfAdapter.read(fixture)) {
    records++;
    lines.push(record.line);
    const result = vcfAdapter.map(record, ctx);
    if (!result.ok) {
      rejected.push(`${record.line}: ${result.reason}`);
      continue;
    }
    for (const r of result.rows) {
      if (r.table === 'variant') variants.push(r.row);
      else genotypes.push(r);
    }
  }
  return { records, rejected, variants, genotypes, lines };
}

describe.skipIf(!present)('vcfAdapter on the 1000 Genomes GRCh38 slice (BGZF)', () => {
  // Independent expectations, computed from the decompressed file with plain string operations.
  const text = present ? gunzipSync(readFileSync(fixture)).toString('utf8') : '';
  const allLines = text.split('\n').filter((l) => l !== '');
  const dataLines = allLines.filter((l) => !l.startsWith('#'));
  const headerLines = allLines.length - dataLines.length;
  const samples =
    allLines
      .find((l) => l.startsWith('#CHROM'))
      ?.split('\t')
      .slice(9) ?? [];
  const result = present ? ingestFixture() : Promise.reject(new Error('absent'));

  it('reads every record of every BGZF member, with right line numbers', async () => {
    const { records, rejected, lines } = await result;
    expect(dataLines.length).toBe(3042);
    expect(samples.length).toBe(2548);
    expect(records).toBe(dataLines.length);
    expect(rejected).toEqual([]);
    expect(lines[0]).toBe(headerLines + 1);
    expect(lines.at(-1)).toBe(headerLines + dataLines.length);
  });

  it('emits one variant per ALT allele and one genotype per non-reference call', async () => {
    const { variants, genotypes } = await result;
    const altCount = dataLines.reduce((n, l) => n + l.split('\t')[4]!.split(',').length, 0);
    expect(variants.length).toBe(altCount);
    const nonRef = dataLines.reduce(
      (n, l) =>
        n +
        l
          .split('\t')
          .slice(9)
          .filter((gt) => /[1-9]/.test(gt)).length,
      0,
    );
    expect(genotypes.length).toBe(nonRef);
    expect(new Set(genotypes.map((g) => g.personRef!.value)).size).toBeLessThanOrEqual(samples.length);
  });

  it('classifies variants consistently with the file’s own VT annotation', async () => {
    const { variants } = await result;
    dataLines.forEach((l, i) => {
      const vt = /VT=([A-Z]+)/.exec(l)?.[1];
      const type = variants[i]!.variant_type as string;
      if (vt === 'SNP') expect(type).toBe('SNP');
      else expect(['INS', 'DEL', 'INDEL', 'MNP']).toContain(type);
    });
  });

  it('matches hand-checked records', async () => {
    const { variants, genotypes } = await result;
    // chr22 10516173 A>G, the first record: 1-based POS 10516173 is start0 10516172.
    expect(variants[0]).toMatchObject({
      assembly: 'GRCh38',
      chrom: '22',
      start0: 10516172,
      ref: 'A',
      alt: 'G',
      variant_type: 'SNP',
    });
    expect(JSON.parse(variants[0]!.info as string)).toMatchObject({
      AC: 121,
      AN: 5096,
      AF: 0.02,
      VT: 'SNP',
      NS: 2548,
    });
    // The first sample carrying it is the 14th of the header (0|1): hand-read from the file.
    const firstCarrier = genotypes.find((g) => g.row.variant_id === variants[0]!.variant_id)!;
    expect(firstCarrier.personRef).toEqual({ system: ctx.personIdentifierSystem, value: samples[13] });
    expect(firstCarrier.row).toMatchObject({ gt: '0|1', zygosity: 'heterozygous' });
    // chr22 10530667 GA>G is a deletion, chr22 10531789 G>GATGAA an insertion, both anchored; the
    // first position also holds a G>A SNV, a multi-allelic site split upstream into two records.
    const at = (start0: number) =>
      variants.filter((v) => v.start0 === start0).map((v) => [v.ref, v.alt, v.variant_type]);
    expect(at(10530666)).toEqual(
      expect.arrayContaining([
        ['GA', 'G', 'DEL'],
        ['G', 'A', 'SNP'],
      ]),
    );
    expect(at(10531788)).toContainEqual(['G', 'GATGAA', 'INS']);
  });

  const bcftools = hasBcftools();
  if (!bcftools && process.env.CI === 'true')
    throw new Error('bcftools is required in CI (Debian package bcftools)');
  if (!bcftools)
    console.warn('skipping the bcftools oracle: bcftools is not installed (apt-get install bcftools)');

  it.skipIf(!bcftools)('agrees with bcftools on every non-reference call', async () => {
    const { variants, genotypes } = await result;
    // bcftools >= 1.7 prints only the samples matching a genotype filter.
    const oracle = execFileSync(
      'bcftools',
      ['query', '-i', 'GT="alt"', '-f', '[%POS %SAMPLE %GT\\n]', fixture],
      {
        maxBuffer: 1 << 28,
      },
    )
      .toString()
      .split('\n')
      .filter((l) => l !== '')
      .sort();
    const posOf = new Map(variants.map((v) => [v.variant_id, (v.start0 as number) + 1]));
    const ours = genotypes
      .map((g) => `${posOf.get(g.row.variant_id as number)} ${g.personRef!.value} ${g.row.gt}`)
      .sort();
    expect(ours).toEqual(oracle);
  });
});
