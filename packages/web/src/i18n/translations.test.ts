import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale';

/**
 * Every English text object of the UI has a complete translation in every language (issue 6 §7): the
 * same keys and array lengths all the way down, no empty string, and in each string exactly the
 * placeholders (`{n}`) of the English one — a lost placeholder shows the reader a hole, an extra one
 * shows them `{name}`. The type checker already refuses missing keys; this also runs on the values.
 */
const SRC = join(import.meta.dirname, '..');
const OTHERS = LOCALES.filter((l) => l !== 'en');
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The English sources: every `strings.ts` / `*-strings.ts` of a feature (at any depth), and `i18n/en.ts`. */
function sources(): string[] {
  const out: string[] = [join(SRC, 'i18n', 'en.ts')];
  for (const f of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    const name = basename(f);
    if (name === 'strings.ts' || /^[a-z-]+-strings\.ts$/.test(name)) out.push(join(SRC, f));
  }
  return out.sort();
}

/** Where the translation of `source` into `lang` lives, and its export's name. */
function translationOf(source: string, englishName: string, lang: string): { file: string; name: string } {
  if (basename(source) === 'en.ts')
    return { file: join(dirname(source), `ui-${lang}.ts`), name: `ui${cap(lang)}` };
  return {
    file: source.replace(/\.ts$/, `-${lang}.ts`),
    name: englishName.replace(/En$/, cap(lang)),
  };
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Each difference between the English and a translation, as `path: what`. */
function differences(en: unknown, tr: unknown, path: string): string[] {
  if (typeof en === 'string') {
    if (typeof tr !== 'string') return [`${path}: not a string`];
    if (en.trim() !== '' && tr.trim() === '') return [`${path}: empty`];
    const [a, b] = [placeholders(en), placeholders(tr)];
    return a.join() === b.join()
      ? []
      : [`${path}: placeholders ${b.join(',') || 'none'}, English has ${a.join(',')}`];
  }
  if (Array.isArray(en)) {
    if (!Array.isArray(tr) || tr.length !== en.length) return [`${path}: not an array of ${en.length}`];
    return en.flatMap((v, i) => differences(v, tr[i], `${path}[${i}]`));
  }
  if (en && typeof en === 'object') {
    if (!tr || typeof tr !== 'object') return [`${path}: missing`];
    const extra = Object.keys(tr)
      .filter((k) => !(k in en))
      .map((k) => `${path}.${k}: not in English`);
    return [
      ...extra,
      ...Object.entries(en).flatMap(([k, v]) =>
        differences(v, (tr as Record<string, unknown>)[k], `${path}.${k}`),
      ),
    ];
  }
  return [];
}

describe('translations of the UI', () => {
  const files = sources();

  it('finds the English sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.slice(SRC.length + 1), f]))(
    '%s is translated completely',
    async (_name, file) => {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const [englishName, english] = Object.entries(mod).find(([k]) => k === 'en' || /En$/.test(k))!;
      const problems: string[] = [];
      for (const lang of OTHERS) {
        const { file: trFile, name } = translationOf(file, englishName, lang);
        let tr: unknown;
        try {
          tr = ((await import(pathToFileURL(trFile).href)) as Record<string, unknown>)[name];
        } catch {
          problems.push(`${lang}: no ${trFile.slice(SRC.length + 1)}`);
          continue;
        }
        if (tr === undefined) problems.push(`${lang}: ${trFile.slice(SRC.length + 1)} exports no ${name}`);
        else problems.push(...differences(english, tr, `${lang} ${name}`));
      }
      expect(problems).toEqual([]);
    },
  );
});
