/**
 * Agents and contact points. HealthDCAT-AP R8 gives publisher, HDAB, HDAB coordinator and custodian a
 * CPSV `cv:ContactPoint` (exactly one, `:HealthAgent_Shape`), while the dataset's own
 * `dcat:contactPoint` is a `vcard:Kind` (conformance/README.md pitfalls).
 */
import { DataFactory, type NamedNode } from 'n3';
import { mint, type GraphBuilder, type Node } from './graph-builder';
import type { Agent, ContactPoint } from './types';

const { namedNode } = DataFactory;

/** Writes a `foaf:Agent` with its publisher type and `cv:ContactPoint`; returns its node. */
export function agentToRdf(g: GraphBuilder, agent: Agent, fallbackIri: NamedNode): NamedNode {
  const node = agent.iri ? namedNode(agent.iri) : fallbackIri;
  // An HDAB or holder shared by many datasets of a catalogue keeps exactly one cv:contactPoint (R8).
  if (!g.firstTime(`agent ${node.value}`)) return node;
  g.type(node, 'foaf:Agent');
  g.text(node, 'foaf:name', agent.name);
  // HealthData@EU publisher-type NAL (`:HealthPublisherAgent_ShapeCV`).
  g.concept(node, 'dct:type', 'publisherType', agent.type);
  g.text(node, 'dct:description', agent.note);
  const contact = g.blank();
  g.add(node, 'cv:contactPoint', contact);
  g.type(contact, 'cv:ContactPoint');
  g.plain(contact, 'cv:email', agent.contactPoint.email);
  if (agent.contactPoint.page) g.add(contact, 'cv:contactPage', namedNode(agent.contactPoint.page));
  g.plain(contact, 'cv:telephone', agent.contactPoint.telephone);
  return node;
}

/** Writes the dataset's `dcat:contactPoint` as a `vcard:Kind` (email as a `mailto:` IRI). */
export function contactPointToRdf(g: GraphBuilder, subject: Node, contact: ContactPoint, base: string): void {
  const node = mint(base, 'contact-point');
  g.add(subject, 'dcat:contactPoint', node);
  g.type(node, 'vcard:Kind');
  g.text(node, 'vcard:fn', contact.name);
  if (contact.email) g.add(node, 'vcard:hasEmail', namedNode(`mailto:${contact.email}`));
  if (contact.url) g.add(node, 'vcard:hasURL', namedNode(contact.url));
}
