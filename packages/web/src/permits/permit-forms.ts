/**
 * Pure rules of the permit forms: what an amendment (TEHDAS2 D6.3), a renewal (Art. 68(12)) and a
 * reported result (Art. 61(4)) send, and the messages for what is missing. The hub checks the same
 * and answers with every field at fault; these checks only spare a round trip.
 */
import type {
  AmendInput,
  NamedPerson,
  PersonRole,
  RenewInput,
  ResultInput,
  ResultKind,
} from '@openehds/client';
import { fmt, formatDate } from '../i18n/format';
import { permitsText as t } from './strings';

/** A person as the amendment form edits it (every field a string). */
export interface PersonDraft {
  name: string;
  email: string;
  role: PersonRole;
  orcid: string;
  affiliation: string;
}

/** The amendment form. */
export interface AmendDraft {
  persons: PersonDraft[];
  conditionsText: string;
  /** `YYYY-MM-DD` or ''. */
  validUntil: string;
  reason: string;
}

/** Field → message of a form check. */
export type FormErrors = Partial<Record<string, string>>;

/** The lines of a text area as a list: trimmed, empty lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The form's starting point: the version's persons and conditions, no new end, no reason. */
export function amendDraftOf(content: {
  persons: { name: string; email: string; role: string; orcid?: string; affiliation?: string }[];
  conditions: string[];
}): AmendDraft {
  return {
    persons: content.persons.map((p) => ({
      name: p.name,
      email: p.email,
      role: p.role as PersonRole,
      orcid: p.orcid ?? '',
      affiliation: p.affiliation ?? '',
    })),
    conditionsText: content.conditions.join('\n'),
    validUntil: '',
    reason: '',
  };
}

function toPerson(p: PersonDraft): NamedPerson {
  return {
    name: p.name.trim(),
    email: p.email.trim(),
    role: p.role,
    ...(p.orcid.trim() ? { orcid: p.orcid.trim() } : {}),
    ...(p.affiliation.trim() ? { affiliation: p.affiliation.trim() } : {}),
  };
}

/** A person as a permit names them (the role as the hub stores it). */
type PermitPerson = { name: string; email: string; role: string; orcid?: string };

const samePersons = (a: readonly PermitPerson[], b: readonly PermitPerson[]) =>
  JSON.stringify(a.map((p) => [p.name, p.email.toLowerCase(), p.role, p.orcid ?? ''])) ===
  JSON.stringify(b.map((p) => [p.name, p.email.toLowerCase(), p.role, p.orcid ?? '']));

/**
 * The amendment to send, with only what changed, or the errors: a reason; every person named with an
 * e-mail and exactly one principal investigator (Art. 68(10)(d)); an end only earlier than now set.
 */
export function amendInput(
  draft: AmendDraft,
  current: { persons: readonly PermitPerson[]; conditions: readonly string[]; validUntil: string },
): { input: AmendInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const persons = draft.persons.map(toPerson);
  const conditions = linesOf(draft.conditionsText);
  if (!draft.reason.trim()) errors.reason = t.staff.reasonMissing;
  if (persons.some((p) => !p.name || !p.email)) errors.persons = t.staff.personIncomplete;
  else if (persons.filter((p) => p.role === 'principal_investigator').length !== 1)
    errors.persons = t.staff.noPi;
  const currentEnd = formatDate(current.validUntil);
  if (draft.validUntil && !(draft.validUntil < currentEnd))
    errors.validUntil = fmt(t.staff.laterEnd, { date: currentEnd });
  const personsChanged = !samePersons(persons, current.persons);
  const conditionsChanged = JSON.stringify(conditions) !== JSON.stringify(current.conditions);
  if (!errors.persons && !errors.validUntil && !personsChanged && !conditionsChanged && !draft.validUntil)
    errors.form = t.staff.nothingChanged;
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      reason: draft.reason.trim(),
      ...(personsChanged ? { persons } : {}),
      ...(conditionsChanged ? { conditions } : {}),
      ...(draft.validUntil ? { validUntil: draft.validUntil } : {}),
    },
  };
}

/** The latest end a renewal may set: 10 years after the current end (Art. 68(12)), as `YYYY-MM-DD`. */
export function maxRenewalEnd(validUntil: string): string {
  const d = new Date(validUntil);
  d.setUTCFullYear(d.getUTCFullYear() + 10);
  return formatDate(d.toISOString());
}

/** The renewal to send, or the errors: a new end after the current one, at most 10 years more, and a reason. */
export function renewInput(
  draft: { validUntil: string; reason: string },
  currentValidUntil: string,
): { input: RenewInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const end = formatDate(currentValidUntil);
  if (!draft.validUntil) errors.validUntil = t.staff.renewUntilMissing;
  else if (!(draft.validUntil > end) || draft.validUntil > maxRenewalEnd(currentValidUntil))
    errors.validUntil = fmt(t.staff.renewUntilHint, { date: end });
  if (!draft.reason.trim()) errors.reason = t.staff.reasonMissing;
  if (Object.keys(errors).length) return { errors };
  return { input: { validUntil: draft.validUntil, reason: draft.reason.trim() } };
}

/** The result form. */
export interface ResultDraft {
  kind: ResultKind;
  title: string;
  doi: string;
  url: string;
  isAiProduct: boolean;
}

const DOI = /^10\.\d{4,9}\/\S+$/;

/** A DOI as people paste it (`https://doi.org/10.1/x`, `doi:10.1/x`) in the bare form the hub wants. */
export function bareDoi(text: string): string {
  return text
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
}

/** The result to report, or the errors: a title, and a DOI or a web address (each well-formed). */
export function resultInput(draft: ResultDraft): { input: ResultInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const title = draft.title.trim();
  const doi = bareDoi(draft.doi);
  const url = draft.url.trim();
  if (!title) errors.title = t.results.titleMissing;
  if (!doi && !url) errors.doi = t.results.linkMissing;
  if (doi && !DOI.test(doi)) errors.doi = t.results.doiInvalid;
  if (url && !/^https?:\/\/\S+\.\S+/i.test(url)) errors.url = t.results.urlInvalid;
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      kind: draft.kind,
      title,
      ...(doi ? { doi } : {}),
      ...(url ? { url } : {}),
      isAiProduct: draft.isAiProduct,
    },
  };
}
