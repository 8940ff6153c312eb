/** HTTP content negotiation for catalogue and dataset documents (RFC 9110 §12.5.1 `Accept`). */

/** A representation the hub can serve. `json` is the plain `DatasetDescription` JSON of our API. */
export type CatalogueFormat = 'turtle' | 'jsonld' | 'rdfxml' | 'json';

/** Media type served for each format. */
export const MEDIA_TYPES: Record<CatalogueFormat, string> = {
  turtle: 'text/turtle',
  jsonld: 'application/ld+json',
  rdfxml: 'application/rdf+xml',
  json: 'application/json',
};

// Server preference when the client's q-values tie: Turtle is DCAT-AP's reference syntax.
const PREFERENCE: CatalogueFormat[] = ['turtle', 'jsonld', 'rdfxml', 'json'];

interface Range {
  type: string;
  subtype: string;
  q: number;
}

/**
 * Picks the format for an `Accept` header: highest q first, then specificity, then our preference.
 * No header or `*\/*` gives Turtle; `null` means nothing acceptable (answer 406).
 */
export function negotiate(acceptHeader: string | undefined | null): CatalogueFormat | null {
  const ranges = parseAccept(acceptHeader ?? '');
  if (ranges.length === 0) return 'turtle';
  let best: { format: CatalogueFormat; q: number; specificity: number } | null = null;
  for (const format of PREFERENCE) {
    const [type, subtype] = MEDIA_TYPES[format].split('/') as [string, string];
    // The most specific matching range decides this format's q (RFC 9110 §12.5.1).
    const match = ranges
      .filter((r) => (r.type === '*' || r.type === type) && (r.subtype === '*' || r.subtype === subtype))
      .map((r) => ({ q: r.q, specificity: (r.type === '*' ? 0 : 1) + (r.subtype === '*' ? 0 : 1) }))
      .sort((a, b) => b.specificity - a.specificity)[0];
    if (!match || match.q <= 0) continue;
    if (!best || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) {
      best = { format, ...match };
    }
  }
  return best?.format ?? null;
}

function parseAccept(header: string): Range[] {
  return header
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const [mediaRange = '', ...params] = part.split(';').map((s) => s.trim());
      const [type, subtype] = mediaRange.toLowerCase().split('/');
      if (!type || !subtype) return [];
      const qParam = params.find((p) => p.toLowerCase().startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return [{ type, subtype, q: Number.isFinite(q) ? q : 0 }];
    });
}
