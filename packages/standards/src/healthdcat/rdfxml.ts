/**
 * A small RDF/XML writer (the HealthData@EU validator accepts RDF/XML and Turtle): one
 * `rdf:Description` per subject, `rdf:resource` for IRIs, `rdf:nodeID` for blank nodes,
 * `xml:lang` and `rdf:datatype` for literals, and XML escaping of text and attributes.
 */
import type { Quad, Term } from '@rdfjs/types';
import { prefixes as defaultPrefixes } from './graph-builder';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry at all, even escaped.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/; // eslint-disable-line no-control-regex

/** Serialises quads (default graph) as RDF/XML. */
export function toRdfXml(
  quads: Iterable<Quad>,
  prefixes: Record<string, string> = defaultPrefixes(),
): string {
  const ns = new Map<string, string>(Object.entries({ ...prefixes, rdf: RDF }).map(([p, iri]) => [iri, p]));
  const bySubject = new Map<string, { subject: Term; quads: Quad[] }>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    let entry = bySubject.get(key);
    if (!entry) bySubject.set(key, (entry = { subject: q.subject, quads: [] }));
    entry.quads.push(q);
  }
  const body: string[] = [];
  for (const { subject, quads: triples } of bySubject.values()) {
    body.push(`  <rdf:Description ${subjectAttr(subject)}>`);
    for (const q of triples) body.push(`    ${propertyElement(q, ns)}`);
    body.push('  </rdf:Description>');
  }
  const declarations = [...ns.entries()].map(([iri, p]) => `\n    xmlns:${p}="${escape(iri)}"`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n${body.join('\n')}\n</rdf:RDF>\n`;
}

function subjectAttr(subject: Term): string {
  if (subject.termType === 'BlankNode') return `rdf:nodeID="${escape(nodeId(subject.value))}"`;
  return `rdf:about="${escape(subject.value)}"`;
}

function propertyElement(q: Quad, ns: Map<string, string>): string {
  const { name, declaration } = qname(q.predicate.value, ns);
  const o = q.object;
  if (o.termType === 'NamedNode') return `<${name}${declaration} rdf:resource="${escape(o.value)}"/>`;
  if (o.termType === 'BlankNode') return `<${name}${declaration} rdf:nodeID="${escape(nodeId(o.value))}"/>`;
  if (o.termType !== 'Literal') throw new Error(`cannot write a ${o.termType} as RDF/XML`);
  let attrs = declaration;
  if (o.language) attrs += ` xml:lang="${escape(o.language)}"`;
  else if (o.datatype.value !== XSD_STRING) attrs += ` rdf:datatype="${escape(o.datatype.value)}"`;
  return `<${name}${attrs}>${escape(o.value)}</${name}>`;
}

/** `prefix:local` for a known namespace, else an element with its own default namespace. */
function qname(iri: string, ns: Map<string, string>): { name: string; declaration: string } {
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
  const [namespace, local] = [iri.slice(0, cut), iri.slice(cut)];
  if (!NCNAME.test(local)) throw new Error(`predicate ${iri} has no XML-safe local name for RDF/XML`);
  const prefix = ns.get(namespace);
  if (prefix) return { name: `${prefix}:${local}`, declaration: '' };
  return { name: `ns0:${local}`, declaration: ` xmlns:ns0="${escape(namespace)}"` };
}

function nodeId(label: string): string {
  // rdf:nodeID must be an NCName; n3 labels such as `n3-12` are, others get a prefix.
  return NCNAME.test(label) ? label : `b${label.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

function escape(text: string): string {
  if (XML_ILLEGAL.test(text)) throw new Error('text contains a character XML 1.0 cannot represent');
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}
