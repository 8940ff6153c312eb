/** Languages a multilingual dataset description offers, English first, then alphabetical. */
export function availableLanguages(...texts: (Record<string, string> | undefined | null)[]): string[] {
  const langs = new Set<string>();
  for (const t of texts) for (const [k, v] of Object.entries(t ?? {})) if (v && v.trim()) langs.add(k);
  return [...langs].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

/** File extension for an RDF media type, for the downloaded file's name. */
export function rdfExtension(mediaType: string): string {
  if (mediaType === 'text/turtle') return 'ttl';
  if (mediaType === 'application/ld+json') return 'jsonld';
  if (mediaType === 'application/rdf+xml') return 'rdf';
  return 'txt';
}
