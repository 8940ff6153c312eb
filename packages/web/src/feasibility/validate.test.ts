import { cohortDefinitionIssues, exampleCohortDefinition } from '@openehds/core';
import { describe, expect, it } from 'vitest';
import { definitionIssues } from './validate';

/** The field paths a validator faults, as a sorted set. */
const paths = (issues: { path?: string }[]) => [...new Set(issues.map((i) => i.path))].sort();

const cond = (codes: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'condition',
  codes: { vocabulary: 'ICD10', codes },
  ...extra,
});
const inc = (...criteria: unknown[]) => ({ inclusion: [{ match: 'all', criteria }] });
const index = { event: cond(['E11']) };

/** Valid and faulty definitions, as a builder or a paste would produce them. */
const CORPUS: [string, unknown][] = [
  ['the example', exampleCohortDefinition],
  ['empty', {}],
  ['not an object', 'x'],
  ['null', null],
  ['wrong version', { version: 2 }],
  ['unknown root field', { version: 1, foo: 1 }],
  ['unknown criterion type', inc({ type: 'foo' })],
  ['condition without codes', inc({ type: 'condition' })],
  [
    'bad vocabulary, no codes, extra key',
    inc({ type: 'condition', codes: { vocabulary: 'X', codes: [] }, x: 1 }),
  ],
  [
    'bad code, descendants on SNOMED',
    inc({ type: 'condition', codes: { vocabulary: 'SNOMED', codes: ['a b'], descendants: true } }),
  ],
  [
    'descendants on ICD10',
    inc({ type: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } }),
  ],
  [
    'empty value and reversed window, no index',
    inc({
      type: 'measurement',
      codes: { vocabulary: 'LOINC', codes: ['4548-4'] },
      value: {},
      window: { startDays: 5, endDays: 1 },
    }),
  ],
  [
    'value max below min',
    inc({
      type: 'measurement',
      codes: { vocabulary: 'LOINC', codes: ['4548-4'] },
      value: { min: 9, max: 2 },
      unit: '%',
    }),
  ],
  [
    'NaN value',
    inc({ type: 'measurement', codes: { vocabulary: 'LOINC', codes: ['4548-4'] }, value: { min: NaN } }),
  ],
  ['window without end', { index, ...inc(cond(['E10'], { window: { startDays: -30 } })) }],
  ['window fine with index', { index, ...inc(cond(['E10'], { window: { startDays: -30, endDays: 0 } })) }],
  ['index with a window', { index: { event: cond(['E11'], { window: { startDays: 0, endDays: 1 } }) } }],
  ['index not an event', { index: { event: { type: 'age', min: 1 } } }],
  ['date range empty', inc(cond(['E10'], { dateRange: {} }))],
  ['date range reversed', inc(cond(['E10'], { dateRange: { from: '2024-01-02', to: '2023-01-01' } }))],
  ['date range bad date', inc(cond(['E10'], { dateRange: { from: '2024-02-30' } }))],
  ['age NaN', inc({ type: 'age', min: NaN })],
  ['age at index without index', inc({ type: 'age', min: 18 })],
  ['age at a date', inc({ type: 'age', min: 18, at: '2024-01-01' })],
  ['age empty at a date', inc({ type: 'age', at: '2024-01-01' })],
  ['age reversed', { index, ...inc({ type: 'age', min: 80, max: 18 }) }],
  [
    'age fractional and bad date',
    inc({ type: 'sex', values: [] }, { type: 'age', min: 1.5, at: '2020-13-01' }),
  ],
  ['age too high', { index, ...inc({ type: 'age', max: 151 }) }],
  ['sex bad value', inc({ type: 'sex', values: ['other'] })],
  ['variant positional without chrom', inc({ type: 'variant', pos: 3 })],
  ['variant nothing', inc({ type: 'variant' })],
  ['variant bad chrom and bases', inc({ type: 'variant', chrom: 'chr23', pos: 10, ref: 'X' })],
  [
    'variant fine',
    inc({ type: 'variant', chrom: '17', pos: 43_045_712, ref: 'G', alt: 'A', zygosity: 'heterozygous' }),
  ],
  ['phenotype bad term', inc({ type: 'phenotype', terms: ['HP:1'] })],
  ['phenotype excluded', inc({ type: 'phenotype', terms: ['HP:0001250'], status: 'excluded' })],
  ['empty group, bad match', { inclusion: [{ criteria: [], match: 'x' }] }],
  ['prior observation without index', { minPriorObservationDays: 30 }],
  ['prior observation negative', { index, minPriorObservationDays: -1 }],
  ['observation flag not boolean', { requireObservationPeriod: 'yes' }],
  [
    'exclusion group faults',
    {
      exclusion: [
        {
          match: 'any',
          criteria: [cond([]), { type: 'drug', codes: { vocabulary: 'ATC', codes: ['A10BA'] } }],
        },
      ],
    },
  ],
];

describe('the browser check agrees with the hub schema', () => {
  it.each(CORPUS)('%s: same fields faulted', (_, def) => {
    expect(paths(definitionIssues(def))).toEqual(paths(cohortDefinitionIssues(def)));
  });

  it('accepts the example and faults something in every other faulty case', () => {
    expect(definitionIssues(exampleCohortDefinition)).toEqual([]);
    const faulty = CORPUS.filter(([, d]) => cohortDefinitionIssues(d).length > 0);
    expect(faulty.length).toBeGreaterThan(25);
    for (const [name, d] of faulty) expect(definitionIssues(d).length, name).toBeGreaterThan(0);
  });

  it('explains a descendants fault in words a user can act on', () => {
    const issues = definitionIssues(
      inc({ type: 'drug', codes: { vocabulary: 'RxNorm', codes: ['6809'], descendants: true } }),
    );
    expect(issues).toEqual([
      {
        path: 'inclusion[0].criteria[0].codes.descendants',
        message: expect.stringContaining('list the codes instead'),
      },
    ]);
  });
});
