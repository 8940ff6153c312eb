import {
  MAX_BASES_LENGTH as CORE_MAX_BASES,
  MAX_RANGE_BASES as CORE_MAX_RANGE,
  parsePostRequest,
} from '@openehds/core';
import { beaconRequestBody } from '@openehds/client';
import { describe, expect, it } from 'vitest';
import { planSearch, emptySearchForm, variantParameters } from './search-request';
import { MAX_BASES_LENGTH, MAX_RANGE_BASES, readVariantInput, type VariantInput } from './variant-input';
import { variantText } from './variant-text';

const read = (text: string): VariantInput => {
  const r = readVariantInput(text);
  expect(r, text).not.toBeNull();
  if (!r!.ok) throw new Error(`${text}: ${r!.error}`);
  return r!.input;
};
const error = (text: string): string => {
  const r = readVariantInput(text);
  if (!r || r.ok) throw new Error(`${text} was accepted`);
  return r.error;
};

describe('the variant box: alleles', () => {
  it.each([
    '17:43044295 G>A',
    'chr17:43044295G>A',
    'CHR17:43,044,295 g > a',
    '17-43044295-G-A',
    '17:43044295:G:A',
    '17 43044295 G>A',
  ])('reads %s as chromosome 17, VCF position 43044295, Beacon start 43044294', (text) => {
    expect(read(text)).toEqual({
      kind: 'allele',
      referenceName: '17',
      position: 43044295,
      start0: 43044294,
      referenceBases: 'G',
      alternateBases: 'A',
    });
  });

  it('reads indels, chrM as MT and X', () => {
    expect(read('chr7:117559590 ATCT>A')).toMatchObject({ referenceBases: 'ATCT', alternateBases: 'A' });
    expect(read('chrM:73 A>G')).toMatchObject({ referenceName: 'MT', start0: 72 });
    expect(read('x:100 C>T')).toMatchObject({ referenceName: 'X' });
  });

  it('names what is wrong with a bad allele', () => {
    expect(error('17:43044295 G>')).toMatch(/alternate bases after “>”/);
    expect(error('17:43044295 G>Z')).toMatch(/alternate bases “Z” may hold only A, C, G, T or N/);
    expect(error('17:43044295 G>G')).toMatch(/equal the reference/);
    expect(error(`17:1 ${'A'.repeat(MAX_BASES_LENGTH + 1)}>A`)).toMatch(/at most 1000/);
    expect(error('17:43044295 G/A')).toMatch(/could not read “G\/A” after the position.*REF>ALT/);
  });
});

describe('the variant box: positions and ranges', () => {
  it('converts a 1-based inclusive range to Beacon’s 0-based half-open interval', () => {
    expect(read('17:43044000-43045000')).toEqual({
      kind: 'range',
      referenceName: '17',
      from: 43044000,
      to: 43045000,
      start0: 43043999,
      end0: 43045000,
    });
    // One base: the variants that overlap it.
    expect(read('chr13:32340300')).toMatchObject({ kind: 'range', start0: 32340299, end0: 32340300 });
  });

  it('refuses position 0, reversed and over-wide ranges, and positions past every chromosome', () => {
    expect(error('17:0 G>A')).toMatch(/count from 1.*first base is 1/);
    expect(error('17:200-100')).toMatch(/ends \(100\) before it starts \(200\)/);
    expect(error(`1:1-${MAX_RANGE_BASES + 1}`)).toMatch(
      /spans 10,000,001 bases; at most 10,000,000 \(10 Mb\)/,
    );
    expect(read(`1:1-${MAX_RANGE_BASES}`)).toMatchObject({ start0: 0, end0: MAX_RANGE_BASES });
    expect(error('1:300000000')).toMatch(/past the end of every human chromosome/);
  });

  it('names an unknown chromosome and a missing position', () => {
    expect(error('chr23:100 G>A')).toMatch(/“chr23” names no chromosome: use 1–22, X, Y or MT/);
    expect(error('23:100')).toMatch(/“23” names no chromosome/);
    expect(error('chr17')).toMatch(/add a position after the chromosome, e.g. chr17:43044295/);
    expect(error('17')).toMatch(/add a position/);
    expect(error('17:abc')).toMatch(/give a position after chromosome 17/);
  });

  it('keeps the limits the Beacon enforces (core’s constants)', () => {
    expect(MAX_RANGE_BASES).toBe(CORE_MAX_RANGE);
    expect(MAX_BASES_LENGTH).toBe(CORE_MAX_BASES);
  });
});

describe('the variant box: genes', () => {
  it.each([
    ['BRCA1', 'BRCA1'],
    ['brca2', 'BRCA2'],
    ['HLA-A', 'HLA-A'],
    ['MT-ND1', 'MT-ND1'],
    ['HGNC:1100', 'HGNC:1100'],
    ['ENSG00000012048', 'ENSG00000012048'],
  ])('reads %s as gene %s', (text, geneId) => {
    expect(read(text)).toEqual({ kind: 'gene', geneId });
  });

  it('an empty box is no variant; gibberish gets the three forms as advice', () => {
    expect(readVariantInput('   ')).toBeNull();
    expect(error('what is this?')).toMatch(
      /allele \(17:43044295 G>A\), a range .* or a gene symbol \(BRCA1\)/,
    );
  });
});

describe('the query sent is one the Beacon parses to the same coordinates', () => {
  it.each([
    ['17:43057062 T>TG', 'sequence', { start: [43057061], referenceBases: 'T', alternateBases: 'TG' }],
    ['17:43044000-43045000', 'range', { start: [43043999], end: [43045000] }],
    ['BRCA1', 'gene', { geneId: 'BRCA1' }],
  ] as const)('%s → a %s query', (text, form, expected) => {
    const body = beaconRequestBody(variantParameters(read(text), 'GRCh37'));
    const parsed = parsePostRequest(body, { entryType: 'genomicVariant' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.query.variant).toMatchObject({ form, assemblyId: 'GRCh37', ...expected });
  });

  it('says in the echo which 0-based coordinates are sent', () => {
    expect(variantText(read('17:43057062 T>TG'))).toBe(
      'chromosome 17, position 43,057,062 (1-based) T>TG → start 43057061 (0-based)',
    );
    expect(variantText(read('17:43044000-43045000'))).toContain(
      '[43043999, 43045000) (0-based, end excluded)',
    );
  });
});

describe('planning a search', () => {
  it('requires a variant for a variant search, not for individuals', () => {
    const plan = planSearch(emptySearchForm(), false);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.issues.variant?.[0]).toMatch(/Give a variant/);
    const people = planSearch(
      { ...emptySearchForm(), entry: 'individuals', phenotypes: ['HP:0001250'] },
      true,
    );
    expect(people).toMatchObject({
      ok: true,
      entry: 'individuals',
      query: {
        filters: [{ id: 'HP:0001250' }],
        requestedGranularity: 'record',
        includeResultsetResponses: 'ALL',
      },
    });
  });

  it('adds sex as its NCIT term, asks yes/no when anonymous, and the Beacon accepts the filters', () => {
    const plan = planSearch(
      {
        ...emptySearchForm(),
        variant: 'chr13:32340300 GT>G',
        phenotypes: ['HP:0003002', 'HP:0003002'],
        sex: 'female',
      },
      false,
    );
    if (!plan.ok) throw new Error('refused');
    expect(plan.query.filters).toEqual([{ id: 'HP:0003002' }, { id: 'NCIT:C16576' }]);
    expect(plan.query.requestedGranularity).toBe('boolean');
    expect(plan.query.includeResultsetResponses).toBeUndefined();
    const parsed = parsePostRequest(beaconRequestBody(plan.query), { entryType: 'genomicVariant' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.query.filters.map((f) => f.id)).toEqual(['HP:0003002', 'NCIT:C16576']);
  });

  it('passes the variant box’s message on, beside the field', () => {
    const plan = planSearch({ ...emptySearchForm(), variant: 'chr99:1' }, true);
    expect(plan).toEqual({
      ok: false,
      issues: { variant: [expect.stringMatching(/“chr99” names no chromosome/)] },
    });
  });
});
