import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { exampleCohortDefinition } from '@openehds/core';
import type { NodeFeasibility, SdcRecordJson } from '@openehds/client';
import { QueriesTable } from './QueriesPage';
import type { FeasibilityQueryJson } from './queries-api';
import { cohortSummary, nodeReleases } from './queries-view';

const record = (outcome: 'released' | 'refused', rules: [string, string][]): SdcRecordJson => ({
  schema: 'openehds.sdc-record/1',
  kind: 'count',
  at: '2027-01-01T10:00:00Z',
  policy: { id: 'default', version: '1', hash: 'a'.repeat(64) },
  audience: 'anonymous',
  outcome,
  rules: rules.map(([rule, o]) => ({ rule, target: '$', outcome: o, params: {} })),
  outputHash: null,
});
const nodes: NodeFeasibility[] = [
  {
    nodeId: 'fi',
    nodeName: 'Helsinki biobank',
    country: 'FI',
    datasets: ['fi-1'],
    value: 120,
    suppressed: false,
    status: 'ok',
    record: record('released', [
      ['threshold', 'passed'],
      ['rounding', 'rounded'],
    ]),
  },
  {
    nodeId: 'fr',
    nodeName: 'Lyon registry',
    country: 'FR',
    datasets: ['fr-1'],
    value: null,
    suppressed: true,
    status: 'ok',
    record: record('released', [['threshold', 'suppressed']]),
  },
  {
    nodeId: 'de',
    nodeName: 'Berlin hospital',
    country: 'DE',
    datasets: ['de-1'],
    value: null,
    suppressed: false,
    status: 'timeout',
    message: 'no answer within 20 s',
    record: null,
  },
];

describe('the register of feasibility queries', () => {
  it('summarises a cohort definition in one line: name, index event, inclusion and exclusion', () => {
    expect(cohortSummary(exampleCohortDefinition)).toBe(
      '“Type 2 diabetes, adults, HbA1c-confirmed, on metformin” · index: condition ICD10 E11* · ' +
        'with age 18–80 and sex male/female; measurement LOINC 4548-4 and drug ATC A10BA*; ' +
        'variant HNF1A or phenotype HP:0000819 · without condition ICD10 E10* or procedure SNOMED 265764009',
    );
    expect(cohortSummary({})).toBe('everyone');
    expect(cohortSummary('garbage')).toBe('everyone');
  });

  it('says per node what was released and its disclosure-control outcome', () => {
    expect(nodeReleases(nodes)).toEqual([
      expect.objectContaining({
        node: 'Helsinki biobank',
        released: '120',
        outcome: 'released',
        marked: ['rounding rounded'],
      }),
      expect.objectContaining({
        node: 'Lyon registry',
        released: 'suppressed',
        outcome: 'released',
        marked: ['threshold suppressed'],
      }),
      expect.objectContaining({
        node: 'Berlin hospital',
        released: 'timeout',
        outcome: null,
        message: 'no answer within 20 s',
      }),
    ]);
  });

  it('lists each query with when, who, the cohort, a lower-bound total and each node’s release', () => {
    const item: FeasibilityQueryJson = {
      id: 'q1',
      askedAt: '2027-01-01T10:00:00Z',
      audience: 'anonymous',
      asker: null,
      queryHash: 'h',
      cohort: exampleCohortDefinition,
      nodes,
      total: { value: 120, atLeast: true },
    };
    const html = renderToStaticMarkup(createElement(QueriesTable, { items: [item] }));
    expect(html).toContain('2027-01-01 10:00 UTC');
    expect(html).toMatch(/Anonymous<div class="muted small">anonymous visitor<\/div>/);
    expect(html).toContain('at least 120');
    expect(html).toMatch(
      /<strong>Lyon registry<\/strong>: suppressed · released<span class="muted"> \(threshold suppressed\)/,
    );
    expect(html).toMatch(/<strong>Berlin hospital<\/strong>: timeout · no record/);
    expect(renderToStaticMarkup(createElement(QueriesTable, { items: [] }))).toContain(
      'No feasibility query',
    );
  });
});
