import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import type { BeaconAccess, BeaconVariantQuery } from '@openehds/core';
import { prepareTestExtract } from '../../analysis/test-fixture';
import { nationalIdPseudonym } from '../../opt-out/pseudonym';
import { applyOptOutKey, applyOptOutSync } from '../../opt-out/sync';
import { beaconIndexSettled, refreshBeaconIndex, runBeaconQuery } from './index';
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
  afterAll(async () => {
    if (store) await beaconIndexSettled(store); // a background build may still read it
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

/**
 * AC and AN against `bcftools +fill-tags -- -t AC,AN` on the normalised file cut to the samples the
 * Beacon may count (`bcftools view -s`): linked persons not opted out. The file has what makes AN differ
 * from 2 × carriers' persons: three samples homozygous for the reference at every site (no genotype
 * row anywhere), missing calls (`./.`, `0/.`, `./1`), haploid calls on chromosome 2 for two samples,
 * and one sample that is no person of the node (unlinked). Then one person opts out: AN drops by 2
 * where they have two called alleles, by 1 where one, and not at all where their call is missing.
 */
describe.skipIf(!hasTools)('Beacon allele counts and numbers against bcftools +fill-tags (oracle)', () => {
  const HOM_REF = ['H1', 'H2', 'H3'];
  const UNLINKED = 'U1';
  const OPTED_OUT = 'S2';
  const exact: BeaconAccess = { granularity: 'count', recordDatasets: [], minCount: 1, roundTo: 1 };
  let dir: string;
  let store: NodeStore;
  let fx: OracleFixture;

  /** bcftools' AC/AN per carried allele of the counted samples: `chrom:pos:ref:alt` → [AC, AN]. */
  const fillTags = (samples: string[]): Map<Key, [number, number]> => {
    const subset = execFileSync('bcftools', ['view', '-s', samples.join(','), '-Ov', fx.normalised], {
      maxBuffer: 1 << 26,
    });
    const out = execFileSync('bcftools', ['+fill-tags', '-', '--', '-t', 'AC,AN'], {
      input: subset,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const sites = new Map<Key, [number, number]>();
    for (const line of out.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [chrom, pos, , ref, alt, , , info] = line.split('\t') as string[];
      const tag = (k: string) =>
        Number(
          info!
            .split(';')
            .find((x) => x.startsWith(`${k}=`))!
            .slice(k.length + 1),
        );
      if (tag('AC') > 0) sites.set(`${chrom}:${pos}:${ref}:${alt}`, [tag('AC'), tag('AN')]);
    }
    return sites;
  };

  /** Our AC/AN for one allele, on the fast path (index) and the store path (a filter all persons pass). */
  const ours = async (key: Key) => {
    const [chrom, pos, ref, alt] = key.split(':') as [string, string, string, string];
    const variant: BeaconVariantQuery = {
      form: 'sequence',
      referenceName: chrom,
      start: [Number(pos) - 1],
      referenceBases: ref,
      alternateBases: alt,
    };
    const ask = async (filters: { id: string }[]) => {
      const [set] = await runBeaconQuery(
        store,
        beaconQuery({ entryType: 'genomicVariant', variant, filters }),
        exact,
        TEST_CONTEXT,
      );
      return set!;
    };
    await ask([]); // starts the first index build; once in, the fast answers come from the index
    await beaconIndexSettled(store); // (its fresh store path is checked against the index in refresh.test.ts)
    return { fast: await ask([]), slow: await ask([{ id: 'NCIT:C16576' }]) };
  };

  /** Every allele bcftools finds carried among `counted` has our AC and AN (both paths); no other exists. */
  const compare = async (counted: string[]) => {
    const expected = fillTags(counted);
    expect(expected.size).toBeGreaterThan(50);
    let compared = 0;
    for (const [key, [ac, an]] of expected) {
      const { fast, slow } = await ours(key);
      for (const set of [fast, slow]) {
        expect(set.exists, key).toBe(true);
        // The count granularity shows a frequency only where AN − AC reaches the minimum count (1).
        if (an - ac >= 1) expect(set.frequency, key).toMatchObject({ alleleCount: ac, alleleNumber: an });
        else expect(set.frequency, key).toBeUndefined();
      }
      if (an - ac >= 1) compared++;
    }
    expect(compared).toBeGreaterThan(50);
    // An allele carried only by samples the Beacon may not count does not exist for it.
    const all = fillTags([...ORACLE_SAMPLES, UNLINKED, ...HOM_REF]);
    const hidden = [...all.keys()].filter((k) => !expected.has(k));
    for (const key of hidden) expect((await ours(key)).fast.exists, key).toBe(false);
    return expected;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-beacon-an-oracle-'));
    fx = writeOracleFixture(dir, 23, {
      homRef: HOM_REF,
      missing: 0.12,
      haploidOn2: ['S7', 'S8'],
      extra: [UNLINKED],
    });
    store = await openNodeStore(join(dir, 'node.duckdb'));
    await ingestSamplesAndVcf(store, [...ORACLE_SAMPLES, ...HOM_REF], fx.vcf);
  }, 120_000);
  afterAll(async () => {
    if (store) await beaconIndexSettled(store); // a background build may still read it
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the file has missing and haploid calls; hom-ref samples have no genotype row, yet a roster row', async () => {
    const text = execFileSync('bcftools', ['view', '-H', fx.vcf], { encoding: 'utf8' });
    expect(text).toMatch(/\t\.\/\.(\t|$)/m);
    expect(text).toMatch(/\t0\/\.(\t|$)/m);
    const s7 = 9 + ORACLE_SAMPLES.indexOf('S7');
    const haploid = text
      .split('\n')
      .filter((l) => l.startsWith('2\t'))
      .map((l) => l.split('\t')[s7]);
    expect(haploid.length).toBeGreaterThan(0);
    for (const call of haploid) expect(call).toMatch(/^[0-9.]$/);
    const genotyped = await store.all<{ sample: string }>('SELECT DISTINCT sample FROM genotype');
    for (const s of HOM_REF) expect(genotyped.map((r) => r.sample)).not.toContain(s);
    const roster = await store.all<{ idx: number; sample: string; linked: boolean }>(
      'SELECT idx, sample, person_id IS NOT NULL AS linked FROM variant_sample ORDER BY idx',
    );
    expect(roster.map((r) => r.sample)).toEqual([...ORACLE_SAMPLES, UNLINKED, ...HOM_REF]);
    expect(roster.filter((r) => !r.linked).map((r) => r.sample)).toEqual([UNLINKED]);
  });

  it('AC and AN of every carried allele are bcftools +fill-tags over the linked samples', async () => {
    await compare([...ORACLE_SAMPLES, ...HOM_REF]);
  });

  it('after an opt-out, AN is bcftools +fill-tags without that person: 2 less where they were called', async () => {
    const before = fillTags([...ORACLE_SAMPLES, ...HOM_REF]);
    const key = 'opt-out-key-for-an-oracle-0123456789';
    await applyOptOutKey(store, {
      keyId: '0123456789abcdef',
      algorithm: 'HMAC-SHA256',
      format: 'national-id-v1',
      key,
    });
    await applyOptOutSync(store, {
      keyId: '0123456789abcdef',
      full: true,
      fromSeq: 0,
      toSeq: 1,
      asOf: '2030-05-01T00:00:00.000Z',
      periods: [
        {
          pseudonym: nationalIdPseudonym(key, OPTED_OUT),
          optedOutAt: '2030-01-01T00:00:00.000Z',
          reversedAt: null,
        },
      ],
    });
    refreshBeaconIndex(store);
    const after = await compare([...ORACLE_SAMPLES, ...HOM_REF].filter((s) => s !== OPTED_OUT));
    // The drop at each allele is the opted-out person's called alleles there: 2, 1 (`0/.`) or 0 (`./.`).
    const calls = new Map<Key, string>();
    const column = 9 + ORACLE_SAMPLES.indexOf(OPTED_OUT);
    for (const line of execFileSync('bcftools', ['view', '-H', fx.normalised], { encoding: 'utf8' }).split(
      '\n',
    )) {
      const c = line.split('\t');
      if (c.length > column) calls.set(`${c[0]}:${c[1]}:${c[3]}:${c[4]}`, c[column]!);
    }
    const drops = new Set<number>();
    for (const [k, [, an]] of after) {
      const called = calls
        .get(k)!
        .split(/[/|]/)
        .filter((a) => a !== '.').length;
      expect(before.get(k)![1] - an, k).toBe(called);
      drops.add(called);
    }
    expect([...drops].sort()).toEqual([0, 1, 2]);
  });
});
