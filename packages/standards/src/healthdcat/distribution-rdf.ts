/** `dcat:Distribution` records: access routes, samples and analytics outputs of a dataset. */
import { DataFactory, type NamedNode } from 'n3';
import { mint, type GraphBuilder } from './graph-builder';
import type { Distribution } from './types';

const { namedNode } = DataFactory;

const IANA = 'http://www.iana.org/assignments/media-types/';

/** Writes one distribution under `base`; `kind` keeps sample/analytics IRIs apart from access routes. */
export function distributionToRdf(
  g: GraphBuilder,
  d: Distribution,
  base: string,
  kind: 'distribution' | 'sample' | 'analytics',
  legislation: string[],
): NamedNode {
  const node = mint(base, `${kind}-${d.id}`);
  g.type(node, 'dcat:Distribution');
  g.text(node, 'dct:title', d.title);
  g.text(node, 'dct:description', d.description);
  // R8 `:Distribution_Shape`: every distribution names its applicable legislation.
  for (const eli of legislation) g.link(node, 'dcatap:applicableLegislation', eli, 'eli:LegalResource');
  g.add(node, 'dcat:accessURL', namedNode(d.accessUrl));
  if (d.downloadUrl) g.add(node, 'dcat:downloadURL', namedNode(d.downloadUrl));
  if (d.format) g.concept(node, 'dct:format', 'fileType', d.format, undefined, 'dct:MediaTypeOrExtent');
  if (d.mediaType) g.link(node, 'dcat:mediaType', IANA + d.mediaType, 'dct:MediaType');
  if (d.licence) g.concept(node, 'dct:license', 'licence', d.licence, undefined, 'dct:LicenseDocument');
  if (d.rights) {
    const rights = g.blank();
    g.add(node, 'dct:rights', rights);
    g.type(rights, 'dct:RightsStatement');
    g.text(rights, 'rdfs:label', d.rights);
  }
  if (d.availability) g.concept(node, 'dcatap:availability', 'availability', d.availability);
  if (d.status) g.concept(node, 'adms:status', 'distributionStatus', d.status);
  g.typed(node, 'dcat:byteSize', d.byteSize, 'xsd:nonNegativeInteger');
  return node;
}
