import { describe, expect, it } from 'vitest';
import { chooseLocale, LOCALES } from './locale';
import { localise } from './localise';
import { uiDe } from './ui-de';
import { uiFr } from './ui-fr';
import { uiIt } from './ui-it';
import { en } from './en';

describe('the reader’s language', () => {
  it('takes the stored choice, else the first browser language we have, else English', () => {
    expect(chooseLocale('fr', ['de-DE'])).toBe('fr');
    expect(chooseLocale(null, ['nl-NL', 'de-AT', 'fr'])).toBe('de');
    expect(chooseLocale('xx', ['IT'])).toBe('it');
    expect(chooseLocale(undefined, ['pt-PT', 'nl'])).toBe('en');
    expect(chooseLocale(null, [])).toBe('en');
  });

  it('gives each page its language’s text, English as written', () => {
    const tr = { de: uiDe, fr: uiFr, it: uiIt };
    expect(LOCALES.map((l) => localise(en, tr, l).nav.signIn)).toEqual([
      en.nav.signIn,
      uiDe.nav.signIn,
      uiFr.nav.signIn,
      uiIt.nav.signIn,
    ]);
    // Really translated: no language shows the English sign-in label.
    expect(new Set([en.nav.signIn, uiDe.nav.signIn, uiFr.nav.signIn, uiIt.nav.signIn]).size).toBe(4);
  });
});
