/**
 * Reading a HealthDCAT-AP description (as the hub stores it) into display text: multilingual texts in
 * the chosen language, keywords grouped by language, legal bases and purposes as lists. Pure.
 */
import type { DatasetDescription, LangText } from '@openehds/client';
import { formatDate } from '../i18n/format';
import { pickLang } from './labels';

/** Known legislation IRIs (ELI) and their short names; any other IRI is shown as it is. */
const LEGISLATION: Record<string, string> = {
  'http://data.europa.eu/eli/reg/2025/327/oj': 'Regulation (EU) 2025/327 (European Health Data Space)',
  'http://data.europa.eu/eli/reg/2016/679/oj': 'Regulation (EU) 2016/679 (GDPR)',
};

/** The short name of a legislation IRI, or the IRI itself. */
export function legislationName(iri: string): string {
  return LEGISLATION[iri] ?? iri;
}

/** Keywords in a language (falling back to English, then to every language's keywords). */
export function keywordsIn(keywords: DatasetDescription['keywords'], lang: string): string[] {
  if (!keywords) return [];
  if (Array.isArray(keywords)) return keywords.map(String);
  const chosen = keywords[lang] ?? keywords.en;
  if (chosen) return chosen;
  return [...new Set(Object.values(keywords).flat())];
}

/** Several multilingual texts in one language, each non-empty one once. */
export function textsIn(texts: readonly (LangText | undefined)[] | undefined, lang: string): string[] {
  const out: string[] = [];
  for (const t of texts ?? []) {
    const v = pickLang(t, lang).trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** A period as `start – end`, an open end shown as `…`; '' when there is no start. */
export function periodText(
  period: { start?: string | null; end?: string | null } | null | undefined,
): string {
  if (!period?.start) return '';
  return `${formatDate(period.start)} – ${period.end ? formatDate(period.end) : '…'}`;
}

/** The description's legal bases of the original collection, in one language. */
export function legalBasesIn(d: DatasetDescription, lang: string): string[] {
  return textsIn(
    (d.legalBases ?? []).map((b) => b.description),
    lang,
  );
}
