import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODED_TABLES, codingTable, OMOP_TABLE_NAMES, openNodeStore } from '@openehds/analytics';
import { defaultConformanceDir } from '@openehds/standards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectBatch, FormatAdapter, MapContext } from '../../types';
import { personIndexOf } from '../../pipeline/person-index';
import { RunStager } from '../../pipeline/stage-run';
import { loadTableColumns, type TableColumnInfo } from '../../pipeline/table-specs';
import { vcfAdapter } from './adapter';
import { vcfDirectStager } from './stage-direct';

/** The direct stager must stage byte for byte what `map` and the pipeline's row writers stage. */

const ctx: MapContext = { personIdentifierSystem: 'urn:example:sample', datasetId: 'ds' };

/** Lines the direct stager takes, and lines it must leave to `map` (after `// left to map`). */
const VCF = [
  '##fileformat=VCFv4.2',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="AF">',
  '##INFO=<ID=GENE,Number=1,Type=String,Description="Gene">',
  '##INFO=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
  '##INFO=<ID=DB,Number=0,Type=Flag,Description="dbSNP">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1', 'S"2', 'P1'].join('\t'),
  'chr1\t100\trs1\tA\tG\t50\tPASS\tAF=0.5;GENE=BRCA2\tGT:DP\t0/1:10\t0/0:3\t1|1:8',
  '1\t0200\t.\tgaa\tGA,G,GAAA\t.\tPASS\tAF=0.1,0.2,0.3\tGT\t1|2\t0|3\t./.',
  '1\t300\t.\tC\tT,A\t.\tPASS\t.\tGT\t./1\t1/.\t2/1',
  'X\t400\t.\tC\tT\t.\tPASS\t.\tGT\t1\t0\t.',
  'chrX\t500\t.\tCATG\tCGCG\t.\tPASS\t.\tGT\t0/1\t0/0\t0/0',
  'chrX\t600\t.\tT\tC\t.\tPASS\tAD=1,2;DB;AF=.;NOTE=a"b\\c\tGT\t0/0\t0/0\t0/0',
  'chrX\t100\trs1\tA\tG\t50\tPASS\tAF=0.5;GENE=BRCA2\tGT:DP\t0/1:10\t0/0:3\t1|1:8',
  'chrX\t100\trs1\tA\tG\t50\tPASS\tAF=0.5\tGT\t0/1\t0/0\t1|1', // the same record again: skipped
  // left to map: a repeated INFO key, symbolic and '*' alleles, polyploid, a bad POS, a short line
  '1\t1500\t.\tA\tG\t.\tPASS\tDP=3;DP=4\tGT\t0/1\t0/0\t0/0',
  '1\t700\t.\tN\t<DEL>\t.\tPASS\t.\tGT\t0/1\t0/0\t0/0',
  '1\t800\t.\tA\tG,*\t.\tPASS\t.\tGT\t0/1\t0/2\t0/0',
  '1\t900\t.\tA\tG\t.\tPASS\t.\tGT\t0/1/1\t0/0\t0/0',
  '1\t12a\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0\t0/0',
  '1\t1300\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0',
  '',
].join('\n');

let dir: string;
let columns: TableColumnInfo[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ehds-stage-direct-'));
  const store = await openNodeStore(':memory:');
  columns = await loadTableColumns(store, [
    ...OMOP_TABLE_NAMES,
    ...CODED_TABLES.map(codingTable),
    'variant',
    'genotype',
  ]);
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every batch staged from `file`, as text, and the report; P1 is a known person. */
async function stage(file: string, adapter: FormatAdapter, batchSize: number) {
  const stager = new RunStager(
    {
      ctx,
      batchId: 'b',
      batchSize,
      maxErrors: 100,
      columns,
      linkGenotypes: false,
      now: '2026-01-01 00:00:00',
    },
    personIndexOf([{ system: ctx.personIdentifierSystem, value: 'P1', person_id: 77 }]),
  );
  const batches: Record<string, string>[] = [];
  await stager.run(
    [{ sha256: 'x', path: file, format: 'vcf', bytes: 0 }],
    () => adapter,
    async (b) => {
      const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
      batches.push({
        ...Object.fromEntries(b.tables.map((t) => [t.table, text(t.bytes)])),
        keys: text(b.keys),
        quarantine: text(b.quarantine).replaceAll(/"\d{4}-[^"]*"|\d{4}-\d\d-\d\d [\d:.]+/g, ''),
      });
    },
  );
  return { batches, report: stager.report.snapshot() };
}

const withoutDirect: FormatAdapter = { ...vcfAdapter, directStager: undefined };

describe('vcfDirectStager', () => {
  it('stages the lines it takes as map and the row writers do, and leaves the others to map', async () => {
    // Prepare
    const file = join(dir, 'calls.vcf');
    writeFileSync(file, VCF);
    // Execute
    const direct = await stage(file, vcfAdapter, 4);
    const mapped = await stage(file, withoutDirect, 4);
    // Assert
    expect(direct).toEqual(mapped);
    expect(direct.report.byType).toEqual([['variant', { read: 14, loaded: 11, rejected: 2, skipped: 1 }]]);
    const staged = direct.batches.map((b) => b.variant ?? '').join('');
    // A known sample's genotype carries its person, an unknown one's none; quotes doubled.
    expect(direct.batches[0]!.genotype).toContain(',77,"P1","1|1","homozygous",,');
    expect(direct.batches[0]!.genotype).toContain(',,"S""2",');
    expect(staged).toContain('"{""AD"":[1,2],""DB"":true,""AF"":null,""NOTE"":""a\\""b\\\\c""}"');
  });

  const fixture = join(defaultConformanceDir(), 'fixtures/vcf/test_1000G_hg38.vcf.gz');
  const present = existsSync(fixture);
  if (!present && process.env.CI === 'true') throw new Error(`conformance fixture missing: ${fixture}`);

  it.skipIf(!present)('stages the 1000 Genomes slice (2,548 samples) as map does', async () => {
    const direct = await stage(fixture, vcfAdapter, 500);
    const mapped = await stage(fixture, withoutDirect, 500);
    expect(direct.batches.length).toBe(7);
    expect(direct).toEqual(mapped);
  });

  it('is not used when the store stages other variant or genotype columns', () => {
    const batch = (variant: string[]): DirectBatch =>
      ({
        columns: (t: string) =>
          t === 'variant'
            ? variant
            : ['variant_id', 'person_id', 'sample', 'gt', 'zygosity', 'ehds_batch', '_r'],
      }) as unknown as DirectBatch;
    const real = columns.filter((c) => c.table_name === 'variant').map((c) => c.column_name);
    const staged = [...real.filter((c) => c !== 'ehds_key'), '_r'];
    expect(vcfDirectStager(ctx, { ...batch(staged), sink: () => undefined } as never)).toBeTypeOf('function');
    expect(vcfDirectStager(ctx, batch([...staged.slice(0, -1), 'extra', '_r']))).toBeUndefined();
  });
});
