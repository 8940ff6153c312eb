/**
 * The hub's national catalogue as a `dcat:Catalog` holding many HealthDCAT-AP datasets (Art. 57(1)(j)(i),
 * 77). The HealthData@EU shapes are per access level and apply to every `dcat:Dataset` in a graph, so
 * validate each dataset's own document (`datasetToRdf`) at its level, not the whole catalogue.
 */
import { DataFactory, type Store } from 'n3';
import { agentToRdf } from './agent-rdf';
import { GraphBuilder, mint } from './graph-builder';
import { writeDataset } from './to-rdf';
import type { CatalogueDescription, RdfOptions } from './types';
import { EHDS_ELI, LANGUAGE_NAL, SCHEMES } from './vocab';

const { namedNode } = DataFactory;

/** Builds the catalogue graph with all its datasets. */
export function catalogueToRdf(catalogue: CatalogueDescription, options: RdfOptions = {}): Store {
  const g = new GraphBuilder(options.healthdcatapNs);
  const node = namedNode(catalogue.iri);
  g.type(node, 'dcat:Catalog');
  g.text(node, 'dct:title', catalogue.title);
  g.text(node, 'dct:description', catalogue.description);
  g.add(node, 'dct:publisher', agentToRdf(g, catalogue.publisher, mint(catalogue.iri, 'publisher')));
  // R8 `:Catalog_Shape`: the catalogue names the EHDS Regulation as applicable legislation.
  g.link(node, 'dcatap:applicableLegislation', EHDS_ELI, 'eli:LegalResource');
  g.link(node, 'foaf:homepage', catalogue.homepage, 'foaf:Document');
  for (const lang of catalogue.languages ?? []) {
    g.concept(
      node,
      'dct:language',
      'language',
      LANGUAGE_NAL[lang] ?? lang.toUpperCase(),
      undefined,
      'dct:LinguisticSystem',
    );
  }
  for (const code of catalogue.spatial ?? [])
    g.concept(node, 'dct:spatial', 'country', code, undefined, 'dct:Location');
  g.typed(node, 'dct:modified', catalogue.modified, 'xsd:date');
  const themes = namedNode(SCHEMES.dataTheme.iri);
  g.add(node, 'dcat:themeTaxonomy', themes);
  g.type(themes, 'skos:ConceptScheme');
  g.add(themes, 'dct:title', DataFactory.literal(SCHEMES.dataTheme.title, 'en'));
  for (const dataset of catalogue.datasets) g.add(node, 'dcat:dataset', writeDataset(g, dataset));
  return g.store;
}
