import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import type { BeaconVariantQuery } from '@openehds/core';
import { prepareTestExtract } from '../../analysis/test-fixture';
import { runBeaconQuery } from './index';
import { ORACLE_SAMPLES, writeOracleFixture, type OracleFixture } from './oracle-fixture';
import { ACCESS, beaconQuery, ingestSamplesAndVcf, TEST_CONTEXT, TEST_DATASET } from './test-store';

/**
 * Issue 5 §4: variant queries match `bcftools` on the same file. The oracle side is
 * `bcftools norm -f ref.fa -m -any` (split, trimmed, left-aligned — the fixture's indels are generated
 * left-aligned, so this equals what ingest stores) then `bcftools view -r chr:from-to`, which by default
 * (`--regions-overlap record`, bcftools ≥ 1.13) keeps records whose REF span overlaps the region: on
 * normalised records that is exactly Beacon's overlap of [start0, start0 + len(REF)) with [start, end),
 * so range `[start, end)` ↔ `-r chr:(start+1)-end`. On the file as written it is not: a multi-allelic
 * record's REF spans its longest allele, so bcftools on the raw file also returns the shorter alleles
 * of a record that only reaches the region by another allele (checked below, not hidden).
 * Only sites some sample carries (`GT="alt"`) exist for the Beacon, so the oracle filters on that.
 * Bracket queries have no bcftools form: bcftools reads the covering region, and the bracket bounds are
 * applied to its POS/REF by plain arithmetic here.
 */
const hasTools = (() => {
  try {
    execFileSync('bcftools', ['--version'], { stdio: 'ignore' });
    execFileSync('tabix', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasTools && process.env.CI === 'true')
  throw new Error('bcftools and tabix are required in CI (issue 5 §4)');
if (!hasTools) console.warn('bcftools/tabix not installed: the Beacon oracle test is skipped');

const PERMIT = 'P-ORACLE-1';
type Key = string; // chrom:pos:ref:alt, 1-based POS

function bcftools(file: string, region: string, include?: string): { key: Key; pos: number; ref: string }[] {
  const args = ['view', '-H', '-r', region, ...(include ? ['-i', include] : []), file];
  const out = execFileSync('bcftools', args, { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [chrom, pos, , ref, alt] = line.split('\t') as [string, string, string, string, string];
      return { key: `${chrom}:${pos}:${ref}:${alt}`, pos: Number(pos), ref };
    });
}

const CARRIED = 'GT="alt"';

describe.skipIf(!hasTools)('Beacon variant queries against bcftools (oracle)', () => {
  let dir: string;
  let store: NodeStore;
  let fx: OracleFixture;

  const ours = async (variant: BeaconVariantQuery): Promise<Key[]> => {
    const [set] = await runBeaconQuery(
      store,
      beaconQuery({ entryType: 'genomicVariant', variant }),
      ACCESS.permit(PERMIT),
      TEST_CONTEXT,
    );
    return (set!.results ?? [])
      .map((r) => {
        const v = r.variation as {
          location: { interval: { start: { value: number } } };
          referenceBases: string;
          alternateBases: string;
        };
        return `${(r.identifiers as { variantAlternativeIds: { id: string }[] }).variantAlternativeIds[0]!.id.split(':')[1]}:${v.location.interval.start.value + 1}:${v.referenceBases}:${v.alternateBases}`;
      })
      .sort();
  };
  const oracle = (region: string, include = CARRIED) =>
    bcftools(fx.normalised, region, include)
      .map((x) => x.key)
      .sort();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-beacon-oracle-'));
    fx = writeOracleFixture(dir);
    store = await openNodeStore(join(dir, 'node.duckdb'));
    await ingestSamplesAndVcf(store, ORACLE_SAMPLES, fx.vcf);
    await prepareTestExtract(store, { permitId: PERMIT, datasets: [TEST_DATASET], variables: [] });
  }, 120_000);
  afterAll(() => {
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the fixture has what the comparison needs: multi-allelic sites, indels, uncarried sites, the long deletion', () => {
    const raw = bcftools(fx.vcf, '1:1-3000,2:1-3000', undefined);
    const rawText = execFileSync('bcftools', ['view', '-H', fx.vcf], { encoding: 'utf8' });
    expect(rawText.split('\n').some((l) => l.split('\t')[4]?.includes(','))).toBe(true);
    expect(bcftools(fx.normalised, '1:1-3000', 'TYPE="indel"').length).toBeGreaterThan(5);
    expect(raw.length).toBeGreaterThan(bcftools(fx.vcf, '1:1-3000,2:1-3000', CARRIED).length);
    expect(raw.some((r) => r.pos === 980 && r.ref.length === 13)).toBe(true);
  });

  it('range queries return what bcftools -r returns, the whole chromosome included', async () => {
    for (const [chrom, start, end] of [
      ['1', 0, 3000],
      ['2', 0, 3000],
      ['1', 500, 900],
      ['2', 1234, 2345],
      ['1', 19, 20],
    ] as const) {
      const expected = oracle(`${chrom}:${start + 1}-${end}`);
      expect(expected.length).toBeGreaterThan(0);
      expect(await ours({ form: 'range', referenceName: chrom, start: [start], end: [end] })).toEqual(
        expected,
      );
    }
  });

  it('a deletion spanning the range boundary is found from either side, and an end equal to a start excludes it', async () => {
    // The long deletion: POS 980, REF of 13 bases → start0 979, end0 992 (0-based half-open).
    const del = (await ours({ form: 'range', referenceName: '1', start: [985], end: [986] })).find((k) =>
      k.startsWith('1:980:'),
    );
    expect(del).toBeDefined();
    expect(oracle('1:986-986')).toContain(del);
    // [991, 1000) still overlaps its last base; [992, 1000) does not; [900, 979) ends just before it.
    expect(await ours({ form: 'range', referenceName: '1', start: [991], end: [1000] })).toContain(del);
    expect(oracle('1:992-1000')).toContain(del);
    expect(await ours({ form: 'range', referenceName: '1', start: [992], end: [1000] })).not.toContain(del);
    expect(oracle('1:993-1000')).not.toContain(del);
    expect(await ours({ form: 'range', referenceName: '1', start: [900], end: [979] })).not.toContain(del);
    expect(oracle('1:901-979')).not.toContain(del);
  });

  it('on the file as written, bcftools -r also returns split alleles that do not reach the region', async () => {
    // A multi-allelic SNP+deletion: the record's REF spans the deletion; the SNP allele spans one base.
    const multi = execFileSync('bcftools', ['view', '-H', '-i', CARRIED, fx.vcf], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.split('\t'))
      .find((c) => c[4]?.includes(',') && c[3]!.length >= 3)!;
    const pos = Number(multi[1]);
    const tail = `${multi[0]}:${pos + 2}-${pos + 2}`; // inside the deletion, past the SNP
    const snp = `${multi[0]}:${pos}:${multi[3]![0]}:${multi[4]!.split(',')[0]![0]}`;
    expect(bcftools(fx.vcf, tail, undefined).some((r) => r.pos === pos)).toBe(true);
    const got = await ours({ form: 'range', referenceName: multi[0], start: [pos + 1], end: [pos + 2] });
    expect(got).not.toContain(snp);
    expect(got).toEqual(oracle(tail));
  });

  it('variantType filters match bcftools TYPE', async () => {
    const cases: [string, string][] = [
      ['SNP', 'TYPE="snp"'],
      ['MNP', 'TYPE="mnp"'],
      ['INDEL', 'TYPE="indel"'],
      ['DEL', 'TYPE="indel" && strlen(REF)>strlen(ALT)'],
      ['INS', 'TYPE="indel" && strlen(REF)<strlen(ALT)'],
    ];
    for (const [variantType, include] of cases) {
      const expected = oracle('1:1-3000', `${CARRIED} && ${include}`);
      expect(expected.length, variantType).toBeGreaterThan(0);
      expect(await ours({ form: 'range', referenceName: '1', start: [0], end: [3000], variantType })).toEqual(
        expected,
      );
    }
  });

  it('sequence queries find each carried allele exactly, and nothing at a near miss', async () => {
    const all = bcftools(fx.normalised, '2:1-3000', CARRIED);
    for (const v of all.slice(0, 40)) {
      const [chrom, , ref, alt] = v.key.split(':') as [string, string, string, string];
      const got = await ours({
        form: 'sequence',
        referenceName: `chr${chrom}`,
        start: [v.pos - 1],
        referenceBases: ref,
        alternateBases: alt,
      });
      expect(got).toEqual([v.key]);
      const miss = await ours({
        form: 'sequence',
        referenceName: chrom,
        start: [v.pos],
        referenceBases: ref,
        alternateBases: alt,
      });
      expect(miss).toEqual([]);
    }
  });

  it('bracket queries match bcftools over the covering region with the bracket bounds applied', async () => {
    for (const [chrom, s0, s1, e0, e1] of [
      ['1', 900, 1100, 900, 1200],
      ['2', 100, 2000, 105, 2010],
      ['1', 970, 985, 985, 1000],
    ] as const) {
      const expected = bcftools(fx.normalised, `${chrom}:${s0 + 1}-${e1}`, CARRIED)
        .filter(
          (r) =>
            r.pos - 1 >= s0 &&
            r.pos - 1 <= s1 &&
            r.pos - 1 + r.ref.length >= e0 &&
            r.pos - 1 + r.ref.length <= e1,
        )
        .map((r) => r.key)
        .sort();
      expect(await ours({ form: 'bracket', referenceName: chrom, start: [s0, s1], end: [e0, e1] })).toEqual(
        expected,
      );
    }
  });
});
