/**
 * Benchmark of a Beacon single-position allele query (issue 5, Benchmarks): p50 ≤ 1 ms in-process and
 * ≤ 5 ms over loopback HTTP on 10M variants, and ≤ 8× the per-lookup time of `bcftools view -R` run
 * batched on the same variants.
 *
 * Data: seeded synthetic variants over chromosomes 1–22 (SNPs, ~10% deletions of 1–3 bases), each with
 * two carriers among 100 persons, loaded straight into the node store's `variant`/`genotype` tables with
 * DuckDB SQL (`range()`), not through VCF ingest: ingesting 10M records is the ingest benchmark's job
 * and would dominate this run. The anchor's file is written from the same table (DuckDB COPY, then
 * bgzip + tabix): a sites-only VCF (no sample columns), so bcftools decodes no genotypes — the anchor
 * is the easier one for it. Ours: `runBeaconQuery` with sequence queries (chr, start, ref, alt) at
 * boolean (anonymous) and count (registered) granularity, after the in-memory index is built (its
 * build time is reported). Anchor: one `bcftools view -H -R regions.txt` over all lookups; per lookup
 * = total / lookups.
 *
 * Over HTTP: the node's real local API (`createNodeApi` with `nodeBeaconDeps`, as start-node.ts builds
 * it) listening on 127.0.0.1, port 0, over the same store; the same lookups as anonymous
 * `GET /api/beacon/g_variants?…` requests, one at a time over one keep-alive connection (fetch/undici),
 * each timed from send to parsed JSON body. Every request goes the product's whole way: caller
 * resolution, request parsing, the per-caller budget (in memory) and query log (written to the store in
 * batches), the engine, the
 * response builder, JSON. The bench configures the node's budget high enough for its own lookups (the
 * default, 60 an hour per address, is a guard against enumeration, which a benchmark is); it is not
 * switched off.
 *
 *   node --import tsx bench/beacon.ts [--scale k]     (k × 10,000,000 variants; --scale 0.01 for a quick run)
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import type { BeaconAccess, BeaconQuery } from '@openehds/core';
import {
  beaconIndexSettled,
  runBeaconQuery,
  type BeaconEngineContext,
} from '../packages/node/src/beacon/engine/index';
import { createNodeApi } from '../packages/node/src/api/routes';
import { createNodeServices } from '../packages/node/src/api/node-services';
import { nodeBeaconDeps } from '../packages/node/src/beacon/routes-deps';
import { BeaconQueryLog } from '../packages/node/src/beacon/budget-store';
import type { BudgetRule } from '../packages/node/src/beacon/budget';
import { parseNodeConfig } from '../packages/node/src/config';

const PERSONS = 100;
const CHROMS = 22;

/** A store with `variants` synthetic variants and the lookups to run on it (for this and the HTTP bench). */
export interface BeaconBenchData {
  store: NodeStore;
  dir: string;
  context: BeaconEngineContext;
  /** Sequence queries of existing variants, in random order. */
  lookups: BeaconQuery[];
  /** The same lookups as `chrom\tpos\tpos` lines, sorted (bcftools -R). */
  regionsFile: string;
  vcf: string;
  loadSeconds: number;
  close(): void;
}

const hash = (expr: string, salt: number) => `((${expr} * 2654435761 + ${salt * 1013904223}) % 1000003)`;

/** Builds the bench store (DuckDB file under a temp dir) and the anchor's VCF; `lookups` sampled with a seed. */
export async function buildBeaconBenchData(variants: number, lookups: number): Promise<BeaconBenchData> {
  const dir = mkdtempSync(join(tmpdir(), 'ehds-bench-beacon-'));
  const store = await openNodeStore(join(dir, 'node.duckdb'));
  const t0 = performance.now();
  const perChrom = Math.ceil(variants / CHROMS);
  await store.run(
    `INSERT INTO ingest_batch (batch_id, dataset_id, started_at, status) VALUES ('b1', 'bench', now(), 'DONE')`,
  );
  await store.run(
    `INSERT INTO person (person_id, gender_concept_id, year_of_birth, race_concept_id, ethnicity_concept_id, ehds_batch)
     SELECT i, CASE WHEN i % 2 = 0 THEN 8532 ELSE 8507 END, 1950 + i % 50, 0, 0, 'b1' FROM range(1, ${PERSONS + 1}) t(i)`,
  );
  const bases = `['A','C','G','T']`;
  await store.run(
    `INSERT INTO variant (variant_id, assembly, chrom, start0, ref, alt, variant_type)
     SELECT i + 1, 'GRCh38', CAST(1 + i // ${perChrom} AS VARCHAR), 10000 + (i % ${perChrom}) * 20 + ${hash('i', 1)} % 10,
       CASE WHEN ${hash('i', 2)} % 10 = 0 THEN b || substr('ACGTAC', 1 + ${hash('i', 3)} % 3, 1 + ${hash('i', 4)} % 3) ELSE b END,
       CASE WHEN ${hash('i', 2)} % 10 = 0 THEN b ELSE ${bases}[1 + (${hash('i', 5)} % 3 + list_position(${bases}, b)) % 4] END,
       CASE WHEN ${hash('i', 2)} % 10 = 0 THEN 'DEL' ELSE 'SNP' END
     FROM (SELECT i, ${bases}[1 + ${hash('i', 6)} % 4] AS b FROM range(0, ${variants}) t(i))`,
  );
  await store.run(
    `INSERT INTO genotype (variant_id, person_id, sample, gt, zygosity)
     SELECT i + 1, 1 + ${hash('i', 7)} % ${PERSONS}, 'S' || (1 + ${hash('i', 7)} % ${PERSONS}), '0/1', 'heterozygous' FROM range(0, ${variants}) t(i)
     UNION ALL
     SELECT i + 1, 1 + (${hash('i', 7)} + 1 + ${hash('i', 8)} % ${PERSONS - 1}) % ${PERSONS},
       'S' || (1 + (${hash('i', 7)} + 1 + ${hash('i', 8)} % ${PERSONS - 1}) % ${PERSONS}), '1/1', 'homozygous' FROM range(0, ${variants}) t(i)`,
  );
  const loadSeconds = (performance.now() - t0) / 1000;

  // The anchor's file: the same variants as a sites-only VCF, bgzipped and tabix-indexed.
  const body = join(dir, 'body.tsv');
  await store.run(
    `COPY (SELECT chrom, start0 + 1 AS pos, '.' AS id, ref, alt, '.' AS qual, 'PASS' AS filter, '.' AS info FROM variant
           ORDER BY CAST(chrom AS INTEGER), start0, ref, alt) TO '${body}' (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '')`,
  );
  const header = join(dir, 'header.vcf');
  writeFileSync(
    header,
    [
      '##fileformat=VCFv4.2',
      ...Array.from({ length: CHROMS }, (_, c) => `##contig=<ID=${c + 1},assembly=GRCh38>`),
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
      '',
    ].join('\n'),
  );
  const vcf = join(dir, 'variants.vcf.gz');
  execSync(`cat '${header}' '${body}' | bgzip -@ 2 > '${vcf}'`);
  execFileSync('tabix', ['-p', 'vcf', vcf]);
  rmSync(body);

  // Lookups: random existing variants (seeded), as Beacon sequence queries.
  const picked = await store.all<{ chrom: string; start0: number; ref: string; alt: string }>(
    `SELECT chrom, CAST(start0 AS DOUBLE) AS start0, ref, alt FROM variant
     WHERE variant_id IN (SELECT 1 + ${hash('i', 9)} * 7919 % ${variants} FROM range(0, ${lookups}) t(i))
     ORDER BY ${hash('CAST(variant_id AS BIGINT)', 10)}`,
  );
  const regionsFile = join(dir, 'regions.txt');
  writeFileSync(
    regionsFile,
    [...picked]
      .sort((a, b) => Number(a.chrom) - Number(b.chrom) || a.start0 - b.start0)
      .map((v) => `${v.chrom}\t${v.start0 + 1}\t${v.start0 + 1}\n`)
      .join(''),
  );
  return {
    store,
    dir,
    context: { datasetId: 'bench', assembly: 'GRCh38', identifierSystem: 'https://openehds.eu/sid/person' },
    lookups: picked.map((v) => ({
      entryType: 'genomicVariant',
      variant: {
        form: 'sequence',
        referenceName: v.chrom,
        start: [v.start0],
        referenceBases: v.ref,
        alternateBases: v.alt,
      },
      filters: [],
      requestedGranularity: 'count',
      includeResultsetResponses: 'HIT',
      skip: 0,
      limit: 10,
    })),
    regionsFile,
    vcf,
    loadSeconds,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)]!;

/** `GET /api/beacon/g_variants` query string of a sequence lookup. */
function lookupUrl(q: BeaconQuery): string {
  const v = q.variant as {
    referenceName: string;
    start: number[];
    referenceBases: string;
    alternateBases: string;
  };
  const params = new URLSearchParams({
    referenceName: v.referenceName,
    start: String(v.start[0]),
    referenceBases: v.referenceBases,
    alternateBases: v.alternateBases,
    assemblyId: 'GRCh38',
  });
  return `/api/beacon/g_variants?${params.toString()}`;
}

/**
 * Diagnostic only (`http_no_log_*` figures, never the goal's): a query log that writes nothing and
 * allows every query, to show how much of a request is the budget's and the query log's.
 */
class UnloggedQueries extends BeaconQueryLog {
  override async reserve(_entry: unknown, rule: BudgetRule) {
    return { decision: { allowed: true, limit: rule.limit, remaining: rule.limit - 1 }, seq: 0 };
  }
  override async finish(): Promise<void> {}
  override async record(): Promise<void> {}
  override async prune(): Promise<void> {}
}

/**
 * Per-request times (ms) of the lookups against the node's Beacon over loopback HTTP: one warm-up
 * pass, then a timed one. Every answer must say the (existing) variant exists. `queryLog: 'none'` is
 * the diagnostic run without the budget's store writes.
 */
export async function timeBeaconOverHttp(
  data: BeaconBenchData,
  options: { queryLog?: 'store' | 'none' } = {},
): Promise<number[]> {
  const config = parseNodeConfig({
    name: 'Bench node',
    country: 'FI',
    organisation: 'Bench data holder',
    dataDir: data.dir,
    hubUrl: 'http://127.0.0.1:9',
    datasetId: data.context.datasetId,
    personIdentifierSystem: data.context.identifierSystem,
  });
  // Every lookup twice (warm-up and timed) fits in the anonymous budget; the rule is the product's.
  const budget = { limit: 4 * data.lookups.length, windowSeconds: 3600 };
  const api = await createNodeApi({
    services: createNodeServices({ config, store: data.store, hub: () => null, log: () => undefined }),
    auth: { nodeId: () => null, hubPublicKey: () => null, operatorToken: 'bench-operator-token' },
    allowedOrigins: [],
    uploadDir: join(data.dir, 'uploads'),
    health: async () => ({ status: 'up' }),
    beacon: {
      ...nodeBeaconDeps({
        config,
        store: data.store,
        nodeId: () => null,
        hubPublicKey: () => null,
        policy: () => null,
        budgets: { anonymous: budget, registered: budget, permit_holder: budget },
      }),
      ...(options.queryLog === 'none' ? { log: new UnloggedQueries(data.store) } : {}),
    },
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  try {
    const address = api.server.address();
    if (!address || typeof address === 'string') throw new Error('the node API is not on a TCP port');
    const base = `http://127.0.0.1:${address.port}`;
    const urls = data.lookups.map(lookupUrl);
    const pass = async () => {
      const out: number[] = [];
      for (const url of urls) {
        const t = performance.now();
        const res = await fetch(base + url);
        const body = (await res.json()) as { responseSummary?: { exists: boolean } };
        out.push(performance.now() - t);
        if (res.status !== 200 || body.responseSummary?.exists !== true)
          throw new Error(`HTTP lookup ${url} answered ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
      return out;
    };
    await pass(); // warm-up (connection, JIT)
    return await pass();
  } finally {
    await api.close();
  }
}

async function main(): Promise<void> {
  const scaleArg = process.argv.indexOf('--scale');
  const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
  const variants = Math.max(
    10_000,
    Math.round(10_000_000 * (Number.isFinite(scale) && scale > 0 ? scale : 1)),
  );
  const data = await buildBeaconBenchData(variants, 2000);
  try {
    const anonymous: BeaconAccess = { granularity: 'boolean', recordDatasets: [], minCount: 10, roundTo: 10 };
    const registered: BeaconAccess = { ...anonymous, granularity: 'count' };
    // The first query starts building the in-memory index (variant-index.ts) and is answered from the
    // store meanwhile (refresh.ts); the build's time is until the index is in.
    const t0 = performance.now();
    await runBeaconQuery(data.store, data.lookups[0]!, anonymous, data.context);
    await beaconIndexSettled(data.store);
    const indexSeconds = (performance.now() - t0) / 1000;
    const time = async (access: BeaconAccess) => {
      const out: number[] = [];
      for (const q of data.lookups) {
        const t = performance.now();
        const [set] = await runBeaconQuery(data.store, q, access, data.context);
        out.push(performance.now() - t);
        if (!set?.exists)
          throw new Error(`lookup of an existing variant answered no: ${JSON.stringify(q.variant)}`);
      }
      return out;
    };
    await time(anonymous); // warm-up
    const oursBoolean = await time(anonymous);
    const oursCount = await time(registered);

    const runs: number[] = [];
    let lines = 0;
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      const out = execFileSync('bcftools', ['view', '-H', '-R', data.regionsFile, data.vcf], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      runs.push(performance.now() - t);
      lines = out.split('\n').filter(Boolean).length;
    }
    if (lines < data.lookups.length)
      throw new Error(`bcftools found ${lines} of ${data.lookups.length} lookups`);
    const anchorPerLookup = p(runs, 0.5) / data.lookups.length;
    const oursP50 = p(oursBoolean, 0.5);
    const http = await timeBeaconOverHttp(data);
    const httpNoLog = await timeBeaconOverHttp(data, { queryLog: 'none' });
    console.log(
      JSON.stringify({
        bench: 'beacon',
        variants,
        lookups: data.lookups.length,
        load_s: Number(data.loadSeconds.toFixed(2)),
        index_build_s: Number(indexSeconds.toFixed(2)),
        ours_p50_ms: Number(oursP50.toFixed(4)),
        ours_p90_ms: Number(p(oursBoolean, 0.9).toFixed(4)),
        ours_count_p50_ms: Number(p(oursCount, 0.5).toFixed(4)),
        http_p50_ms: Number(p(http, 0.5).toFixed(4)),
        http_p90_ms: Number(p(http, 0.9).toFixed(4)),
        // Diagnostic: the same requests with a query log that writes nothing (not the product's path).
        http_no_log_p50_ms: Number(p(httpNoLog, 0.5).toFixed(4)),
        anchor: 'bcftools view -R (batched, sites-only VCF)',
        anchor_per_lookup_ms: Number(anchorPerLookup.toFixed(4)),
        ratio: Number((oursP50 / anchorPerLookup).toFixed(3)),
        goal: { p50_ms: 1, http_p50_ms: 5, ratio: 8 },
        rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
      }),
    );
  } finally {
    data.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
