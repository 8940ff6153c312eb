import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { defaultConformanceDir } from '@openehds/standards';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from './ingest';

const UNIFYING = 'https://openehds.eu/sid/person';
let store: NodeStore;
let dir: string;

beforeEach(async () => {
  store = await openNodeStore(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'ehds-unlinked-test-'));
});
afterEach(() => store.close());

async function one<T>(sql: string, params?: unknown[]): Promise<T> {
  return (await store.all<T>(sql, params))[0]!;
}

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const patient = (id: string, sid: string) =>
  JSON.stringify({
    resourceType: 'Patient',
    id,
    gender: 'male',
    birthDate: '1970-01-01',
    identifier: [{ system: UNIFYING, value: sid }],
  });

/** A two-sample VCF: S1 carries both variants, S2 the second only. */
const VCF = [
  '##fileformat=VCFv4.2',
  '##reference=GRCh38',
  '##contig=<ID=chr1,length=248956422>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2',
  'chr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0|1\t0|0',
  'chr1\t200\t.\tC\tT\t.\tPASS\t.\tGT\t1|1\t0|1',
  '',
].join('\n');

describe('ingest: VCF samples that are not (yet) persons', () => {
  it('keeps genotypes of unknown samples unlinked, links a known one, and a later person links the rest', async () => {
    // Prepare: S1 is a person before the VCF; S2 is not.
    const p1 = write('Patient-1.ndjson', patient('a', 'S1') + '\n');
    const vcf = write('calls.vcf', VCF);
    // Execute
    const report = await ingest([p1, vcf], { store, datasetId: 'd1' });
    // Assert: every variant record loads; S2's genotypes are kept with person_id NULL and the sample name.
    expect(report.byType.variant).toEqual({ read: 2, loaded: 2, rejected: 0, skipped: 0 });
    expect(report.unlinkedSamples).toBe(1);
    const s1 = await one<{ person_id: number }>(
      `SELECT person_id FROM person_identifier WHERE system = $1 AND value = 'S1'`,
      [UNIFYING],
    );
    const rows = await store.all<{ sample: string; person_id: number | null }>(
      'SELECT sample, person_id FROM genotype ORDER BY sample, variant_id',
    );
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.sample === 'S1').map((r) => r.person_id)).toEqual([
      s1.person_id,
      s1.person_id,
    ]);
    expect(rows.filter((r) => r.sample === 'S2').map((r) => r.person_id)).toEqual([null]);

    // Execute: S2 arrives as a person in a later run.
    const p2 = write('Patient-2.ndjson', patient('b', 'S2') + '\n');
    const second = await ingest([p2], { store, datasetId: 'd1' });
    // Assert
    expect(second.unlinkedSamples).toBe(0);
    const s2 = await one<{ person_id: number }>(
      `SELECT person_id FROM person_identifier WHERE system = $1 AND value = 'S2'`,
      [UNIFYING],
    );
    const after = await store.all<{ person_id: number | null }>(
      `SELECT person_id FROM genotype WHERE sample = 'S2'`,
    );
    expect(after.map((r) => r.person_id)).toEqual([s2.person_id]);
    expect((await one<{ n: number }>('SELECT count(*) AS n FROM genotype WHERE person_id IS NULL')).n).toBe(
      0,
    );
  });

  it('still rejects a non-genotype record whose person is unknown', async () => {
    const obs = write(
      'Observation.ndjson',
      JSON.stringify({
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        subject: { reference: 'Patient/nobody' },
        code: { coding: [{ system: 'http://loinc.org', code: '2339-0' }] },
        effectiveDateTime: '2021-01-02',
        valueQuantity: { value: 5.4, unit: 'mmol/L' },
      }) + '\n',
    );
    const report = await ingest([obs], { store, datasetId: 'd1' });
    expect(report.byType.Observation).toEqual({ read: 1, loaded: 0, rejected: 1, skipped: 0 });
    expect(report.errors[0]!.reason).toMatch(/unknown person fhir:Patient\|nobody/);
    expect(report.unlinkedSamples).toBe(0);
  });
});

const fixture = join(defaultConformanceDir(), 'fixtures/vcf/test_1000G_hg38.vcf.gz');
const present = existsSync(fixture);
if (!present && process.env.CI === 'true') throw new Error(`conformance fixture missing in CI: ${fixture}`);
if (!present) console.warn(`skipping the 1000 Genomes ingest test: ${fixture} not found`);

describe.skipIf(!present)('ingest: the 1000 Genomes GRCh38 slice', () => {
  it('loads every record with no person known, then links HG00096 when it arrives as a FHIR Patient', async () => {
    // Prepare: expectations from the file itself (zcat + plain string operations).
    const lines = execFileSync('gzip', ['-dc', fixture], { maxBuffer: 1 << 28 })
      .toString('utf8')
      .split('\n');
    const data = lines.filter((l) => l !== '' && !l.startsWith('#'));
    const samples = lines
      .find((l) => l.startsWith('#CHROM'))!
      .split('\t')
      .slice(9);
    const s96 = samples.indexOf('HG00096');
    const carriesHg00096 = data.reduce((n, l) => {
      const cols = l.split('\t');
      const gt = cols[9 + s96]!.split(':')[0]!;
      // One genotype row per ALT allele the sample carries.
      return n + new Set(gt.split(/[|/]/).filter((a) => a !== '0' && a !== '.')).size;
    }, 0);
    // Execute
    const report = await ingest([fixture], { store, datasetId: 'kg' });
    // Assert
    expect(report.byType.variant).toEqual({ read: 3042, loaded: 3042, rejected: 0, skipped: 0 });
    expect(data).toHaveLength(3042);
    expect((await one<{ n: number }>('SELECT count(*) AS n FROM genotype')).n).toBe(711_594);
    const distinct = await one<{ n: number }>('SELECT count(DISTINCT sample) AS n FROM genotype');
    expect(report.unlinkedSamples).toBe(distinct.n);
    expect(distinct.n).toBeLessThanOrEqual(samples.length);
    expect(carriesHg00096).toBeGreaterThan(0);

    // Execute: HG00096 arrives as a FHIR Patient of the unifying identifier system.
    const p = write('Patient.ndjson', patient('hg00096', 'HG00096') + '\n');
    await ingest([p], { store, datasetId: 'kg' });
    // Assert: exactly that sample's genotypes now point at the new person; the others stay unlinked.
    const person = await one<{ person_id: number }>(
      `SELECT person_id FROM person_identifier WHERE system = $1 AND value = 'HG00096'`,
      [UNIFYING],
    );
    const linked = await store.all<{ sample: string; n: number }>(
      'SELECT sample, count(*)::INTEGER AS n FROM genotype WHERE person_id = $1 GROUP BY sample',
      [person.person_id],
    );
    expect(linked).toEqual([{ sample: 'HG00096', n: carriesHg00096 }]);
    expect((await one<{ n: number }>('SELECT count(*) AS n FROM genotype WHERE person_id IS NULL')).n).toBe(
      711_594 - carriesHg00096,
    );
  });
});
