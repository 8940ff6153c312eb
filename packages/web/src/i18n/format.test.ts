import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fmt, formatDate, formatDateTime, formatNumber, inSentence, nameOf } from './format';

describe('fmt', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fmt(en.quality.badge, { stars: 4 })).toBe('Quality label: 4 of 5 stars');
    expect(fmt('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('nameOf', () => {
  it('names every EHDS Art. 51 category code and falls back to the code', () => {
    const codes = [
      'EHRS',
      'DIOH',
      'NRPE',
      'RPDG',
      'HRAD',
      'HGPD',
      'HPML',
      'PGEH',
      'WELA',
      'IDHP',
      'PHDR',
      'MRMR',
      'EHCT',
      'EMRD',
      'RMMD',
      'RQSH',
      'EINS',
    ];
    for (const c of codes) expect(nameOf(en.healthCategories, c)).not.toBe(c);
    expect(nameOf(en.healthCategories, 'XXXX')).toBe('XXXX');
    expect(nameOf(en.healthCategories, 'toString')).toBe('toString');
  });
});

describe('dates and numbers', () => {
  it('formats in UTC', () => {
    expect(formatDate('2026-03-01T23:30:00-02:00')).toBe('2026-03-02');
    expect(formatDateTime('2026-03-01T14:05:09Z')).toBe('2026-03-01 14:05 UTC');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });
  it('groups thousands', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
  });
});

describe('numbers and dates in each language', () => {
  it('uses the language’s separators and date order, English keeping ISO dates', () => {
    expect([formatNumber(1234567.5, 'en'), formatNumber(1234567.5, 'de')]).toEqual([
      '1,234,567.5',
      '1.234.567,5',
    ]);
    // French groups with a narrow no-break space (U+202F).
    expect(formatNumber(12345, 'fr')).toBe('12\u202f345');
    expect(formatNumber(12345, 'it')).toBe('12.345');
    const at = '2026-03-01T14:05:00Z';
    expect(['en', 'de', 'fr', 'it'].map((l) => formatDate(at, l as 'en'))).toEqual([
      '2026-03-01',
      '01.03.2026',
      '01/03/2026',
      '01/03/2026',
    ]);
    expect(formatDateTime(at, 'de')).toBe('01.03.2026 14:05 UTC');
    expect(formatDate('not a date', 'de')).toBe('not a date');
  });
});

describe('a name inside a sentence', () => {
  it('starts in lower case, except in German where nouns keep their capital', () => {
    expect(inSentence('Data access application', 'en')).toBe('data access application');
    expect(inSentence('Demande d’accès aux données', 'fr')).toBe('demande d’accès aux données');
    expect(inSentence('Datenzugangsantrag', 'de')).toBe('Datenzugangsantrag');
    expect(inSentence('', 'it')).toBe('');
  });
});
