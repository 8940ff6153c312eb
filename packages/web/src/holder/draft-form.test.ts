import { describe, expect, it } from 'vitest';
import type { DatasetDraft } from '@openehds/client';
import {
  addLanguage,
  cleanDraft,
  cleanPeriod,
  draftLanguages,
  formFields,
  joinList,
  placeIssues,
  removeLanguage,
  splitList,
} from './draft-form';

const draft: DatasetDraft = {
  title: { en: ' Biobank ', fi: 'Biopankki' },
  description: { en: 'Samples', fi: '' },
  keywords: ['biobank'],
  accessRights: 'RESTRICTED',
  healthCategories: ['EINS'],
  contactPoint: { name: ' Aino ', email: 'aino@example.fi ' },
  publisherType: 'research-institute-org',
  legalBasis: '',
  purpose: ' Care ',
  provenance: ' EHR extract ',
  retentionPeriod: { start: '', end: '' },
  theme: [],
};

describe('list fields', () => {
  it('splits, trims and de-duplicates', () => {
    expect(splitList(' cancer, , registry,cancer ')).toEqual(['cancer', 'registry']);
    expect(joinList(['a', 'b'])).toBe('a, b');
  });
});

describe('languages', () => {
  it('keeps English first', () => {
    expect(draftLanguages({ title: { fi: 'x', de: 'y' }, description: {} })).toEqual(['en', 'de', 'fi']);
  });
  it('adds an empty language once, ignores junk, never removes English', () => {
    const added = addLanguage(draft, 'ES');
    expect(added.title.es).toBe('');
    expect(added.description.es).toBe('');
    expect(addLanguage(added, 'es')).toBe(added);
    expect(addLanguage(draft, 'not a code')).toBe(draft);
    expect(removeLanguage(added, 'es').title).toEqual(draft.title);
    expect(removeLanguage(draft, 'en')).toBe(draft);
  });
});

describe('cleanDraft', () => {
  it('trims text and drops languages left empty, keeping English', () => {
    const cleaned = cleanDraft(addLanguage(draft, 'de'));
    expect(cleaned.title).toEqual({ en: 'Biobank', fi: 'Biopankki' });
    expect(cleaned.description).toEqual({ en: 'Samples', fi: '' });
    expect(cleaned.contactPoint).toEqual({ name: 'Aino', email: 'aino@example.fi' });
    expect(cleanDraft({ ...draft, title: {}, description: {} }).title).toEqual({ en: '' });
    expect(cleaned.purpose).toBe('Care');
    expect(cleaned.provenance).toBe('EHR extract');
  });
  it('leaves an empty retention period out and keeps a partial one for the node to judge', () => {
    expect(cleanDraft(draft).retentionPeriod).toBeUndefined();
    expect(cleanPeriod({ start: ' 2020-01-01 ', end: '' })).toEqual({ start: '2020-01-01' });
    expect(cleanPeriod({ start: '', end: '2030-12-31' })).toEqual({ start: '', end: '2030-12-31' });
    expect(cleanPeriod(undefined)).toBeUndefined();
  });
  it('sends the DUO conditions in order with empty parameters left out, and none as absent', () => {
    const cleaned = cleanDraft({
      ...draft,
      dataUse: [
        { code: 'DUO:0000007', diseaseCodes: [' E11 ', ''] },
        { code: 'DUO:0000022', countries: [] },
      ],
    });
    expect(cleaned.dataUse).toEqual([
      { code: 'DUO:0000007', diseaseCodes: ['E11'] },
      { code: 'DUO:0000022' },
    ]);
    expect(cleanDraft({ ...draft, dataUse: [] }).dataUse).toBeUndefined();
  });
});

describe('placeIssues', () => {
  it('puts each issue beside the most specific field and keeps the rest', () => {
    const placed = placeIssues(
      [
        { path: '/title/en', message: 'required' },
        { path: 'keywords[1]', message: 'too long' },
        { path: 'contactPoint.email', message: 'not an e-mail address' },
        { path: 'retentionPeriod.start', message: 'Invalid ISO date' },
        { path: 'publisher', message: 'unknown' },
        { message: 'general' },
      ],
      formFields(['en', 'fi']),
    );
    expect(placed.byField).toEqual({
      'title.en': ['required'],
      keywords: ['too long'],
      'contactPoint.email': ['not an e-mail address'],
      'retentionPeriod.start': ['Invalid ISO date'],
    });
    expect(placed.unplaced).toEqual(['publisher: unknown', 'general']);
  });
  it('puts a data-use issue beside its condition, and a list-wide one above the conditions', () => {
    const placed = placeIssues(
      [
        { path: 'dataUse[1].countries', message: 'GS needs a country' },
        { path: 'dataUse', message: 'name one primary data use permission' },
      ],
      formFields(['en'], 2),
    );
    expect(placed.byField).toEqual({
      'dataUse.1.countries': ['GS needs a country'],
      dataUse: ['name one primary data use permission'],
    });
    expect(placed.unplaced).toEqual([]);
  });
});
