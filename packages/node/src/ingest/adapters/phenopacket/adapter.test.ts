import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { MapContext, MappedRow, SourceRecord } from '../../types';
import { variantId } from '../vcf/map-record';
import { phenopacketAdapter } from './adapter';
import { defaultConformanceDir as conformanceDir } from '@openehds/standards';

const examples = join(conformanceDir(), 'phenopackets/v2/examples');
const present = existsSync(join(examples, 'covid19.json'));
if (!present && process.env.CI === 'true')
  throw new Error(`Phenopackets examples missing in CI: ${examples}`);
if (!present) console.warn(`skipping the Phenopackets example mapping tests: ${examples} not found`);

const dir = mkdtempSync(join(tmpdir(), 'ppkt-adapter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx: MapContext = { personIdentifierSystem: 'urn:example:patient-id', datasetId: 'ds-1' };

async function readAll(path: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of phenopacketAdapter.read(path)) out.push(r);
  return out;
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(text) : text);
  return path;
}

const rowsOf = (rows: MappedRow[], table: string) => rows.filter((r) => r.table === table).map((r) => r.row);

const minimal = (extra: Record<string, unknown> = {}) => ({
  id: 'pp-1',
  subject: { id: 'PAT-9', dateOfBirth: '1980-05-04T00:00:00Z', sex: 'FEMALE' },
  metaData: { created: '2024-01-10T12:00:00Z' },
  ...extra,
});

describe('phenopacketAdapter.detect', () => {
  it('recognises phenopacket keys and nothing else', () => {
    expect(phenopacketAdapter.detect('x.json', JSON.stringify(minimal()))).toBe(true);
    expect(phenopacketAdapter.detect('x.json', '{"resourceType":"Patient","subject":{}}')).toBe(false);
    expect(phenopacketAdapter.detect('x.vcf', '##fileformat=VCFv4.2')).toBe(false);
  });
});

describe.skipIf(!present)('phenopacketAdapter on the official examples', () => {
  it('reads a JSON array of both examples from a gzip file and maps covid19 in full', async () => {
    // Prepare
    const covid = readFileSync(join(examples, 'covid19.json'), 'utf8');
    const mcahs = readFileSync(join(examples, 'mcahs1.json'), 'utf8');
    const records = await readAll(write('both.json.gz', `[${covid},\n${mcahs}]`));
    // Execute
    const [c, m] = records.map((r) => phenopacketAdapter.map(r, ctx));
    // Assert
    // The second object starts on the line after the last line of `[<covid>,`.
    expect(records.map((r) => r.line)).toEqual([1, covid.split('\n').length + 1]);
    if (!c!.ok || !m!.ok) throw new Error('examples must map');
    const json = JSON.parse(covid);
    expect(c!.key).toBe('phenopacket:arbitrary.phenopacket.id');
    // No date of birth: the year comes from P70Y at last encounter, counted back from metaData.created 2021-08-17.
    expect(rowsOf(c!.rows, 'person')).toEqual([
      expect.objectContaining({
        gender_concept_id: 8507,
        year_of_birth: 1951,
        person_source_value: 'P123542',
        gender_source_value: 'MALE',
      }),
    ]);
    expect(rowsOf(c!.rows, 'death')).toEqual([
      expect.objectContaining({
        death_date: '2020-03-28',
        cause_source_value: 'MONDO:0100096',
        ehds_vocabulary: 'MONDO',
      }),
    ]);
    const obs = rowsOf(c!.rows, 'observation');
    expect(obs).toHaveLength(json.phenotypicFeatures.length);
    expect(obs[0]).toMatchObject({
      observation_source_value: 'HP:0032370',
      ehds_vocabulary: 'HPO',
      observation_date: '2021-08-17',
    });
    expect(obs[2]).toMatchObject({
      observation_source_value: 'HP:0001945',
      observation_date: '2020-03-17',
      observation_datetime: '2020-03-17 00:00:00',
    });
    expect(obs[5]).toMatchObject({ observation_source_value: 'HP:0003326', observation_date: '2020-03-18' });
    // The excluded diabetes is not a condition.
    expect(
      rowsOf(c!.rows, 'condition_occurrence').map((r) => [r.condition_source_value, r.condition_start_date]),
    ).toEqual([
      ['MONDO:0004994', '2021-08-17'],
      ['MONDO:0100096', '2020-03-17'],
    ]);
    expect(rowsOf(c!.rows, 'measurement')[1]).toMatchObject({
      measurement_source_value: 'LOINC:26474-7',
      ehds_vocabulary: 'LOINC',
      value_as_number: 0.7,
      range_low: 1,
      range_high: 4.5,
      unit_source_value: 'NCIT:C67245',
      measurement_date: '2020-03-20',
    });
    const treatments = json.medicalActions.filter((a: { treatment?: unknown }) => a.treatment);
    const doses = treatments.reduce(
      (n: number, a: { treatment: { doseIntervals?: unknown[] } }) =>
        n + Math.max(1, a.treatment.doseIntervals?.length ?? 0),
      0,
    );
    const drugs = rowsOf(c!.rows, 'drug_exposure');
    expect(drugs).toHaveLength(doses);
    expect(drugs[0]).toMatchObject({
      drug_source_value: 'NCIT:C722',
      quantity: 2,
      drug_exposure_start_date: '2020-03-20',
      drug_exposure_end_date: '2020-03-22',
      route_source_value: 'NCIT:C38284',
    });
    expect(rowsOf(c!.rows, 'procedure_occurrence').map((r) => r.procedure_source_value)).toEqual([
      'NCIT:C80473',
      'NCIT:C116648',
    ]);
    for (const r of c!.rows)
      expect(r.personRef).toEqual({ system: ctx.personIdentifierSystem, value: 'P123542' });
    // mcahs1: the diagnosis (OMIM) becomes a condition; its variant has only an HGVS expression, so no variant row.
    expect(rowsOf(m!.rows, 'condition_occurrence')).toEqual([
      expect.objectContaining({ condition_source_value: 'OMIM:158810', ehds_vocabulary: 'OMIM' }),
    ]);
    expect(rowsOf(m!.rows, 'variant')).toEqual([]);
  });
});

describe('phenopacketAdapter mapping and rejections', () => {
  it('maps a VCF-described variant to the same variant_id as the VCF adapter, with a genotype', async () => {
    const packet = minimal({
      interpretations: [
        {
          id: 'i1',
          progressStatus: 'SOLVED',
          diagnosis: {
            disease: { id: 'ORPHA:558', label: 'Marfan syndrome' },
            genomicInterpretations: [
              {
                subjectOrBiosampleId: 'PAT-9',
                interpretationStatus: 'CAUSATIVE',
                variantInterpretation: {
                  variationDescriptor: {
                    id: 'v1',
                    geneContext: { valueId: 'HGNC:3603', symbol: 'FBN1' },
                    vcfRecord: {
                      genomeAssembly: 'hg38',
                      chrom: 'chr15',
                      pos: '48474534',
                      ref: 'CAG',
                      alt: 'CG',
                    },
                    allelicState: { id: 'GENO:0000135', label: 'heterozygous' },
                  },
                },
              },
            ],
          },
        },
      ],
    });
    const records = await readAll(write('one.json', JSON.stringify(packet, null, 2)));
    const result = phenopacketAdapter.map(records[0]!, ctx);
    if (!result.ok) throw new Error(result.reason);
    // CAG>CG at 48474534: the shared suffix G is trimmed first, leaving CA>C (anchor C, A deleted).
    const id = variantId('GRCh38', '15', 48474533, 'CA', 'C');
    expect(rowsOf(result.rows, 'variant')).toEqual([
      expect.objectContaining({
        variant_id: id,
        chrom: '15',
        start0: 48474533,
        ref: 'CA',
        alt: 'C',
        variant_type: 'DEL',
        gene: 'FBN1',
      }),
    ]);
    expect(rowsOf(result.rows, 'genotype')).toEqual([
      { variant_id: id, gt: '0/1', zygosity: 'heterozygous' },
    ]);
    expect(rowsOf(result.rows, 'person')[0]).toMatchObject({
      year_of_birth: 1980,
      month_of_birth: 5,
      day_of_birth: 4,
      gender_concept_id: 8532,
    });
    expect(rowsOf(result.rows, 'condition_occurrence')[0]).toMatchObject({
      condition_source_value: 'ORPHA:558',
      ehds_vocabulary: 'ORPHA',
    });
  });

  it('rejects bad phenopackets in an NDJSON file with their line and every reason', async () => {
    const lines = [
      JSON.stringify(minimal({ phenotypicFeatures: [{ type: { id: 'HP:0001250' }, excluded: true }] })),
      JSON.stringify({ ...minimal(), subject: { sex: 'MALE' } }),
      JSON.stringify(minimal({ colour: 'blue', phenotypicFeatures: [{ type: { label: 'no id' } }] })),
      '{"id": "broken",}',
      JSON.stringify({ ...minimal({ phenotypicFeatures: [{ type: { id: 'HP:1' } }] }), metaData: {} }),
    ];
    const records = await readAll(write('many.ndjson', lines.join('\n') + '\n'));
    const results = records.map((r) => phenopacketAdapter.map(r, ctx));
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(results[0]).toMatchObject({ ok: true });
    if (results[0]!.ok)
      expect(rowsOf(results[0]!.rows, 'observation')[0]).toMatchObject({
        observation_source_value: 'HP:0001250',
        value_as_string: 'excluded',
        observation_date: '2024-01-10',
      });
    expect(results[1]).toEqual({
      ok: false,
      reason: 'invalid phenopacket: subject.id: required, it links the phenopacket to a person',
    });
    expect(results[2]).toMatchObject({ ok: false });
    expect((results[2] as { reason: string }).reason).toMatch(
      /^invalid phenopacket: colour: unknown field of Phenopacket; allowed: id, subject,/,
    );
    expect(results[3]).toMatchObject({ ok: false });
    expect((results[3] as { reason: string }).reason).toMatch(/^invalid JSON: /);
    expect(results[4]).toEqual({
      ok: false,
      reason:
        'phenopacket pp-1: phenotypicFeatures[0].onset: no calendar date and no metaData.created to fall back on',
    });
  });
});
