import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Tests only: a seeded multi-sample VCF on a seeded reference (so `bcftools norm -f` can check and
 * normalise it), with SNPs, MNPs, insertions, deletions (one long), multi-allelic sites (a SNP and a
 * deletion at one position) and sites no sample carries. Indels are generated left-aligned (the anchor
 * base differs from the last inserted/deleted base), because ingest trims alleles but cannot left-align
 * without a reference; sites are 30 bases apart so no two overlap.
 */
export const ORACLE_SAMPLES = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'];
export const ORACLE_CHROMS = ['1', '2'];
const LENGTH = 3000;

export interface OracleFixture {
  /** bgzipped + tabix-indexed VCF as written (multi-allelic records not split). */
  vcf: string;
  /** The same after `bcftools norm -f ref.fa -m -any` (split, trimmed, left-aligned), indexed. */
  normalised: string;
  fasta: string;
}

/**
 * What makes allele numbers differ from 2 × samples (for the AN oracle): samples homozygous for the
 * reference at every site, calls missing whole or in part (`./.`, `0/.`, `1/.`) at the rate given, and
 * samples whose chromosome 2 calls are haploid (`0`, `1`, `.`), as male X calls are often written.
 */
export interface CallOptions {
  homRef?: string[];
  missing?: number;
  haploidOn2?: string[];
  /** Further samples with ordinary calls (e.g. one the test leaves unlinked). */
  extra?: string[];
}

/** Writes the fixture into `dir` and normalises it with bcftools. */
export function writeOracleFixture(dir: string, seed = 7, calls: CallOptions = {}): OracleFixture {
  let s = seed >>> 0 || 1;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(u() * xs.length)]!;
  const BASES = ['A', 'C', 'G', 'T'];
  const other = (b: string) => pick(BASES.filter((x) => x !== b));
  const refs = new Map(
    ORACLE_CHROMS.map((c) => [c, Array.from({ length: LENGTH }, () => pick(BASES)).join('')]),
  );
  const samples = [...ORACLE_SAMPLES, ...(calls.extra ?? []), ...(calls.homRef ?? [])];
  const homRef = new Set(calls.homRef);
  const haploid = new Set(calls.haploidOn2);
  const gt = (alts: number, carried: boolean, chrom: string) =>
    samples
      .map((sample) => {
        const haploidHere = chrom === '2' && haploid.has(sample);
        if (homRef.has(sample)) return haploidHere ? '0' : '0/0';
        const a = () => (!carried || u() < 0.6 ? 0 : 1 + Math.floor(u() * alts));
        const miss = calls.missing !== undefined && u() < calls.missing;
        if (haploidHere) return miss ? '.' : `${a()}`;
        if (!miss) return `${a()}/${a()}`;
        return pick(['./.', `${a()}/.`, `./${a()}`]);
      })
      .join('\t');
  const lines: string[] = [];
  for (const chrom of ORACLE_CHROMS) {
    const seq = refs.get(chrom)!;
    const at = (pos: number, n: number) => seq.slice(pos - 1, pos - 1 + n);
    for (let pos = 20; pos < LENGTH - 40; pos += 30) {
      const kind =
        chrom === '1' && pos === 980 ? 'longdel' : pick(['snp', 'snp', 'mnp', 'del', 'ins', 'multi']);
      const anchor = at(pos, 1);
      let ref = anchor;
      let alts: string[];
      if (kind === 'snp') alts = [other(anchor)];
      else if (kind === 'mnp') {
        ref = at(pos, 2);
        alts = [other(ref[0]!) + other(ref[1]!)];
      } else if (kind === 'ins') {
        const inserted = Array.from({ length: 1 + Math.floor(u() * 4) }, () => pick(BASES));
        inserted[inserted.length - 1] = other(anchor);
        alts = [anchor + inserted.join('')];
      } else {
        const k = kind === 'longdel' ? 12 : 1 + Math.floor(u() * 5);
        // Left-aligned only if the anchor differs from the last deleted base: move on if not.
        if (at(pos + k, 1) === anchor) continue;
        ref = at(pos, k + 1);
        alts = kind === 'multi' ? [other(anchor) + ref.slice(1), anchor] : [anchor];
      }
      const carried = u() < 0.85;
      lines.push(
        [chrom, pos, '.', ref, alts.join(','), '50', 'PASS', '.', 'GT', gt(alts.length, carried, chrom)].join(
          '\t',
        ),
      );
    }
  }
  const header = [
    '##fileformat=VCFv4.2',
    ...ORACLE_CHROMS.map((c) => `##contig=<ID=${c},length=${LENGTH},assembly=GRCh38>`),
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join('\t'),
  ];
  const fasta = join(dir, 'ref.fa');
  writeFileSync(
    fasta,
    ORACLE_CHROMS.map((c) => `>${c}\n${refs.get(c)!.replace(/(.{60})/g, '$1\n')}\n`).join(''),
  );
  const plain = join(dir, 'fixture.vcf');
  writeFileSync(plain, `${[...header, ...lines].join('\n')}\n`);
  execFileSync('bgzip', ['-f', plain]);
  const vcf = `${plain}.gz`;
  execFileSync('tabix', ['-f', '-p', 'vcf', vcf]);
  const normalised = join(dir, 'normalised.vcf.gz');
  execFileSync('bcftools', ['norm', '-f', fasta, '-m', '-any', '-Oz', '-o', normalised, vcf], {
    stdio: 'pipe',
  });
  execFileSync('tabix', ['-f', '-p', 'vcf', normalised]);
  return { vcf, normalised, fasta };
}
