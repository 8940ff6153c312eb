import { describe, expect, it } from 'vitest';
import { pickLang } from './labels';
import { availableLanguages, rdfExtension } from './languages';

describe('availableLanguages', () => {
  it('lists languages with text, English first', () => {
    expect(availableLanguages({ fi: 'Otsikko', en: 'Title', de: '' }, { es: 'Descripción' })).toEqual([
      'en',
      'es',
      'fi',
    ]);
    expect(availableLanguages(undefined)).toEqual([]);
  });
});

describe('pickLang', () => {
  it('prefers the chosen language, then English, then any', () => {
    expect(pickLang({ en: 'Title', fi: 'Otsikko' }, 'fi')).toBe('Otsikko');
    expect(pickLang({ en: 'Title', fi: 'Otsikko' }, 'de')).toBe('Title');
    expect(pickLang({ es: 'Título' }, 'de')).toBe('Título');
    expect(pickLang(undefined, 'en')).toBe('');
  });
});

describe('rdfExtension', () => {
  it('names files by media type', () => {
    expect(rdfExtension('text/turtle')).toBe('ttl');
    expect(rdfExtension('application/ld+json')).toBe('jsonld');
    expect(rdfExtension('application/rdf+xml')).toBe('rdf');
  });
});
