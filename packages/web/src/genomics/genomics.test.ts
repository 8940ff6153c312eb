import { ApiError, BeaconApiError } from '@openehds/client';
import { describe, expect, it } from 'vitest';
import { accessLevel } from './access-level';
import { allelesText, countText, foundText, frequencyText, statusText, summaryText } from './answer-text';
import { beaconFieldIssues, fieldOfParameter, isBudgetExhausted } from './beacon-errors';
import { nodeAnswers } from './node-answers';
import { individualRows, variantRows } from './records';
import { hpoTerms, suggestTerms, typedTerm } from './term-suggest';
import { ANONYMOUS, COUNTED, hubAnswer, PERMIT, RECORDED, REGISTERED } from './test-responses';

const byNode = (answers: ReturnType<typeof nodeAnswers>) =>
  Object.fromEntries(answers.map((a) => [a.nodeId, a]));

describe('node answers at each granularity', () => {
  it('anonymous: yes/no per node, no count, the rest hidden', () => {
    const answers = nodeAnswers(hubAnswer(COUNTED, ANONYMOUS));
    expect(answers.map((a) => [a.nodeName, foundText(a), countText(a)])).toEqual([
      ['Helsinki Biobank node', 'Yes', 'not shown'],
      ['Catalan node', 'Yes', 'not shown'],
      ['Heidelberg node', 'No', 'not shown'],
    ]);
    expect(answers.every((a) => a.frequency === undefined && a.records.length === 0)).toBe(true);
    expect(summaryText(answers)).toBe('2 of 3 nodes found a match.');
  });

  it('signed in: rounded counts marked ≈, a small count as “fewer than 10”, zero as 0, rounded AF', () => {
    const a = byNode(nodeAnswers(hubAnswer(COUNTED, REGISTERED)));
    expect(countText(a['n-fi']!)).toBe('≈ 40');
    expect(countText(a['n-es']!)).toBe('fewer than 10');
    expect(foundText(a['n-es']!)).toBe('Yes');
    expect(countText(a['n-de']!)).toBe('0');
    expect(allelesText(a['n-fi']!)).toBe('≈ 40 / 1,200');
    expect(frequencyText(a['n-fi']!)).toBe('≈ 0.03333');
    expect(allelesText(a['n-es']!)).toBe('—');
    expect(a['n-fi']!.granularity).toBe('count');
  });

  it('under a permit: exact count, exact frequency and records for the permit’s dataset only', () => {
    const a = byNode(nodeAnswers(hubAnswer([RECORDED, ...COUNTED.slice(1)], PERMIT)));
    expect(a['n-fi']).toMatchObject({ granularity: 'record', count: { kind: 'exact', n: 1 } });
    expect(frequencyText(a['n-fi']!)).toBe('0.03094');
    expect(allelesText(a['n-fi']!)).toBe('37 / 1,196');
    expect(a['n-fi']!.records).toHaveLength(1);
    expect(a['n-es']).toMatchObject({ granularity: 'count', records: [] });
  });

  it('under a permit, the permit’s dataset without a match answers 0 at record level (all sets asked)', () => {
    const miss = { ...RECORDED, exists: false, resultsCount: 0, results: [] };
    delete (miss as { frequency?: unknown }).frequency;
    const response = hubAnswer([miss, ...COUNTED.slice(1)], PERMIT, {}, 'ALL');
    const a = byNode(nodeAnswers(response));
    expect(a['n-fi']).toMatchObject({ granularity: 'record', exists: false, count: { kind: 'exact', n: 0 } });
    expect(countText(a['n-de']!)).toBe('0');
    expect(countText(a['n-es']!)).toBe('fewer than 10');
    expect(accessLevel(true, response, Object.values(a)).text).toMatch(/Records of fi-biobank/);
  });

  it('a node that did not answer shows a dash and why', () => {
    const a = byNode(
      nodeAnswers(
        hubAnswer(COUNTED, REGISTERED, { 'n-de': { status: 'timeout', message: 'no answer in 10 s' } }),
      ),
    );
    expect(foundText(a['n-de']!)).toBe('—');
    expect(countText(a['n-de']!)).toBe('—');
    expect(statusText(a['n-de']!)).toBe('No answer in time: no answer in 10 s');
    expect(statusText(a['n-fi']!)).toBe('Answered');
  });
});

describe('the granularity banner', () => {
  it('says yes/no and offers sign-in to anonymous users, before and after a search', () => {
    expect(accessLevel(false, null)).toMatchObject({ granularity: 'boolean', signIn: true });
    const after = accessLevel(false, hubAnswer(COUNTED, ANONYMOUS));
    expect(after).toMatchObject({ granularity: 'boolean', signIn: true });
    expect(after.text).toMatch(/Sign in to see counts/);
  });

  it('names the rounding and the minimum to signed-in users, and the permit’s datasets at record level', () => {
    const counted = accessLevel(true, hubAnswer(COUNTED, { ...REGISTERED, roundTo: 5, minCount: 11 }));
    expect(counted.text).toMatch(/nearest 5; below 11 .*“fewer than 11”.*data permit naming you/);
    expect(counted.signIn).toBe(false);
    const response = hubAnswer([RECORDED, ...COUNTED.slice(1)], PERMIT);
    const recorded = accessLevel(true, response, nodeAnswers(response));
    expect(recorded.granularity).toBe('record');
    expect(recorded.text).toMatch(/Records of fi-biobank are shown/);
    // The hub allowed records, but no node sent any: the user sees counts, and the banner says so.
    expect(accessLevel(true, response, []).granularity).toBe('count');
  });
});

describe('Beacon errors beside their fields', () => {
  const beaconError = (errors: { parameter: string; message: string }[], status = 400) =>
    new BeaconApiError(status, { error: { errorCode: status, errorMessage: 'bad' }, info: { errors } });

  it('puts variant parameters at the variant box, assembly at its select, filters at theirs', () => {
    const filters = [{ id: 'HP:0009999' }, { id: 'NCIT:C16576' }];
    const { byField, other } = beaconFieldIssues(
      beaconError([
        { parameter: 'query.requestParameters.start', message: 'end must be greater than start' },
        { parameter: 'query.requestParameters.assemblyId', message: 'unknown assembly "hg99"' },
        { parameter: 'query.filters[0]', message: 'no node holds HP:0009999' },
        { parameter: 'query.filters[1]', message: 'not held' },
        { parameter: 'query.pagination.limit', message: 'at most 100' },
      ]),
      filters,
    );
    expect(byField.variant).toEqual(['start: end must be greater than start']);
    expect(byField.assembly).toEqual(['assemblyId: unknown assembly "hg99"']);
    expect(byField.phenotypes).toEqual(['filters[0]: no node holds HP:0009999']);
    expect(byField.sex).toEqual(['filters[1]: not held']);
    expect(other).toEqual(['pagination.limit: at most 100']);
    expect(fieldOfParameter('geneId', [])).toBe('variant');
  });

  it('knows the spent budget (429) from other errors', () => {
    expect(isBudgetExhausted(beaconError([], 429))).toBe(true);
    expect(isBudgetExhausted(new ApiError(400))).toBe(false);
    expect(isBudgetExhausted(new Error('x'))).toBe(false);
  });
});

describe('records', () => {
  it('shows a variant’s 1-based position beside its 0-based half-open interval', () => {
    expect(variantRows(RECORDED.results!)).toEqual([
      {
        key: '7',
        chrom: '17',
        position: 43057062,
        start0: 43057061,
        end0: 43057062,
        ref: 'T',
        alt: 'TG',
        type: 'INDEL',
        carriers: 2,
        frequency: 0.030936,
      },
    ]);
    // A malformed record shows dashes, not a crash.
    expect(variantRows([{}])[0]).toMatchObject({ position: null, ref: '', carriers: 0, frequency: null });
  });

  it('shows an individual’s pseudonym, sex, phenotypes (excluded ones marked) and diseases', () => {
    expect(
      individualRows([
        {
          id: 'FI-2026-000001-P0003',
          sex: { id: 'NCIT:C16576', label: 'female' },
          phenotypicFeatures: [
            { featureType: { id: 'HP:0001250' } },
            { featureType: { id: 'HP:0002110' }, excluded: true },
          ],
          diseases: [{ diseaseCode: { id: 'ICD10:C50.9' } }],
        },
      ]),
    ).toEqual([
      {
        id: 'FI-2026-000001-P0003',
        sex: 'female',
        phenotypes: ['HP:0001250', 'not HP:0002110'],
        diseases: ['ICD10:C50.9'],
      },
    ]);
  });
});

describe('the phenotype typeahead', () => {
  const terms = hpoTerms([
    { id: 'HP:0001250', type: 'ontologyTerm', label: 'Seizure', scopes: ['individual'] },
    { id: 'HP:0002110', type: 'ontologyTerm', label: 'Bronchiectasis', scopes: ['individual'] },
    { id: 'HP:0004401', type: 'ontologyTerm', label: 'Meconium ileus', scopes: ['individual'] },
    { id: 'HP:0001250', type: 'ontologyTerm', label: 'Seizure', scopes: ['individual'] },
    { id: 'NCIT:C16576', type: 'ontologyTerm', label: 'female', scopes: ['individual'] },
    { id: 'ICD10:E11', type: 'ontologyTerm', label: 'Diabetes', scopes: ['individual'] },
  ]);

  it('offers only HPO terms, once each, by name', () => {
    expect(terms.map((t) => t.id)).toEqual(['HP:0002110', 'HP:0004401', 'HP:0001250']);
  });

  it('matches code prefixes, then name starts, then words, and leaves out picked terms', () => {
    expect(suggestTerms(terms, 'HP:00012', []).map((t) => t.id)).toEqual(['HP:0001250']);
    expect(suggestTerms(terms, '0002', []).map((t) => t.id)).toEqual(['HP:0002110']);
    expect(suggestTerms(terms, 'ile', []).map((t) => t.label)).toEqual(['Meconium ileus']);
    expect(suggestTerms(terms, 'e', []).map((t) => t.label)).toEqual([
      'Bronchiectasis',
      'Meconium ileus',
      'Seizure',
    ]);
    expect(suggestTerms(terms, 'sei', ['HP:0001250'])).toEqual([]);
    expect(suggestTerms(terms, '  ', [])).toEqual([]);
  });

  it('accepts a full code the nodes hold, or any well-formed code when the list is unavailable', () => {
    expect(typedTerm('hp:0001250', terms)).toBe('HP:0001250');
    expect(typedTerm('HP:0000001', terms)).toBeNull();
    expect(typedTerm('HP:0000001', null)).toBe('HP:0000001');
    expect(typedTerm('HP:12', null)).toBeNull();
  });
});
