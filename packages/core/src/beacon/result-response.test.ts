import { describe, expect, it } from 'vitest';
import { beaconErrorResponse, requestErrorResponse } from './error-response';
import { parseGetRequest } from './parse-request';
import type { BeaconAccess, BeaconQuery, BeaconResultSet } from './query';
import { beaconResultResponse, returnedGranularity } from './result-response';

const query = (over: Partial<BeaconQuery> = {}): BeaconQuery => ({
  entryType: 'individual',
  filters: [{ id: 'HP:0001250' }],
  requestedGranularity: 'record',
  includeResultsetResponses: 'HIT',
  skip: 0,
  limit: 10,
  ...over,
});
const access = (over: Partial<BeaconAccess> = {}): BeaconAccess => ({
  granularity: 'boolean',
  recordDatasets: [],
  minCount: 10,
  roundTo: 10,
  ...over,
});
// What a faulty engine might return: records and counts regardless of the caller.
const leaky: BeaconResultSet[] = [
  {
    id: 'fi-biobank',
    setType: 'dataset',
    exists: true,
    resultsCount: 30,
    results: [{ id: 'PSN-1', sex: { id: 'NCIT:C16576' } }],
  },
  { id: 'ee-genome', setType: 'dataset', exists: false, resultsCount: 0, results: [] },
];

describe('beaconResultResponse enforces the granularity the caller may see', () => {
  it('anonymous: a boolean only, however much is asked for or returned', () => {
    const r = beaconResultResponse({ beaconId: 'b', query: query(), access: access(), resultSets: leaky });
    expect(r).toEqual({
      meta: expect.objectContaining({ returnedGranularity: 'boolean' }),
      responseSummary: { exists: true },
    });
    expect(JSON.stringify(r)).not.toMatch(/PSN-1|30/);
  });

  it('registered: counts per dataset, records withheld', () => {
    const r = beaconResultResponse({
      beaconId: 'b',
      query: query({ includeResultsetResponses: 'ALL' }),
      access: access({ granularity: 'count', roundTo: 5 }),
      resultSets: leaky,
    });
    expect(r.meta.returnedGranularity).toBe('count');
    expect(r.responseSummary).toEqual({ exists: true, numTotalResults: 30 });
    expect(r.response!.resultSets.map((s) => [s.id, s.resultsCount, s.results.length])).toEqual([
      ['fi-biobank', 30, 0],
      ['ee-genome', 0, 0],
    ]);
    expect(r.info).toEqual({ disclosureControl: { minCount: 10, roundTo: 5 } });
    expect(JSON.stringify(r)).not.toMatch(/PSN-1/);
  });

  it('permit holder: records only of the dataset the permit covers, counts of the others', () => {
    const r = beaconResultResponse({
      beaconId: 'b',
      query: query({ includeResultsetResponses: 'ALL' }),
      access: access({ granularity: 'count', recordDatasets: [{ datasetId: 'ee-genome', permitId: 'P-1' }] }),
      resultSets: [leaky[0]!, { ...leaky[1]!, exists: true, resultsCount: 12, results: [{ id: 'PSN-9' }] }],
    });
    expect(r.meta.returnedGranularity).toBe('record');
    const byId = Object.fromEntries(r.response!.resultSets.map((s) => [s.id, s]));
    expect(byId['fi-biobank']!.results).toEqual([]);
    expect(byId['fi-biobank']!.info.returnedGranularity).toBe('count');
    expect(byId['ee-genome']!.results).toEqual([{ id: 'PSN-9' }]);
    expect(byId['ee-genome']!.info.returnedGranularity).toBe('record');
  });

  it('gives no more than asked: a permit holder asking for a count gets a count', () => {
    const a = access({
      granularity: 'count',
      recordDatasets: [{ datasetId: 'fi-biobank', permitId: 'P-1' }],
    });
    expect(returnedGranularity(query({ requestedGranularity: 'count' }), a, leaky)).toBe('count');
    expect(returnedGranularity(query({ requestedGranularity: 'boolean' }), a, leaky)).toBe('boolean');
    expect(returnedGranularity(query(), a, leaky)).toBe('record');
    // A permit for a dataset the answer does not contain gives no record granularity.
    expect(
      returnedGranularity(
        query(),
        access({ granularity: 'count', recordDatasets: [{ datasetId: 'x', permitId: 'P' }] }),
        leaky,
      ),
    ).toBe('count');
  });

  it('HIT, MISS, NONE select the result sets listed; the summary counts them all', () => {
    const a = access({ granularity: 'count' });
    const ids = (mode: BeaconQuery['includeResultsetResponses']) => {
      const r = beaconResultResponse({
        beaconId: 'b',
        query: query({ includeResultsetResponses: mode }),
        access: a,
        resultSets: leaky,
      });
      expect(r.responseSummary.numTotalResults).toBe(30);
      return 'response' in r && r.response ? r.response.resultSets.map((s) => s.id) : null;
    };
    expect(ids('HIT')).toEqual(['fi-biobank']);
    expect(ids('MISS')).toEqual(['ee-genome']);
    expect(ids('ALL')).toEqual(['fi-biobank', 'ee-genome']);
    expect(ids('NONE')).toBeNull();
  });

  it('carries frequency and count adjustment for the client to show', () => {
    const r = beaconResultResponse({
      beaconId: 'b',
      query: query({ entryType: 'genomicVariant', requestedGranularity: 'count' }),
      access: access({ granularity: 'count' }),
      resultSets: [
        {
          id: 'fi-biobank',
          setType: 'dataset',
          exists: true,
          resultsCount: 10,
          countAdjusted: true,
          frequency: { alleleCount: 3, alleleNumber: 200, alleleFrequency: 0.015 },
        },
      ],
    });
    expect(r.response!.resultSets[0]!.info).toEqual({
      returnedGranularity: 'count',
      countAdjusted: true,
      frequency: { alleleCount: 3, alleleNumber: 200, alleleFrequency: 0.015 },
    });
    expect(r.meta.returnedSchemas).toEqual([
      { entityType: 'genomicVariant', schema: 'ga4gh-beacon-variant-v2.0.0' },
    ]);
  });
});

describe('error responses', () => {
  it('name every parameter at fault in the message and in info.errors, echoing what was understood', () => {
    const parsed = parseGetRequest(
      { referenceName: 'chr1', start: '9', end: '3', assemblyId: 'hg17' },
      { entryType: 'genomicVariant' },
    );
    const r = requestErrorResponse('b', parsed);
    expect(r.error.errorCode).toBe(400);
    expect(r.error.errorMessage).toBe(
      "the request has 2 problems: assemblyId: unknown assembly 'hg17'; use GRCh37, GRCh38, hg19, hg38; start: start 9 is after end 3",
    );
    expect(r.info!.errors.map((e) => e.parameter)).toEqual(['assemblyId', 'start']);
    expect(r.meta.returnedGranularity).toBe('boolean');
    expect(r.meta.receivedRequestSummary.requestedGranularity).toBe('boolean');
  });

  it('carries the HTTP status as errorCode', () => {
    const r = beaconErrorResponse({ beaconId: 'b', status: 429, message: 'budget exhausted' });
    expect(r.error).toEqual({ errorCode: 429, errorMessage: 'budget exhausted' });
    expect(r.info).toBeUndefined();
  });
});
