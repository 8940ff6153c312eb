import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest, type IngestOptions } from './ingest';
import type { IngestReport } from './report';

/** Staging threads sharing a VCF run must load and report exactly what one thread does. */

const stores: NodeStore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const HEADER = [
  '##fileformat=VCFv4.2',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1', 'S2', 'S3'].join('\t'),
];

/** `n` data lines from `from`: SNVs, some multi-allelic, every 97th malformed. */
function lines(from: number, n: number): string[] {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const alt = i % 5 === 0 ? 'G,T' : 'G';
    const pos = i % 97 === 0 ? `${i}x` : String(i);
    out.push(`chr1\t${pos}\t.\tA\t${alt}\t.\tPASS\tDP=${i % 50}\tGT\t0|1\t${i % 2}/0\t0/0`);
  }
  return out;
}

function files(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ehds-stage-shared-'));
  dirs.push(dir);
  const write = (name: string, data: string[]) => {
    const p = join(dir, name);
    writeFileSync(p, [...HEADER, ...data, ''].join('\n'));
    return p;
  };
  return [
    // The record of line 4 again, 2,000 lines later: a later batch finds it loaded, in SQL.
    write('a.vcf', [...lines(1, 2000), lines(1, 1)[0]!, ...lines(2001, 999)]),
    write('b.vcf', lines(5001, 1500)),
  ];
}

async function run(paths: string[], opts: Partial<IngestOptions>) {
  const store = await openNodeStore(':memory:');
  stores.push(store);
  const report = await ingest(paths, { store, datasetId: 'd', ...opts });
  const q = (sql: string) => store.all<Record<string, unknown>>(sql);
  const contents = {
    variants: await q(
      `SELECT variant_id, start0, alt, info, ehds_file, ehds_line, ac, an FROM variant ORDER BY ALL`,
    ),
    genotypes: await q(`SELECT variant_id, sample, gt, zygosity FROM genotype ORDER BY ALL`),
    records: await q(`SELECT ehds_key FROM ingested_record ORDER BY ALL`),
    files: await q(`SELECT path FROM ingested_file ORDER BY ALL`),
    quarantine: await q(`SELECT file, line, reason FROM quarantine ORDER BY ALL`),
  };
  return { report, contents };
}

function withoutBatch(r: IngestReport): Omit<IngestReport, 'batchId'> {
  const { batchId: _, ...rest } = r;
  return rest;
}

describe('ingest staged by threads sharing a run', () => {
  it('loads, rejects, skips and reports what one thread does, batches cut in parts too', async () => {
    // Prepare
    const paths = files();
    const common = { batchSize: 700, maxErrors: 20 };
    // Execute
    const one = await run(paths, { ...common, stageInWorker: false });
    const shared = await run(paths, { ...common, stageInWorker: true, stageThreads: 2 });
    // 1,000-record batches past 20 kB staged are emitted in parts.
    const parts = await run(paths, {
      ...common,
      batchSize: 3000,
      batchBytes: 20_000,
      stageInWorker: true,
      stageThreads: 3,
    });
    // Assert
    // Every 97th line has a bad POS (46); the repeat is skipped.
    expect(one.report.byType.variant).toEqual({ read: 4500, loaded: 4453, rejected: 46, skipped: 1 });
    expect(one.report.errors).toHaveLength(20);
    expect(one.report.errorsOmitted).toBe(26);
    expect(one.contents.files).toHaveLength(2);
    expect(withoutBatch(shared.report)).toEqual(withoutBatch(one.report));
    expect(shared.contents).toEqual(one.contents);
    expect(withoutBatch(parts.report)).toEqual(withoutBatch(one.report));
    expect(parts.contents).toEqual(one.contents);
  });

  it('stages a run with other formats on one thread, as they may register persons', async () => {
    // Prepare: the VCF's S1 is a person of the same run.
    const [vcf] = files();
    const patient = join(dirs[0]!, 'Patient.ndjson');
    const identifier = [{ system: 'https://openehds.eu/sid/person', value: 'S1' }];
    writeFileSync(patient, JSON.stringify({ resourceType: 'Patient', id: 'p', identifier }) + '\n');
    // Execute
    const one = await run([patient, vcf!], { batchSize: 700, stageInWorker: false });
    const threads = await run([patient, vcf!], { batchSize: 700, stageInWorker: true, stageThreads: 2 });
    // Assert
    expect(withoutBatch(threads.report)).toEqual(withoutBatch(one.report));
    expect(threads.contents).toEqual(one.contents);
    expect(one.report.unlinkedSamples).toBe(2);
  });
});
