import { describe, expect, it } from 'vitest';
import type { DatasetDescription } from '@openehds/client';
import { keywordsIn, legalBasesIn, legislationName, periodText, textsIn } from './description-text';

const d: DatasetDescription = {
  title: { en: 'Registry' },
  description: { en: 'Cancer registry' },
  keywords: { en: ['cancer', 'registry'], es: ['cáncer'] },
  legalBases: [{ description: { en: 'Registry law', es: 'Ley del registro' } }],
  purposes: [{ en: 'Surveillance' }, { en: 'Surveillance' }, { en: ' ' }],
};

describe('description text', () => {
  it('reads keywords grouped by language, falling back to English', () => {
    expect(keywordsIn(d.keywords, 'es')).toEqual(['cáncer']);
    expect(keywordsIn(d.keywords, 'fi')).toEqual(['cancer', 'registry']);
    expect(keywordsIn({ fi: ['syöpä'], sv: ['cancer', 'syöpä'] }, 'de')).toEqual(['syöpä', 'cancer']);
    expect(keywordsIn(undefined, 'en')).toEqual([]);
  });
  it('lists legal bases and purposes in a language, each once', () => {
    expect(legalBasesIn(d, 'es')).toEqual(['Ley del registro']);
    expect(legalBasesIn({ title: { en: 'x' }, description: { en: 'y' } }, 'en')).toEqual([]);
    expect(textsIn(d.purposes, 'en')).toEqual(['Surveillance']);
  });
  it('writes periods with an open end', () => {
    expect(periodText({ start: '2020-01-01', end: '2030-12-31' })).toBe('2020-01-01 – 2030-12-31');
    expect(periodText({ start: '2020-01-01' })).toBe('2020-01-01 – …');
    expect(periodText(null)).toBe('');
  });
  it('names known legislation and keeps unknown IRIs', () => {
    expect(legislationName('http://data.europa.eu/eli/reg/2025/327/oj')).toMatch(/2025\/327/);
    expect(legislationName('https://example.org/law')).toBe('https://example.org/law');
  });
});
