/**
 * The phenotype typeahead's list (issue 5 §2 filters, §5): HPO terms the nodes hold (from the network's
 * `/filtering_terms`), matched on code or name, the best matches first. Only terms some node holds are
 * offered, since a Beacon refuses any other by name. Pure.
 */
import type { BeaconFilteringTermJson } from '@openehds/client';

/** A term as offered. */
export interface TermOption {
  id: string;
  label: string;
}

const HPO = /^HP:\d{7}$/;

/** The HPO terms of a `/filtering_terms` list, one per id, sorted by name. */
export function hpoTerms(terms: readonly BeaconFilteringTermJson[]): TermOption[] {
  const seen = new Map<string, TermOption>();
  for (const term of terms)
    if (HPO.test(term.id) && !seen.has(term.id)) seen.set(term.id, { id: term.id, label: term.label ?? '' });
  return [...seen.values()].sort((a, b) => (a.label || a.id).localeCompare(b.label || b.id));
}

/** Up to `max` terms matching `text`, not yet picked: code prefix, then name prefix, then name part. */
export function suggestTerms(
  terms: readonly TermOption[],
  text: string,
  picked: readonly string[],
  max = 8,
): TermOption[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const rank = (t: TermOption): number => {
    const label = t.label.toLowerCase();
    if (t.id.toLowerCase().startsWith(q) || t.id.slice(3).startsWith(q)) return 0;
    if (label.startsWith(q)) return 1;
    if (label.split(/[\s,-]+/).some((w) => w.startsWith(q))) return 2;
    if (label.includes(q)) return 3;
    return -1;
  };
  return terms
    .filter((t) => !picked.includes(t.id))
    .map((t) => ({ t, r: rank(t) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r)
    .slice(0, max)
    .map((x) => x.t);
}

/**
 * A term typed in full (`hp:0001250` → `HP:0001250`) when it is one the nodes hold, or — when the list
 * could not be loaded — any well-formed HPO code (the Beacon still refuses unknown ones, by name).
 */
export function typedTerm(text: string, terms: readonly TermOption[] | null): string | null {
  const id = text.trim().toUpperCase();
  if (!HPO.test(id)) return null;
  if (terms === null) return id;
  return terms.some((t) => t.id === id) ? id : null;
}
