import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { AppError } from '@openehds/core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest';
import type { SourceRecord } from '../../types';
import { bcfAdapter } from './adapter';

/** Malformed and truncated BCF: what is readable loads, the rest is quarantined naming where and why. */

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
if (!bcftools) console.warn('skipping the damaged-BCF tests: bcftools is not installed');

const dir = mkdtempSync(join(tmpdir(), 'bcf-damage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let store: NodeStore;
beforeEach(async () => {
  store = await openNodeStore(':memory:');
});
afterEach(() => store.close());

/** Enough records (at POS 1, 2, 3, ...) for the BGZF file to span several blocks. */
const N = 6000;
const VCF =
  [
    '##fileformat=VCFv4.2',
    '##contig=<ID=1>',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1', 'S2', 'S3'].join('\t'),
    ...Array.from({ length: N }, (_, i) => `1\t${i + 1}\t.\tA\tG\t.\tPASS\tDP=${i}\tGT\t0/1\t0/0\t1|1`),
  ].join('\n') + '\n';

function bcfBytes(compressed: boolean): Buffer {
  const vcf = join(dir, 'src.vcf');
  writeFileSync(vcf, VCF);
  return execFileSync('bcftools', ['view', '--no-version', compressed ? '-Ob' : '-Ou', vcf], {
    maxBuffer: 1 << 28,
  });
}

function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function positions(): Promise<number[]> {
  const rows = await store.all<{ p: number }>('SELECT (start0 + 1)::INTEGER AS p FROM variant ORDER BY p');
  return rows.map((r) => r.p);
}

async function quarantine(): Promise<{ line: number; reason: string; file: string }[]> {
  return store.all('SELECT line::INTEGER AS line, reason, file FROM quarantine ORDER BY line');
}

async function readAll(path: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of bcfAdapter.read(path)) out.push(r);
  return out;
}

/** Where record 1 starts and its length, read from a plain BCF (magic 5, l_text 4, text). */
function firstRecord(plain: Buffer): { at: number; length: number } {
  const at = 9 + plain.readUInt32LE(5);
  return { at, length: 8 + plain.readUInt32LE(at) + plain.readUInt32LE(at + 4) };
}

describe.skipIf(!bcftools)('damaged BCF', () => {
  it('keeps the records before a cut and quarantines the rest with the record and byte (plain BCF)', async () => {
    // Prepare: a plain BCF cut in the middle.
    const plain = bcfBytes(false);
    const path = write('cut.bcf', plain.subarray(0, Math.floor(plain.length / 2)));
    // Execute
    const report = await ingest([path], { store, datasetId: 'ds' });
    // Assert: a prefix of the records loaded, then one quarantined entry naming the next record.
    const loaded = await positions();
    expect(loaded.length).toBeGreaterThan(N / 3);
    expect(loaded.length).toBeLessThan(N);
    expect(loaded).toEqual(Array.from({ length: loaded.length }, (_, i) => i + 1));
    const q = await quarantine();
    expect(q).toHaveLength(1);
    expect(q[0]!.file).toBe(path);
    expect(q[0]!.line).toBe(loaded.length + 1);
    expect(q[0]!.reason).toMatch(
      new RegExp(
        `^${path}: BCF record ${loaded.length + 1} at byte \\d+ .*truncated.*records from here on are lost`,
      ),
    );
    expect(report).toMatchObject({ loaded: loaded.length, rejected: 1 });
  });

  it('quarantines a record that does not decode and reads on (its lengths frame it)', async () => {
    // Prepare: record 2's CHROM set to contig index 99, which the header does not have.
    const plain = Buffer.from(bcfBytes(false));
    const first = firstRecord(plain);
    const second = first.at + first.length;
    plain.writeInt32LE(99, second + 8);
    const path = write('bad-chrom.bcf', plain);
    // Execute
    await ingest([path], { store, datasetId: 'ds' });
    // Assert
    const loaded = await positions();
    expect(loaded).toHaveLength(N - 1);
    expect(loaded.includes(2)).toBe(false);
    expect(await quarantine()).toEqual([
      {
        file: path,
        line: 2,
        reason: `${path}: BCF record 2 at byte ${second} of the decompressed stream: CHROM index 99 is not in the header's contig dictionary`,
      },
    ]);
  });

  it('notices a BGZF file cut at a block boundary (no end-of-file marker) and keeps every record', async () => {
    const bgzf = bcfBytes(true);
    // The last 28 bytes are the empty end-of-file member (SAM spec §4.1.2).
    const path = write('no-eof.bcf', bgzf.subarray(0, bgzf.length - 28));
    const report = await ingest([path], { store, datasetId: 'ds' });
    expect(await positions()).toHaveLength(N);
    const q = await quarantine();
    expect(q).toHaveLength(1);
    expect(q[0]!.reason).toContain(`no BGZF end-of-file marker after BCF record ${N}`);
    expect(report).toMatchObject({ loaded: N, rejected: 1 });
  });

  it('reads the blocks before a BGZF block cut in the middle', async () => {
    // Prepare
    const bgzf = bcfBytes(true);
    const path = write('cut-block.bcf', bgzf.subarray(0, Math.floor(bgzf.length * 0.6)));
    // Execute: the adapter itself (see the next test for the pipeline).
    const records = await readAll(path);
    // Assert: whole records of the whole blocks, in order, then one error naming the damaged block.
    const good = records.filter((r) => r.parseError === undefined);
    expect(good.length).toBeGreaterThan(0);
    expect(good.map((r) => r.line)).toEqual(Array.from({ length: good.length }, (_, i) => i + 1));
    expect(records).toHaveLength(good.length + 1);
    expect(records.at(-1)!.parseError).toMatch(/ends inside the BGZF block at byte \d+ \(truncated\)/);
  });

  it('refuses a gzip file cut inside a member before loading anything (the pre-flight reads every member)', async () => {
    const bgzf = bcfBytes(true);
    const path = write('cut-block-run.bcf', bgzf.subarray(0, Math.floor(bgzf.length * 0.6)));
    const run = ingest([path], { store, datasetId: 'ds' });
    await expect(run).rejects.toBeInstanceOf(AppError);
    await expect(run).rejects.toThrow(path);
    expect(await positions()).toEqual([]);
  });

  it('fails the run with the file and byte when the header is unreadable', async () => {
    const header = Buffer.alloc(9);
    header.write('BCF\u0002\u0002', 0, 'latin1');
    header.writeUInt32LE(5000, 5); // header text announced, but the file ends here
    const path = write('short-header.bcf', header);
    const run = ingest([path], { store, datasetId: 'ds' });
    await expect(run).rejects.toThrow(
      `${path}: BCF header, byte 9: the header text (5000 bytes) is cut short`,
    );
    expect(await positions()).toEqual([]);
  });
});
