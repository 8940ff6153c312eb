/** Unit tests of our JSON-LD and RDF/XML writers on awkward input; full round trips are in the conformance suite. */
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { toJsonLdObject } from './jsonld';
import { serialise } from './serialise';
import { canonical, parseWith } from './test-support';

const { namedNode, literal, blankNode, quad } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';

const b = blankNode('x1');
const quads = [
  quad(
    namedNode('https://ex.org/d?a=1&b=2'),
    namedNode('http://purl.org/dc/terms/title'),
    literal('Tom & "Jerry" <3>\nline2', 'en'),
  ),
  quad(namedNode('https://ex.org/d?a=1&b=2'), namedNode('https://unknown.example/vocab/prop'), b),
  quad(
    b,
    namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'),
    namedNode('http://purl.org/dc/terms/PeriodOfTime'),
  ),
  quad(b, namedNode('http://www.w3.org/ns/dcat#startDate'), literal('2020-01-01', namedNode(`${XSD}date`))),
  quad(
    b,
    namedNode('http://www.w3.org/ns/dcat#byteSize'),
    literal('007', namedNode(`${XSD}nonNegativeInteger`)),
  ),
  quad(b, namedNode('http://www.w3.org/2004/02/skos/core#notation'), literal('plain')),
  quad(b, namedNode('http://www.w3.org/2006/vcard/ns#hasEmail'), namedNode('mailto:a@b.fi')),
];

describe('serialisers', () => {
  for (const [format, mediaType] of [
    ['turtle', 'text/turtle'],
    ['jsonld', 'application/ld+json'],
    ['rdfxml', 'application/rdf+xml'],
  ] as const) {
    it(`${format} round-trips escaping, blank nodes, datatypes and unknown namespaces`, async () => {
      const parsed = await parseWith(mediaType, await serialise(quads, format));
      expect(parsed).toHaveLength(quads.length);
      expect(canonical(parsed)).toBe(canonical(quads));
    });
  }

  it('writes compact JSON-LD: prefixed keys and types, exact lexical forms', () => {
    const doc = toJsonLdObject(quads);
    const period = doc['@graph'].find((n) => n['@id'] === '_:x1');
    expect(period?.['@type']).toEqual(['dct:PeriodOfTime']);
    expect(period?.['dcat:byteSize']).toEqual([{ '@value': '007', '@type': 'xsd:nonNegativeInteger' }]);
    expect(period?.['skos:notation']).toEqual(['plain']);
    expect(doc['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
  });

  it('refuses text XML cannot carry', async () => {
    const bad = [
      quad(namedNode('https://ex.org/a'), namedNode('http://purl.org/dc/terms/title'), literal('bell\u0007')),
    ];
    await expect(serialise(bad, 'rdfxml')).rejects.toThrow(/XML 1.0/);
  });
});
