/** One entry point for every RDF syntax the catalogue is served in. */
import type { Quad } from '@rdfjs/types';
import { prefixes } from './graph-builder';
import { toJsonLd } from './jsonld';
import type { CatalogueFormat } from './negotiate';
import { toRdfXml } from './rdfxml';
import { toTurtle } from './turtle';

/** An RDF syntax we write. */
export type RdfFormat = Exclude<CatalogueFormat, 'json'>;

/** Serialises quads as Turtle, JSON-LD or RDF/XML with the HealthDCAT-AP prefixes. */
export async function serialise(
  quads: Iterable<Quad>,
  format: RdfFormat,
  healthdcatapNs?: string,
): Promise<string> {
  const p = prefixes(healthdcatapNs);
  const list = [...quads];
  switch (format) {
    case 'turtle':
      return toTurtle(list, p);
    case 'jsonld':
      return toJsonLd(list, p);
    case 'rdfxml':
      return toRdfXml(list, p);
  }
}
