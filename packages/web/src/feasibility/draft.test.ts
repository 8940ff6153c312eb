import { cohortDefinitionIssues, exampleCohortDefinition, parseCohortDefinition } from '@openehds/core';
import { describe, expect, it } from 'vitest';
import {
  emptyCriterion,
  emptyDraft,
  fromDefinition,
  toDefinition,
  toNumber,
  withType,
  withVocabulary,
} from './draft';
import { addCriterion, addGroup, removeCriterion, setCriterion, updateGroup } from './edit';
import { criterionFieldIssues, issuePlace, issuesAt, normaliseIssuePath } from './field-issues';
import { definitionIssues } from './validate';

const words = {
  inclusion: 'Inclusion group',
  exclusion: 'Exclusion group',
  criterion: 'criterion',
  index: 'Index event',
  whole: 'The definition',
};

describe('draft ⇄ definition', () => {
  it('loads the example into the builder and gives back the same cohort', () => {
    // Execute: JSON → builder → JSON, as "Load the example" then "Run" does.
    const again = toDefinition(fromDefinition(exampleCohortDefinition));
    // Assert: the hub reads both the same way (defaults filled in).
    expect(cohortDefinitionIssues(again)).toEqual([]);
    expect(parseCohortDefinition(again)).toEqual(parseCohortDefinition(exampleCohortDefinition));
  });

  it('round-trips every criterion type, a calendar-date age and a date range', () => {
    const def = {
      version: 1 as const,
      index: {
        event: { type: 'phenotype' as const, terms: ['HP:0001250'], status: 'excluded' as const },
        occurrence: 'last' as const,
      },
      inclusion: [
        {
          match: 'any' as const,
          criteria: [
            {
              type: 'procedure' as const,
              codes: { vocabulary: 'CPT4' as const, codes: ['99213', '99214'] },
              dateRange: { from: '2020-01-01' },
            },
            { type: 'age' as const, max: 17, at: '2024-06-30' },
            {
              type: 'variant' as const,
              assembly: 'GRCh37' as const,
              chrom: 'chr17',
              pos: 41_245_466,
              ref: 'G',
              alt: 'A',
              zygosity: 'homozygous' as const,
            },
            { type: 'sex' as const, values: ['unknown' as const] },
          ],
        },
      ],
      exclusion: [],
      requireObservationPeriod: false,
    };
    expect(parseCohortDefinition(toDefinition(fromDefinition(def)))).toEqual(parseCohortDefinition(def));
  });

  it('sends only what was given, and a number typed wrongly as NaN so the field is faulted', () => {
    const d = emptyDraft();
    const c = { ...emptyCriterion('measurement'), codes: '4548-4 , 17856-6', valueMin: '6,5' };
    const def = toDefinition(setCriterion(d, 'inclusion', 0, 0, c));
    const m = def.inclusion![0]!.criteria[0] as {
      codes: { codes: string[] };
      value: { min: number };
      unit?: string;
    };
    expect(m.codes.codes).toEqual(['4548-4', '17856-6']);
    expect(m.value.min).toBeNaN();
    expect('unit' in m).toBe(false);
    expect(definitionIssues(def).map((i) => i.path)).toEqual(['inclusion[0].criteria[0].value.min']);
    expect(toNumber(' -365 ')).toBe(-365);
    expect(toNumber('')).toBeUndefined();
  });

  it('clears "include descendants" when the vocabulary has no code hierarchy', () => {
    const c = { ...emptyCriterion('drug'), codes: 'A10BA', descendants: true };
    expect(withVocabulary(c, 'RxNorm').descendants).toBe(false);
    expect(withVocabulary(c, 'ATC').descendants).toBe(true);
    // A new type keeps typed codes with their vocabulary, and starts an empty one with a fitting vocabulary.
    expect(withType(c, 'condition').vocabulary).toBe('ATC');
    expect(withType(emptyCriterion('condition'), 'measurement').vocabulary).toBe('LOINC');
  });
});

describe('editing groups and criteria', () => {
  it('adds, changes and removes without touching other groups', () => {
    let d = addGroup(emptyDraft(), 'exclusion', 'drug');
    d = addCriterion(d, 'inclusion', 0, 'age');
    d = updateGroup(d, 'inclusion', 0, { match: 'any', name: 'either' });
    expect(d.inclusion[0]!.criteria.map((c) => c.type)).toEqual(['condition', 'age']);
    expect(d.inclusion[0]!.match).toBe('any');
    expect(d.exclusion[0]!.criteria[0]!.type).toBe('drug');
    d = removeCriterion(d, 'inclusion', 0, 0);
    expect(d.inclusion[0]!.criteria.map((c) => c.type)).toEqual(['age']);
    // Removing a group's last criterion removes the group: an empty group is not a valid definition.
    d = removeCriterion(d, 'exclusion', 0, 0);
    expect(d.exclusion).toEqual([]);
  });
});

describe('placing issues on fields', () => {
  const issues = [
    { path: 'cohort.inclusion[0].criteria[1].codes.codes[2]', message: 'bad code' },
    { path: 'inclusion[0].criteria[1].window', message: 'needs index' },
    { path: '/inclusion/0/criteria/1/window/endDays', message: 'end before start' },
    { path: 'inclusion[0].match', message: 'all or any' },
    { path: 'index.event.codes.vocabulary', message: 'vocab' },
  ];

  it('finds each message under its field, whichever path style the hub used', () => {
    const base = 'inclusion[0].criteria[1]';
    expect(criterionFieldIssues(issues, base, 'codes')).toEqual(['bad code']);
    expect(criterionFieldIssues(issues, base, 'windowStart')).toEqual(['needs index']);
    expect(criterionFieldIssues(issues, base, 'windowEnd')).toEqual(['end before start']);
    expect(criterionFieldIssues(issues, 'inclusion[0].criteria[0]', 'codes')).toEqual([]);
    expect(criterionFieldIssues(issues, 'index.event', 'vocabulary')).toEqual(['vocab']);
    expect(issuesAt(issues, 'inclusion[0].match')).toEqual(['all or any']);
    expect(normaliseIssuePath('/inclusion/0/criteria/1')).toBe('inclusion[0].criteria[1]');
  });

  it('names the place of an issue in words for the summary', () => {
    expect(issuePlace('inclusion[0].criteria[1].codes.codes', words)).toBe(
      'Inclusion group 1 › criterion 2 › codes.codes',
    );
    expect(issuePlace('exclusion[2].match', words)).toBe('Exclusion group 3 › match');
    expect(issuePlace('index.event.codes', words)).toBe('Index event › codes');
    expect(issuePlace('', words)).toBe('The definition');
  });
});
