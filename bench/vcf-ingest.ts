/**
 * VCF ingest benchmark (DESIGN.md §6, issue 5 benchmarks): generates a seeded VCF of N variant records
 * (10M at scale 1) with 4 samples, then times in one run `bgzip -c file > file.gz && tabix -p vcf
 * file.gz` (the anchor: what a data holder does to ship and index the file) and our ingestion of the
 * same bgzipped file into a fresh node store, and prints one JSON line. Goal: ratio ≤ 3.
 *   npx tsx bench/vcf-ingest.ts [--variants 500000] [--scale k]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore } from '@openehds/analytics';
import { ingest } from '../packages/node/src/ingest/pipeline/ingest';

const SAMPLES = ['S1', 'S2', 'S3', 'S4'];
const BASES = 'ACGT';
// Roughly GRCh38's autosome sizes in Mb, to spread the records over chromosomes in proportion.
const CHROMS = [
  248, 242, 198, 190, 181, 171, 159, 145, 138, 134, 135, 133, 114, 107, 102, 90, 83, 80, 59, 64, 47, 51,
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
}

/**
 * Writes the VCF: mostly SNVs, some insertions, deletions and MNPs, 3% multi-allelic; genotypes drawn
 * from a per-site allele frequency (rare variants are the most common, as in real cohorts). Returns
 * the number of ALT alleles written (the variant rows expected).
 */
async function generate(path: string, records: number): Promise<number> {
  const rnd = mulberry32(5);
  const base = () => BASES[Math.floor(rnd() * 4)]!;
  const seq = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += base();
    return s;
  };
  const out = createWriteStream(path);
  let buf =
    [
      '##fileformat=VCFv4.2',
      ...CHROMS.map((mb, i) => `##contig=<ID=chr${i + 1},length=${mb * 1_000_000},assembly=GRCh38>`),
      '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">',
      '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...SAMPLES].join('\t'),
    ].join('\n') + '\n';
  const total = CHROMS.reduce((a, b) => a + b, 0);
  let written = 0;
  let alts = 0;
  for (let c = 0; c < CHROMS.length; c++) {
    const n = c === CHROMS.length - 1 ? records - written : Math.round((records * CHROMS[c]!) / total);
    // Mean gap chosen so the records fit the chromosome.
    const gap = Math.max(2, Math.floor((CHROMS[c]! * 1_000_000) / Math.max(1, n)) * 2 - 1);
    let pos = 10_000;
    for (let i = 0; i < n; i++) {
      pos += 1 + Math.floor(rnd() * gap);
      const kind = rnd();
      let ref: string;
      let alt: string;
      if (kind < 0.85) {
        ref = base();
        alt = BASES[(BASES.indexOf(ref) + 1 + Math.floor(rnd() * 3)) % 4]!;
      } else if (kind < 0.91) {
        ref = base();
        alt = ref + seq(1 + Math.floor(rnd() * 5));
      } else if (kind < 0.97) {
        ref = base() + seq(1 + Math.floor(rnd() * 5));
        alt = ref[0]!;
      } else {
        ref = base() + base();
        alt = `${ref[0] === 'A' ? 'C' : 'A'}${ref[1] === 'G' ? 'T' : 'G'},${ref[0]}`;
      }
      const nAlt = alt.includes(',') ? 2 : 1;
      alts += nAlt;
      const af = rnd() < 0.7 ? rnd() * 0.02 : rnd() * 0.5;
      let gts = '';
      for (let s = 0; s < SAMPLES.length; s++) {
        const a = rnd() < af ? 1 + Math.floor(rnd() * nAlt) : 0;
        const b = rnd() < af ? 1 + Math.floor(rnd() * nAlt) : 0;
        gts += rnd() < 0.01 ? '\t./.' : `\t${a}|${b}`;
      }
      const afText = nAlt === 2 ? `${af.toFixed(4)},0.0010` : af.toFixed(4);
      buf += `chr${c + 1}\t${pos}\trs${written + i + 1}\t${ref}\t${alt}\t${30 + Math.floor(rnd() * 70)}\tPASS\tDP=${10 + Math.floor(rnd() * 90)};AF=${afText}\tGT${gts}\n`;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
        buf = '';
      }
    }
    written += n;
  }
  out.end(buf);
  await new Promise<void>((r) => out.on('finish', () => r()));
  return alts;
}

const scale = arg('--scale') ?? 1;
const records = Math.round(
  arg('--variants') ?? Number(process.env.EHDS_BENCH_VCF_VARIANTS ?? 10_000_000 * scale),
);
const dir = await mkdtemp(join(tmpdir(), 'ehds-bench-vcf-'));
try {
  const vcf = join(dir, 'cohort.vcf');
  const expectedVariants = await generate(vcf, records);
  const gz = `${vcf}.gz`;

  // Each side starts with the page cache clean: otherwise the writeback of the files just written
  // (the generated VCF, the anchor's output) competes with the side being timed for the disk.
  spawnSync('sync');
  // The anchor: compress as BGZF and build the tabix index, as shipped by a data holder.
  let t = performance.now();
  const anchor = spawnSync('sh', ['-c', 'bgzip -c "$1" > "$1.gz" && tabix -p vcf "$1.gz"', 'sh', vcf], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const anchorS = (performance.now() - t) / 1000;
  if (anchor.status !== 0)
    throw new Error(`bgzip/tabix failed (${anchor.status}); are they installed (tabix)?`);

  // Ours: the same bgzipped file into a fresh node store on disk.
  spawnSync('sync');
  const store = await openNodeStore(join(dir, 'node.duckdb'));
  t = performance.now();
  const report = await ingest([gz], { store, datasetId: 'bench' });
  // Counted too: what is still in the write-ahead log is written to the database file now, not at close.
  await store.run('CHECKPOINT');
  const oursS = (performance.now() - t) / 1000;
  const [{ n }] = (await store.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM variant')) as [
    { n: number },
  ];
  store.close();
  if (report.loaded !== records || Number(n) !== expectedVariants)
    throw new Error(
      `loaded ${report.loaded} of ${records} records, ${n} of ${expectedVariants} variants: ${JSON.stringify(report.errors.slice(0, 3))}`,
    );
  console.log(
    JSON.stringify({
      bench: 'vcf-ingest',
      records,
      variants: expectedVariants,
      samples: SAMPLES.length,
      ours_s: +oursS.toFixed(2),
      anchor_s: +anchorS.toFixed(2),
      ratio: +(oursS / anchorS).toFixed(2),
      goal: 3,
    }),
  );
} finally {
  if (!process.env.EHDS_BENCH_KEEP) await rm(dir, { recursive: true, force: true });
  else console.error(`kept ${dir}`);
}
