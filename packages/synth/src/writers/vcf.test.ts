import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { CONTIG_LENGTHS } from '../genome';
import { parseCsv } from '../test-helpers';

const root = await mkdtemp(join(tmpdir(), 'ehds-synth-vcf-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('VCF 4.2 genomic sub-cohort', () => {
  it('writes a well-formed, sorted multi-sample VCF named by person identifiers', async () => {
    // Prepare
    const vcfOut = join(root, 'vcf');
    await generate({
      patients: 600,
      seed: 11,
      out: vcfOut,
      format: 'vcf',
      country: 'FI',
      profile: 'biobank',
    });
    const fhirOut = join(root, 'fhir');
    await generate({
      patients: 600,
      seed: 11,
      out: fhirOut,
      format: 'fhir-ndjson',
      country: 'FI',
      profile: 'biobank',
    });
    const lines = (await readFile(join(vcfOut, 'cohort.vcf'), 'utf8')).trimEnd().split('\n');

    // Header
    expect(lines[0]).toBe('##fileformat=VCFv4.2');
    expect(lines).toContain('##reference=GRCh38');
    const head = lines.find((l) => l.startsWith('#CHROM')) as string;
    const cols = head.split('\t');
    expect(cols.slice(0, 9)).toEqual([
      '#CHROM',
      'POS',
      'ID',
      'REF',
      'ALT',
      'QUAL',
      'FILTER',
      'INFO',
      'FORMAT',
    ]);
    const samples = cols.slice(9);
    expect(samples.length).toBeGreaterThan(250); // a biobank sequences most participants
    expect(new Set(samples).size).toBe(samples.length);

    // Samples are the persons of the FHIR export of the same population
    const patients = (await readFile(join(fhirOut, 'Patient.ndjson'), 'utf8')).trimEnd().split('\n');
    const ids = new Set(
      patients.map((l) => (JSON.parse(l) as { identifier: { value: string }[] }).identifier[0]?.value),
    );
    for (const s of samples) expect(ids.has(s), s).toBe(true);

    // Records
    const contigs = Object.keys(CONTIG_LENGTHS);
    const records = lines.filter((l) => !l.startsWith('#'));
    expect(records.length).toBeGreaterThan(5);
    let last: [number, number] = [-1, 0];
    for (const r of records) {
      const f = r.split('\t');
      expect(f).toHaveLength(9 + samples.length);
      const [chrom, pos, id, ref, alt, , filter, info, format] = f as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const key: [number, number] = [contigs.indexOf(chrom), Number(pos)];
      expect(key[0]).toBeGreaterThanOrEqual(0);
      expect(key[1]).toBeLessThanOrEqual(CONTIG_LENGTHS[chrom] as number);
      expect(key[0] > last[0] || (key[0] === last[0] && key[1] > last[1])).toBe(true);
      last = key;
      expect(id).toMatch(/^rs\d+$/);
      expect(ref).toMatch(/^[ACGT]+$/);
      expect(alt).toMatch(/^[ACGT]+$/);
      expect(filter).toBe('PASS');
      expect(format).toBe('GT');
      const gts = f.slice(9);
      for (const gt of gts) expect(gt).toMatch(/^[01]\/[01]$/);
      const ac = gts.reduce((n, gt) => n + Number(gt[0]) + Number(gt[2]), 0);
      expect(info).toContain(`AC=${ac};AN=${samples.length * 2};`);
    }
  });

  it('carries BRCA pathogenic alleles more often in breast cancer cases (joined through OMOP by identifier)', async () => {
    // Prepare: the same population as VCF and as OMOP CSV.
    const common = { patients: 3000, seed: 5, country: 'ES', profile: 'cancer-registry' } as const;
    await generate({ ...common, out: join(root, 'reg-vcf'), format: 'vcf' });
    await generate({ ...common, out: join(root, 'reg-omop'), format: 'omop-csv' });
    const persons = parseCsv(await readFile(join(root, 'reg-omop', 'person.csv'), 'utf8')).slice(1);
    const conditions = parseCsv(
      await readFile(join(root, 'reg-omop', 'condition_occurrence.csv'), 'utf8'),
    ).slice(1);
    const sourceValue = new Map(persons.map((r) => [r[0], r[11]]));
    const cases = new Set(conditions.filter((r) => r[13] === 'C50.9').map((r) => sourceValue.get(r[1])));

    // Execute: count carriers of any BRCA1/BRCA2 variant per sample.
    const lines = (await readFile(join(root, 'reg-vcf', 'cohort.vcf'), 'utf8')).trimEnd().split('\n');
    const samples = (lines.find((l) => l.startsWith('#CHROM')) as string).split('\t').slice(9);
    const brca = lines.filter((l) => !l.startsWith('#') && /GENE=BRCA[12]$/.test(l.split('\t')[7] as string));
    expect(brca).toHaveLength(3);
    const carrier = new Set<string>();
    for (const l of brca)
      l.split('\t')
        .slice(9)
        .forEach((g, i) => g !== '0/0' && carrier.add(samples[i] as string));

    // Assert
    const sequencedCases = samples.filter((s) => cases.has(s));
    const sequencedOthers = samples.filter((s) => !cases.has(s));
    expect(sequencedCases.length).toBeGreaterThan(50);
    const rate = (xs: string[]): number => xs.filter((s) => carrier.has(s)).length / xs.length;
    expect(rate(sequencedCases)).toBeGreaterThan(rate(sequencedOthers));
    expect(rate(sequencedCases)).toBeGreaterThan(0.01);
  });
});
