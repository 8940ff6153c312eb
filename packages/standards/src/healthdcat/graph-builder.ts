/**
 * A thin writer over an n3 Store for building HealthDCAT-AP graphs: prefixed names, language-tagged
 * text, typed literals, and code-list values stated as `skos:Concept` in their typed, titled scheme.
 * The HealthData@EU validator preloads the EU vocabularies; offline we state those memberships
 * ourselves so the shapes can check them (conformance/README.md).
 */
import { DataFactory, Store, type BlankNode, type NamedNode, type Quad_Object } from 'n3';
import type { LangString } from './types';
import { DEFAULT_HEALTHDCATAP_NS, NS, SCHEMES, conceptIri, type SchemeName } from './vocab';

const { namedNode, literal, blankNode, quad } = DataFactory;

/** A subject we write about. */
export type Node = NamedNode | BlankNode;

/** Prefix → namespace for every vocabulary we emit, with the configured `healthdcatap:`. */
export function prefixes(healthdcatapNs: string = DEFAULT_HEALTHDCATAP_NS): Record<string, string> {
  return { ...NS, healthdcatap: healthdcatapNs };
}

/** Builds one graph; `prefixes` decides how `prefix:local` names expand. */
export class GraphBuilder {
  readonly store = new Store();
  readonly prefixes: Record<string, string>;
  private readonly conceptsDone = new Set<string>();

  constructor(healthdcatapNs?: string) {
    this.prefixes = prefixes(healthdcatapNs);
  }

  /** True the first time `key` is seen: resources shared by several datasets are described once. */
  firstTime(key: string): boolean {
    if (this.conceptsDone.has(key)) return false;
    this.conceptsDone.add(key);
    return true;
  }

  /** Expands `prefix:local` (or returns a full IRI as a node). */
  iri(name: string): NamedNode {
    const colon = name.indexOf(':');
    const ns = colon > 0 ? this.prefixes[name.slice(0, colon)] : undefined;
    return namedNode(ns && !name.startsWith('http') ? ns + name.slice(colon + 1) : name);
  }

  /** A fresh blank node. */
  blank(): BlankNode {
    return blankNode();
  }

  /** Adds one triple; the predicate is a prefixed name. */
  add(subject: Node, predicate: string, object: Quad_Object): void {
    this.store.addQuad(quad(subject, this.iri(predicate), object));
  }

  /** Adds `rdf:type` for each prefixed class name. */
  type(subject: Node, ...classes: string[]): void {
    for (const c of classes) this.add(subject, 'rdf:type', this.iri(c));
  }

  /** Adds one language-tagged literal per language of `text`. */
  text(subject: Node, predicate: string, text: LangString | undefined): void {
    if (!text) return;
    for (const [lang, value] of Object.entries(text)) this.add(subject, predicate, literal(value, lang));
  }

  /** Adds a plain (xsd:string) literal. */
  plain(subject: Node, predicate: string, value: string | undefined): void {
    if (value !== undefined) this.add(subject, predicate, literal(value));
  }

  /** Adds a typed literal; `datatype` is a prefixed name such as `xsd:date`. */
  typed(
    subject: Node,
    predicate: string,
    value: string | number | boolean | undefined,
    datatype: string,
  ): void {
    if (value !== undefined) this.add(subject, predicate, literal(String(value), this.iri(datatype)));
  }

  /** Links to an IRI, typing it with `classes` (e.g. `foaf:Document` for pages). */
  link(subject: Node, predicate: string, target: string | undefined, ...classes: string[]): void {
    if (target === undefined) return;
    const node = namedNode(target);
    this.add(subject, predicate, node);
    this.type(node, ...classes);
  }

  /**
   * Links to the code-list value `code` of `scheme`, stating it as a `skos:Concept` in the typed,
   * titled scheme and giving it the DCAT-AP range class(es) of the property.
   */
  concept(
    subject: Node,
    predicate: string,
    scheme: SchemeName,
    code: string,
    label?: string,
    ...classes: string[]
  ): NamedNode {
    const node = namedNode(conceptIri(scheme, code));
    this.add(subject, predicate, node);
    this.type(node, ...classes);
    if (!this.conceptsDone.has(node.value)) {
      this.conceptsDone.add(node.value);
      const schemeNode = namedNode(SCHEMES[scheme].iri);
      this.type(node, 'skos:Concept');
      this.add(node, 'skos:inScheme', schemeNode);
      this.add(node, 'skos:prefLabel', literal(label ?? code, 'en'));
      if (!this.conceptsDone.has(schemeNode.value)) {
        this.conceptsDone.add(schemeNode.value);
        this.type(schemeNode, 'skos:ConceptScheme');
        this.add(schemeNode, 'dct:title', literal(SCHEMES[scheme].title, 'en'));
      }
    }
    return node;
  }
}

/** Mints a child IRI under `base` (`base#local`, or `base-local` when base already has a fragment). */
export function mint(base: string, local: string): NamedNode {
  const safe = local.replace(/[^A-Za-z0-9._-]/g, '_');
  return namedNode(base.includes('#') ? `${base}-${safe}` : `${base}#${safe}`);
}
