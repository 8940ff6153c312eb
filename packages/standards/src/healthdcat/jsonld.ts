/**
 * A compact-ish JSON-LD 1.1 writer: an `@context` of our prefixes and one node object per subject in
 * `@graph`, with prefixed property names and `@type`s. Literals keep their exact lexical form (typed
 * values as `{@value, @type}`), so parsing the document back yields the same quads.
 */
import type { Quad, Term } from '@rdfjs/types';
import { prefixes as defaultPrefixes } from './graph-builder';

type JsonValue = string | { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };
type NodeObject = { '@id': string; '@type'?: string[] } & Record<string, JsonValue[] | string[] | string>;

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** Serialises quads (default graph) as a JSON-LD document object. */
export function toJsonLdObject(
  quads: Iterable<Quad>,
  prefixes: Record<string, string> = defaultPrefixes(),
): { '@context': Record<string, string>; '@graph': NodeObject[] } {
  const compact = compactor(prefixes);
  const nodes = new Map<string, NodeObject>();
  for (const q of quads) {
    const id = nodeId(q.subject);
    let node = nodes.get(id);
    if (!node) {
      node = { '@id': id };
      nodes.set(id, node);
    }
    if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode') {
      (node['@type'] ??= []).push(compact(q.object.value));
      continue;
    }
    const key = compact(q.predicate.value);
    const values = (node[key] ??= []) as JsonValue[];
    values.push(objectValue(q.object, compact));
  }
  return { '@context': { ...prefixes }, '@graph': [...nodes.values()] };
}

/** Serialises quads as a JSON-LD string (2-space indented). */
export function toJsonLd(quads: Iterable<Quad>, prefixes?: Record<string, string>): string {
  return `${JSON.stringify(toJsonLdObject(quads, prefixes), null, 2)}\n`;
}

function nodeId(term: Term): string {
  // Full IRIs in @id: no compact-IRI ambiguity with schemes such as `mailto:`.
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function objectValue(term: Term, compact: (iri: string) => string): JsonValue {
  if (term.termType === 'NamedNode' || term.termType === 'BlankNode') return { '@id': nodeId(term) };
  if (term.termType !== 'Literal') throw new Error(`cannot write a ${term.termType} as JSON-LD`);
  if (term.language) return { '@value': term.value, '@language': term.language };
  if (term.datatype.value === XSD_STRING) return term.value;
  return { '@value': term.value, '@type': compact(term.datatype.value) };
}

/** Longest-namespace-first compaction to `prefix:local` where the local part is safe. */
function compactor(prefixes: Record<string, string>): (iri: string) => string {
  const entries = Object.entries(prefixes).sort((a, b) => b[1].length - a[1].length);
  return (iri) => {
    for (const [prefix, ns] of entries) {
      // A local part containing ':' or '/' could be misread; keep such IRIs whole.
      if (iri.startsWith(ns) && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(iri.slice(ns.length))) {
        return `${prefix}:${iri.slice(ns.length)}`;
      }
    }
    return iri;
  };
}
