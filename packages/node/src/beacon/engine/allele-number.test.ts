import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import type { BeaconAccess, BeaconVariantQuery } from '@openehds/core';
import { ingestPersons } from '../../extract/test-fixture';
import { ingest } from '../../ingest/pipeline/ingest';
import { FIXTURE_ID_SYSTEM } from '../../extract/test-fixture';
import { alleleNumberOver, rosterKey } from './allele-number';
import { beaconIndexSettled, refreshBeaconIndex, runBeaconQuery } from './index';
import { beaconQuery, TEST_CONTEXT, TEST_DATASET } from './test-store';

describe('alleleNumberOver (pure)', () => {
  const rosters = new Map([
    [rosterKey('b1', 'a.vcf'), [1, 2, null, 3]],
    [rosterKey('b1', 'b.vcf'), [4, 1]],
  ]);
  const everyone = (p: number) => p > 0;

  it('counts two alleles per counted roster person, corrected by the listed calls', () => {
    const an = alleleNumberOver(rosters, everyone);
    expect(an([{ file: rosterKey('b1', 'a.vcf'), anExceptions: null }])).toBe(6);
    // Person 1 `./.` (0 called), the unlinked sample `0/.` (not counted), person 3 haploid (1 called).
    expect(an([{ file: rosterKey('b1', 'a.vcf'), anExceptions: '0:0,2:1,3:1' }])).toBe(3);
    // Two files holding the site: both rosters count.
    expect(
      an([
        { file: rosterKey('b1', 'a.vcf'), anExceptions: null },
        { file: rosterKey('b1', 'b.vcf'), anExceptions: '1:1' },
      ]),
    ).toBe(9);
  });

  it('leaves out persons the caller may not count, and is unknown without a roster', () => {
    const an = alleleNumberOver(rosters, (p) => p !== 2);
    expect(an([{ file: rosterKey('b1', 'a.vcf'), anExceptions: '1:0' }])).toBe(4);
    expect(an([{ file: rosterKey('b2', 'a.vcf'), anExceptions: null }])).toBeUndefined();
  });
});

// A VCF loaded before its persons, in batches of two records: the roster is written once, with the
// file's first rows, and linked when the persons arrive; hom-ref persons then count in AN.
describe('sample rosters through the real ingest', () => {
  let dir: string;
  let store: NodeStore;
  const samples = ['P1', 'P2', 'P3', 'P4'];
  const exact: BeaconAccess = { granularity: 'count', recordDatasets: [], minCount: 1, roundTo: 1 };
  const at = (pos: number, ref: string, alt: string): BeaconVariantQuery => ({
    form: 'sequence',
    referenceName: '1',
    start: [pos - 1],
    referenceBases: ref,
    alternateBases: alt,
  });
  const frequency = async (v: BeaconVariantQuery, filters: { id: string }[] = []) =>
    (
      await runBeaconQuery(
        store,
        beaconQuery({ entryType: 'genomicVariant', variant: v, filters }),
        exact,
        TEST_CONTEXT,
      )
    )[0]!.frequency;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-beacon-roster-'));
    const vcf = join(dir, 'calls.vcf');
    writeFileSync(
      vcf,
      [
        '##fileformat=VCFv4.2',
        '##contig=<ID=1,length=1000,assembly=GRCh38>',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join('\t'),
        // P4 is homozygous for the reference everywhere.
        '1\t10\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0\t./.\t0/0',
        '1\t20\t.\tC\tT,A\t.\tPASS\t.\tGT\t1/2\t0/.\t0/0\t0/0',
        '1\t30\t.\tG\tC\t.\tPASS\t.\tGT\t1\t0/0\t0/1\t0/0',
        '1\t40\t.\tT\tA\t.\tPASS\t.\tGT\t0/0\t1/1\t0/0\t0/0',
        '1\t50\t.\tA\tC\t.\tPASS\t.\tGT\t0/0\t0/0\t0/1\t0/0',
      ].join('\n') + '\n',
    );
    store = await openNodeStore(join(dir, 'node.duckdb'));
    await ingest([vcf], {
      store,
      datasetId: TEST_DATASET,
      personIdentifierSystem: FIXTURE_ID_SYSTEM,
      batchSize: 2,
    });
  }, 60_000);
  afterAll(async () => {
    if (store) await beaconIndexSettled(store); // a background build may still read it
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records the roster once per file, unlinked until the persons arrive, then linked', async () => {
    const rows = await store.all<{ sample: string; person_id: number | null }>(
      'SELECT sample, person_id FROM variant_sample ORDER BY idx',
    );
    expect(rows.map((r) => r.sample)).toEqual(samples);
    expect(rows.every((r) => r.person_id === null)).toBe(true);
    const [files] = await store.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM variant v JOIN variant_sample s USING (ehds_batch, ehds_file) WHERE s.idx = 0`,
    );
    expect(files!.n).toBe(6); // every variant row finds its file's roster
    refreshBeaconIndex(store);
    // Nobody is a person yet: nothing exists for the Beacon.
    expect(await frequency(at(10, 'A', 'G'))).toBeUndefined();

    await ingestPersons(
      store,
      TEST_DATASET,
      samples.map((s) => ({ id: `patient-${s}`, nationalId: s })),
    );
    const linked = await store.all<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM variant_sample WHERE person_id IS NOT NULL',
    );
    expect(linked[0]!.n).toBe(4);
  });

  it('counts AN as bcftools +fill-tags does: hom-ref persons in, missing and haploid calls out', async () => {
    refreshBeaconIndex(store);
    const everyone = [{ id: 'NCIT:C16576' }]; // all fixture persons are female: the store path
    for (const filters of [[], everyone]) {
      // `0/1 0/0 ./. 0/0`: AN 6, AC 1.
      expect(await frequency(at(10, 'A', 'G'), filters)).toMatchObject({ alleleCount: 1, alleleNumber: 6 });
      // Multi-allelic `1/2 0/. 0/0 0/0`: AN 7 for either allele.
      expect(await frequency(at(20, 'C', 'T'), filters)).toMatchObject({ alleleCount: 1, alleleNumber: 7 });
      expect(await frequency(at(20, 'C', 'A'), filters)).toMatchObject({ alleleCount: 1, alleleNumber: 7 });
      // Haploid `1`: AN 7.
      expect(await frequency(at(30, 'G', 'C'), filters)).toMatchObject({ alleleCount: 2, alleleNumber: 7 });
      expect(await frequency(at(40, 'T', 'A'), filters)).toMatchObject({ alleleCount: 2, alleleNumber: 8 });
    }
  });
});
