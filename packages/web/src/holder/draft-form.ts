/**
 * Pure rules of the dataset description form (Art. 60(3), 77): languages, list fields, and placing
 * each validation issue the node returns beside the field it is about.
 */
import type { DatasetDraft } from '@openehds/client';
import { cleanDataUse, dataUseFields } from '../catalogue/duo';

/** Splits a comma-separated input into trimmed, non-empty, distinct items. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const t = part.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Joins a list for a comma-separated input. */
export function joinList(list: readonly string[] | undefined): string {
  return (list ?? []).join(', ');
}

/** The draft's languages: English always first (the catalogue's pivot language), then the others A–Z. */
export function draftLanguages(draft: Pick<DatasetDraft, 'title' | 'description'>): string[] {
  const langs = new Set<string>([
    'en',
    ...Object.keys(draft.title ?? {}),
    ...Object.keys(draft.description ?? {}),
  ]);
  return [...langs].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

/** Adds an empty title and description in a language (no-op if present or not a language code). */
export function addLanguage<T extends Pick<DatasetDraft, 'title' | 'description'>>(
  draft: T,
  lang: string,
): T {
  const code = lang.trim().toLowerCase();
  if (!/^[a-z]{2,3}$/.test(code) || code in draft.title || code in draft.description) return draft;
  return {
    ...draft,
    title: { ...draft.title, [code]: '' },
    description: { ...draft.description, [code]: '' },
  };
}

/** Removes a language's title and description; English stays, as the catalogue requires it. */
export function removeLanguage<T extends Pick<DatasetDraft, 'title' | 'description'>>(
  draft: T,
  lang: string,
): T {
  if (lang === 'en') return draft;
  const title = { ...draft.title };
  const description = { ...draft.description };
  delete title[lang];
  delete description[lang];
  return { ...draft, title, description };
}

function trimText(text: Record<string, string>, keep: (lang: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(text)) if (keep(k)) out[k] = (v ?? '').trim();
  return out;
}

/**
 * The draft as sent to the node: strings trimmed, and languages left completely empty dropped (an
 * added-then-unused language is not an error); English is always sent so a missing title is reported.
 */
export function cleanDraft(draft: DatasetDraft): DatasetDraft {
  const used = (lang: string) =>
    lang === 'en' || Boolean(draft.title[lang]?.trim()) || Boolean(draft.description[lang]?.trim());
  return {
    ...draft,
    title: trimText({ en: '', ...draft.title }, used),
    description: trimText({ en: '', ...draft.description }, used),
    contactPoint: { name: draft.contactPoint.name.trim(), email: draft.contactPoint.email.trim() },
    publisherType: draft.publisherType.trim(),
    legalBasis: draft.legalBasis.trim(),
    purpose: draft.purpose.trim(),
    provenance: draft.provenance.trim(),
    retentionPeriod: cleanPeriod(draft.retentionPeriod),
    dataUse: cleanDataUse(draft.dataUse),
  };
}

/**
 * The retention period as sent: left out when both dates are empty (it is optional), otherwise sent
 * as typed so the node reports a missing or malformed start beside the field.
 */
export function cleanPeriod(
  period: { start?: string; end?: string } | undefined,
): DatasetDraft['retentionPeriod'] {
  const start = period?.start?.trim() ?? '';
  const end = period?.end?.trim() ?? '';
  if (!start && !end) return undefined;
  return end ? { start, end } : { start };
}

/** Where validation messages go: per field path, and those that match no field. */
export interface PlacedIssues {
  byField: Record<string, string[]>;
  unplaced: string[];
}

/** Normalises `/a/b`, `a[0]` and `a.b` paths to the dotted form. */
function dotted(path: string | undefined): string {
  return (path ?? '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '');
}

/**
 * Assigns every issue to the most specific known field whose path it starts with (`keywords.2` →
 * `keywords`); an issue that fits no field is kept in `unplaced`, so no message is ever lost.
 */
export function placeIssues(
  issues: readonly { path?: string; message: string }[],
  fields: readonly string[],
): PlacedIssues {
  const byField: Record<string, string[]> = {};
  const unplaced: string[] = [];
  const sorted = [...fields].sort((a, b) => b.length - a.length);
  for (const issue of issues) {
    const path = dotted(issue.path);
    const field = sorted.find((f) => path === f || path.startsWith(`${f}.`));
    if (field) (byField[field] ??= []).push(issue.message);
    else unplaced.push(path ? `${path}: ${issue.message}` : issue.message);
  }
  return { byField, unplaced };
}

/**
 * The field paths of the form for a set of languages and number of DUO data-use conditions, in the
 * names the node's validator uses.
 */
export function formFields(langs: readonly string[], dataUseCount = 0): string[] {
  return [
    'title',
    'description',
    ...langs.flatMap((l) => [`title.${l}`, `description.${l}`]),
    'keywords',
    'accessRights',
    'healthCategories',
    'contactPoint',
    'contactPoint.name',
    'contactPoint.email',
    'publisherType',
    'legalBasis',
    'purpose',
    'provenance',
    'retentionPeriod',
    'retentionPeriod.start',
    'retentionPeriod.end',
    'theme',
    ...dataUseFields(dataUseCount),
  ];
}
