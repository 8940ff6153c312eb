import { describe, expect, it } from 'vitest';
import { parseGetRequest, parsePostRequest } from './parse-request';
import type { BeaconFilteringTerm } from './filtering-terms';

const g = (
  params: Record<string, unknown>,
  entryType: 'genomicVariant' | 'individual' | 'cohort' = 'genomicVariant',
) => parseGetRequest(params, { entryType });
const params = (r: ReturnType<typeof g>) => r.errors.map((e) => e.parameter).sort();

describe('GET requests', () => {
  it('reads the four query forms, normalising chromosome, bases, type and assembly', () => {
    // Sequence query: coordinates are Beacon's own (0-based), passed through unchanged.
    const seq = g({
      referenceName: 'chr17',
      start: '43044294',
      referenceBases: 'g',
      alternateBases: 'a',
      assemblyId: 'hg38',
    });
    expect(seq.errors).toEqual([]);
    expect(seq.query.variant).toEqual({
      form: 'sequence',
      referenceName: '17',
      start: [43044294],
      referenceBases: 'G',
      alternateBases: 'A',
      assemblyId: 'GRCh38',
    });
    const range = g({ referenceName: 'chrM', start: '100', end: '200', variantType: 'del' });
    expect(range.query.variant).toMatchObject({
      form: 'range',
      referenceName: 'MT',
      start: [100],
      end: [200],
      variantType: 'DEL',
    });
    const bracket = g({
      referenceName: 'NC_000023.11',
      start: '100,150',
      end: '500,600',
      variantType: 'DUP',
    });
    expect(bracket.errors).toEqual([]);
    expect(bracket.query.variant).toMatchObject({
      form: 'bracket',
      referenceName: 'X',
      start: [100, 150],
      end: [500, 600],
    });
    // Repeated keys count like a comma list.
    expect(g({ referenceName: '1', start: ['100', '150'], end: ['500', '600'] }).query.variant?.form).toBe(
      'bracket',
    );
    const gene = g({ geneId: 'BRCA1', variantMinLength: '1', variantMaxLength: '50' });
    expect(gene.query.variant).toEqual({
      form: 'gene',
      geneId: 'BRCA1',
      variantMinLength: 1,
      variantMaxLength: 50,
    });
    // The default model's OpenAPI spells it geneid.
    expect(g({ geneid: 'TP53' }).query.variant).toEqual({ form: 'gene', geneId: 'TP53' });
  });

  it('reads paging, granularity, result-set mode, datasets and filters, with Beacon defaults', () => {
    const d = g({ referenceName: '1', start: '5', end: '10' });
    expect(d.query).toMatchObject({
      requestedGranularity: 'boolean',
      includeResultsetResponses: 'HIT',
      skip: 0,
      limit: 10,
      filters: [],
    });
    const r = g({
      referenceName: '1',
      start: '5',
      end: '10',
      requestedGranularity: 'COUNT',
      includeResultsetResponses: 'all',
      skip: '20',
      limit: '50',
      datasets: 'fi-biobank,ee-genome',
      filters: 'HP:0001250, NCIT:C16576,age>=18,age!40',
    });
    expect(r.errors).toEqual([]);
    expect(r.query).toMatchObject({
      requestedGranularity: 'count',
      includeResultsetResponses: 'ALL',
      skip: 20,
      limit: 50,
      datasetIds: ['fi-biobank', 'ee-genome'],
      filters: [
        { id: 'HP:0001250' },
        { id: 'NCIT:C16576' },
        { id: 'age', operator: '>=', value: '18' },
        { id: 'age', operator: '!', value: '40' },
      ],
    });
  });

  it('names the parameter of each malformed coordinate', () => {
    expect(g({ referenceName: 'chr99', start: '1', end: '5' }).errors).toEqual([
      { parameter: 'referenceName', message: expect.stringMatching(/'chr99' names no chromosome/) },
    ]);
    expect(params(g({ referenceName: '1', start: 'abc', end: '5' }))).toEqual(['start']);
    expect(params(g({ referenceName: '1', start: '-3', end: '5' }))).toEqual(['start']);
    expect(params(g({ referenceName: '1', start: '1.5', end: '5' }))).toEqual(['start']);
    expect(params(g({ referenceName: '1', start: '1,2,3', end: '5' }))).toEqual(['start']);
    expect(params(g({ referenceName: '1', start: '10', end: '0' }))).toEqual(['end']);
    expect(params(g({ start: '10', end: '20' }))).toEqual(['referenceName']);
    expect(params(g({ referenceName: '1', end: '20' }))).toEqual(['start']);
    expect(params(g({ referenceName: '1', start: '10', referenceBases: 'XZ', alternateBases: 'A' }))).toEqual(
      ['referenceBases'],
    );
    expect(params(g({ referenceName: '1', start: '10', referenceBases: 'A' }))).toEqual(['alternateBases']);
    expect(params(g({ referenceName: '1', start: '10' }))).toEqual(['end']);
  });

  it('refuses start after end, reversed or half brackets, and says why', () => {
    const after = g({ referenceName: '1', start: '200', end: '100' });
    expect(after.errors).toEqual([{ parameter: 'start', message: 'start 200 is after end 100' }]);
    expect(g({ referenceName: '1', start: '100', end: '100' }).errors[0]!.message).toMatch(
      /0-based and half-open/,
    );
    expect(params(g({ referenceName: '1', start: '150,100', end: '500,600' }))).toEqual(['start']);
    expect(params(g({ referenceName: '1', start: '100,150', end: '600,500' }))).toEqual(['end']);
    expect(params(g({ referenceName: '1', start: '100,150', end: '600' }))).toEqual(['end']);
    expect(params(g({ referenceName: '1', start: '100', end: '500,600' }))).toEqual(['start']);
    expect(params(g({ referenceName: '1', start: '700,800', end: '500,600' }))).toEqual(['start']);
  });

  it('refuses ranges wider than 10 Mb with the reason, and accepts exactly 10 Mb', () => {
    const wide = g({ referenceName: '1', start: '0', end: '10000001' });
    expect(wide.errors).toHaveLength(1);
    expect(wide.errors[0]!.parameter).toBe('end');
    expect(wide.errors[0]!.message).toMatch(/10,000,001 bases; at most 10,000,000 \(10 Mb\).*enumeration/);
    expect(g({ referenceName: '1', start: '0', end: '10000000' }).errors).toEqual([]);
    expect(params(g({ referenceName: '1', start: '0,10', end: '20,10000001' }))).toEqual(['end']);
  });

  it('refuses unknown assemblies naming assemblyId, and accepts the aliases', () => {
    const bad = g({ referenceName: '1', start: '1', end: '2', assemblyId: 'hg17' });
    expect(bad.errors).toEqual([
      { parameter: 'assemblyId', message: "unknown assembly 'hg17'; use GRCh37, GRCh38, hg19, hg38" },
    ]);
    for (const [alias, name] of [
      ['hg19', 'GRCh37'],
      ['GRCh37.p13', 'GRCh37'],
      ['grch38', 'GRCh38'],
      ['hg38', 'GRCh38'],
    ])
      expect(
        g({ referenceName: '1', start: '1', end: '2', assemblyId: alias }).query.variant?.assemblyId,
      ).toBe(name);
  });

  it('refuses unknown variant types, bad lengths, gene plus location, and bare variant lists', () => {
    expect(g({ referenceName: '1', start: '1', end: '2', variantType: 'FOO' }).errors[0]).toMatchObject({
      parameter: 'variantType',
      message: expect.stringMatching(/unknown variant type 'FOO'; use one of SNP, MNP/),
    });
    expect(params(g({ geneId: 'BRCA1', variantMinLength: '10', variantMaxLength: '5' }))).toEqual([
      'variantMinLength',
    ]);
    expect(params(g({ geneId: 'BRCA1', referenceName: '17' }))).toEqual(['geneId']);
    expect(params(g({ geneId: 'BRCA 1' }))).toEqual(['geneId']);
    expect(params(g({ geneId: 'BRCA1', geneid: 'BRCA2' }))).toEqual(['geneid']);
    // Only a type, with nothing located: no enumeration of every deletion.
    expect(params(g({ variantType: 'DEL' }))).toEqual(['referenceName']);
    expect(params(g({}))).toEqual(['referenceName']);
    // Individuals may be listed without a variant (counts and booleans of a cohort).
    expect(g({}, 'individual').errors).toEqual([]);
  });

  it('caps limit, refuses unknown and unsupported parameters, and bad enum values, each by name', () => {
    const r = g({
      referenceName: '1',
      start: '1',
      end: '2',
      limit: '1000',
      skip: '-1',
      requestedGranularity: 'everything',
      includeResultsetResponses: 'SOME',
      foo: 'bar',
      aminoacidChange: 'V600E',
    });
    expect(params(r)).toEqual([
      'aminoacidChange',
      'foo',
      'includeResultsetResponses',
      'limit',
      'requestedGranularity',
      'skip',
    ]);
    expect(r.errors.find((e) => e.parameter === 'limit')!.message).toMatch(/cap of 100/);
    expect(params(g({ referenceName: '1', start: '1', end: '2', limit: '0' }))).toEqual(['limit']);
    // Variant parameters mean nothing for cohorts.
    expect(params(g({ referenceName: '1', start: '1', end: '2' }, 'cohort'))).toEqual([
      'end',
      'referenceName',
      'start',
    ]);
  });

  it('refuses filters the Beacon does not hold, when it knows its terms', () => {
    const terms: BeaconFilteringTerm[] = [
      { id: 'HP:0001250', type: 'ontologyTerm' },
      { id: 'age', type: 'alphanumeric' },
    ];
    const r = parseGetRequest(
      { filters: 'HP:0001250,HP:9999999,age>=x,age' },
      { entryType: 'individual', filteringTerms: terms },
    );
    expect(r.errors.map((e) => e.message)).toEqual([
      "unknown filter term 'HP:9999999'; GET /filtering_terms lists the terms this Beacon holds",
      "'x' is not a number (needed with >=)",
      'age is compared to a value: give an operator (= < > <= >= !) and a value',
      'nothing is not a value to compare with',
    ]);
    expect(r.errors.every((e) => e.parameter === 'filters')).toBe(true);
    expect(parseGetRequest({ filters: 'not-a-curie' }, { entryType: 'individual' }).errors).toHaveLength(1);
  });
});

describe('POST requests', () => {
  it('reads a flat beaconRequestBody, as the Beacon reference implementation sends it', () => {
    const r = parsePostRequest(
      {
        meta: {
          apiVersion: 'v2.0',
          requestedSchemas: [{ entityType: 'genomicVariant', schema: 'beacon-g_variant-v2.0.0' }],
        },
        query: {
          requestParameters: {
            referenceName: 'chr1',
            start: [1000, 1100],
            end: [2000, 2100],
            variantType: 'CNV',
          },
          filters: [{ id: 'age', operator: '<', value: '65', scope: 'individuals' }, 'HP:0001250'],
          includeResultsetResponses: 'MISS',
          pagination: { skip: 10, limit: 20 },
          requestedGranularity: 'record',
          testMode: true,
        },
      },
      { entryType: 'genomicVariant' },
    );
    expect(r.errors).toEqual([]);
    expect(r.query).toEqual({
      entryType: 'genomicVariant',
      variant: {
        form: 'bracket',
        referenceName: '1',
        start: [1000, 1100],
        end: [2000, 2100],
        variantType: 'CNV',
      },
      filters: [{ id: 'age', operator: '<', value: '65', scope: 'individual' }, { id: 'HP:0001250' }],
      requestedGranularity: 'record',
      includeResultsetResponses: 'MISS',
      skip: 10,
      limit: 20,
    });
    expect(r.received).toEqual({
      apiVersion: 'v2.0',
      requestedSchemas: [{ entityType: 'genomicVariant', schema: 'beacon-g_variant-v2.0.0' }],
      testMode: true,
    });
  });

  it('reads parameters grouped under g_variant (the default model schema) and datasets', () => {
    const r = parsePostRequest(
      {
        meta: { apiVersion: 'v2.0' },
        query: {
          requestParameters: {
            g_variant: { referenceName: '7', start: 140753335, referenceBases: 'A', alternateBases: 'T' },
            datasets: { datasetIds: ['fi-biobank'] },
          },
        },
      },
      { entryType: 'individual' },
    );
    expect(r.errors).toEqual([]);
    expect(r.query.variant).toEqual({
      form: 'sequence',
      referenceName: '7',
      start: [140753335],
      referenceBases: 'A',
      alternateBases: 'T',
    });
    expect(r.query.datasetIds).toEqual(['fi-biobank']);
  });

  it('names every fault by its path in the body', () => {
    const r = parsePostRequest(
      {
        meta: { apiVersion: 'v2.0', nonsense: 1 },
        query: {
          requestParameters: {
            referenceName: '1',
            start: [500],
            end: [100],
            assemblyId: 'NCBI36',
            colour: 'red',
          },
          filters: [
            { id: 'HP:0001250', similarity: 'high' },
            { operator: '=' },
            { id: 'age', operator: '~', value: '3' },
          ],
          pagination: { skip: 'x', limit: 101 },
          requestedGranularity: 'all',
          extra: true,
        },
      },
      { entryType: 'genomicVariant' },
    );
    expect(r.errors.map((e) => e.parameter).sort()).toEqual([
      'meta.nonsense',
      'query.extra',
      'query.filters[0].similarity',
      'query.filters[1].id',
      'query.filters[2].operator',
      'query.pagination.limit',
      'query.pagination.skip',
      'query.requestParameters.assemblyId',
      'query.requestParameters.colour',
      'query.requestParameters.start',
      'query.requestedGranularity',
    ]);
  });

  it('refuses a body that is not an object, and filters that are not a list', () => {
    expect(parsePostRequest([1, 2], { entryType: 'individual' }).errors).toEqual([
      { parameter: '(body)', message: '[1,2] is not an object' },
    ]);
    expect(
      parsePostRequest({ query: { filters: 'HP:1' } }, { entryType: 'individual' }).errors[0]!.parameter,
    ).toBe('query.filters');
  });

  it('accepts an empty body for individuals (all individuals, at the granularity allowed)', () => {
    const r = parsePostRequest({}, { entryType: 'individual', defaultGranularity: 'count' });
    expect(r.errors).toEqual([]);
    expect(r.query.requestedGranularity).toBe('count');
  });
});
