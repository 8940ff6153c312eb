import { describe, expect, it } from 'vitest';
import type { DatasetDescription } from '@openehds/client';
import { dictionaryOf, splitVariables } from './variables';

const description = {
  title: { en: 'Biobank' },
  description: { en: '' },
  variables: {
    title: { en: 'OMOP CDM 5.4 tables held at the node' },
    tables: [
      { title: { en: 'person' }, columns: [{ name: 'year_of_birth' }, { name: 'gender_concept_id' }] },
      { title: { fi: 'mittaus' }, columns: [{ name: 'value_as_number' }] },
      { url: 'https://ohdsi.github.io/CommonDataModel/cdm54.html#death', columns: [{ name: 'death_date' }] },
      { title: { en: 'empty' }, columns: [] },
      { title: { en: 'broken' } },
    ],
  },
} as DatasetDescription;

describe('dictionaryOf', () => {
  it('lists table.column names from the published dictionary, skipping tables without columns', () => {
    expect(dictionaryOf(description)).toEqual([
      { table: 'person', variables: ['person.year_of_birth', 'person.gender_concept_id'] },
      { table: 'mittaus', variables: ['mittaus.value_as_number'] },
      { table: 'death', variables: ['death.death_date'] },
    ]);
  });
  it('is empty when there is no dictionary', () => {
    expect(dictionaryOf(undefined)).toEqual([]);
    expect(dictionaryOf({ title: {}, description: {} })).toEqual([]);
  });
});

describe('splitVariables', () => {
  it('separates dictionary variables from hand-typed ones', () => {
    expect(splitVariables(['person.year_of_birth', 'note.note_text'], dictionaryOf(description))).toEqual({
      fromDictionary: ['person.year_of_birth'],
      extra: ['note.note_text'],
    });
  });
});
