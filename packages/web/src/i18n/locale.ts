/**
 * The UI's languages (issue 6 §7) and the reader's choice. English is the source every translation is
 * checked against. The choice is made once, when the app loads (the text objects are built then), so
 * switching language stores the choice and reloads: no part of the page keeps the old language.
 */
export const LOCALES = ['en', 'de', 'fr', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own name, as a language switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  it: 'Italiano',
};

/** The BCP 47 tag for numbers and dates in each language. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', it: 'it-IT' };

export const LOCALE_STORAGE_KEY = 'openehds.locale';

const isLocale = (s: string | null | undefined): s is Locale => LOCALES.includes(s as Locale);

/** The stored choice, else the first browser language we have, else English. Pure. */
export function chooseLocale(stored: string | null | undefined, languages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

function detect(): Locale {
  if (typeof window === 'undefined') return 'en';
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage refused (private mode, policy): the browser's languages decide.
  }
  return chooseLocale(stored, window.navigator.languages ?? [window.navigator.language]);
}

/** The language of this page load. */
export const locale: Locale = detect();

/** Stores the reader's choice and reloads the page in that language. */
export function switchLocale(to: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, to);
  } catch {
    return;
  }
  window.location.reload();
}
