import { locale as pageLocale, type Locale } from './locale';

/**
 * A translation of a text object: the same keys all the way down, strings in place of strings. The
 * type checker thus refuses a translation with a key missing or extra, so no page shows a hole.
 */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends readonly (infer U)[]
      ? readonly (U extends string ? string : Translation<U>)[]
      : Translation<T[K]>;
};

/** The translations of one text object, by language (English is the source). */
export type Translations<T> = Readonly<Record<Exclude<Locale, 'en'>, Translation<T>>>;

/** Every text object localised so far, for the completeness test (localise.test.ts). */
export const catalogue: { source: unknown; translations: Translations<unknown> }[] = [];

/** The text object in the page's language (or `to`). */
export function localise<T>(source: T, translations: Translations<T>, to: Locale = pageLocale): T {
  catalogue.push({ source, translations: translations as Translations<unknown> });
  return to === 'en' ? source : (translations[to] as unknown as T);
}
