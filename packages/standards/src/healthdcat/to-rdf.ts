/**
 * A dataset description → HealthDCAT-AP R8 on DCAT-AP 3 as an RDF/JS dataset (n3 Store). Every
 * code-list value is stated as a `skos:Concept` of its scheme so the official shapes can check it
 * offline. Validate the result per access level with `validateHealthDcat`.
 */
import { DataFactory, type NamedNode, type Store } from 'n3';
import { agentToRdf, contactPointToRdf } from './agent-rdf';
import { dataUseToRdf } from './data-use-rdf';
import { distributionToRdf } from './distribution-rdf';
import { GraphBuilder, mint } from './graph-builder';
import { qualityLabelToRdf } from './quality';
import type { DatasetDescription, Period, RdfOptions } from './types';
import { variablesToRdf } from './variables-rdf';
import { HEALTH_CATEGORIES, LANGUAGE_NAL } from './vocab';

const { literal, namedNode } = DataFactory;

/** Builds the RDF of one dataset record (its own document, as the validator expects). */
export function datasetToRdf(description: DatasetDescription, options: RdfOptions = {}): Store {
  const g = new GraphBuilder(options.healthdcatapNs);
  writeDataset(g, description);
  return g.store;
}

/** Writes one dataset into `g` and returns its node (shared with the catalogue builder). */
export function writeDataset(g: GraphBuilder, d: DatasetDescription): NamedNode {
  const ds = namedNode(d.iri);
  g.type(ds, 'dcat:Dataset');
  g.plain(ds, 'dct:identifier', d.identifier);
  g.text(ds, 'dct:title', d.title);
  g.text(ds, 'dct:description', d.description);
  g.concept(ds, 'dct:accessRights', 'accessRight', d.accessRights, undefined, 'dct:RightsStatement');
  for (const eli of d.applicableLegislation)
    g.link(ds, 'dcatap:applicableLegislation', eli, 'eli:LegalResource');
  for (const code of d.healthCategories) {
    g.concept(ds, 'healthdcatap:healthCategory', 'healthCategory', code, HEALTH_CATEGORIES[code].label);
  }
  for (const code of d.healthThemes ?? []) g.concept(ds, 'healthdcatap:healthTheme', 'healthTheme', code);
  for (const code of d.themes) g.concept(ds, 'dcat:theme', 'dataTheme', code);
  for (const [lang, words] of Object.entries(d.keywords ?? {})) {
    for (const word of words) g.add(ds, 'dcat:keyword', literal(word, lang));
  }
  if (d.type) g.concept(ds, 'dct:type', 'datasetType', d.type);
  if (d.provenance) {
    const provenance = g.blank();
    g.add(ds, 'dct:provenance', provenance);
    g.type(provenance, 'dct:ProvenanceStatement');
    g.text(provenance, 'rdfs:label', d.provenance);
  }
  writeAgents(g, ds, d);
  if (d.contactPoint) contactPointToRdf(g, ds, d.contactPoint, d.iri);
  const legislation = d.applicableLegislation;
  for (const x of d.distributions) {
    g.add(ds, 'dcat:distribution', distributionToRdf(g, x, d.iri, 'distribution', legislation));
  }
  for (const x of d.samples ?? [])
    g.add(ds, 'adms:sample', distributionToRdf(g, x, d.iri, 'sample', legislation));
  for (const x of d.analytics ?? []) {
    g.add(ds, 'healthdcatap:analytics', distributionToRdf(g, x, d.iri, 'analytics', legislation));
  }
  g.link(ds, 'dcat:landingPage', d.landingPage, 'foaf:Document');
  for (const page of d.documentation ?? []) g.link(ds, 'foaf:page', page, 'foaf:Document');
  for (const code of d.conformsTo ?? [])
    g.concept(ds, 'dct:conformsTo', 'standard', code, undefined, 'dct:Standard');
  for (const lang of d.languages ?? []) {
    g.concept(
      ds,
      'dct:language',
      'language',
      LANGUAGE_NAL[lang] ?? lang.toUpperCase(),
      undefined,
      'dct:LinguisticSystem',
    );
  }
  for (const code of d.spatial ?? [])
    g.concept(ds, 'dct:spatial', 'country', code, undefined, 'dct:Location');
  if (d.accrualPeriodicity)
    g.concept(ds, 'dct:accrualPeriodicity', 'frequency', d.accrualPeriodicity, undefined, 'dct:Frequency');
  g.typed(ds, 'dct:issued', d.issued, 'xsd:date');
  g.typed(ds, 'dct:modified', d.modified, 'xsd:date');
  g.plain(ds, 'dcat:version', d.version);
  writePurposeAndLaw(g, ds, d);
  writeStatistics(g, ds, d);
  if (d.retentionPeriod) g.add(ds, 'healthdcatap:retentionPeriod', period(g, d.retentionPeriod));
  g.typed(ds, 'healthdcatap:hasStructuredData', d.hasStructuredData, 'xsd:boolean');
  if (d.variables) g.add(ds, 'healthdcatap:hasVariables', variablesToRdf(g, d.variables, d.iri));
  dataUseToRdf(g, ds, d.dataUse);
  if (d.qualityLabel) qualityLabelToRdf(g, ds, d.qualityLabel);
  return ds;
}

function writeAgents(g: GraphBuilder, ds: NamedNode, d: DatasetDescription): void {
  const publisher = agentToRdf(g, d.publisher, mint(d.iri, 'publisher'));
  g.add(ds, 'dct:publisher', publisher);
  // The publisher is the data holder; as custodian it is the same agent unless one is given.
  const custodian = d.custodian ? agentToRdf(g, d.custodian, mint(d.iri, 'custodian')) : publisher;
  g.add(ds, 'geodcatap:custodian', custodian);
  g.add(ds, 'healthdcatap:hdab', agentToRdf(g, d.hdab, mint(d.iri, 'hdab')));
  if (d.hdabCoordinator) {
    g.add(
      ds,
      'healthdcatap:hdabCoordinator',
      agentToRdf(g, d.hdabCoordinator, mint(d.iri, 'hdab-coordinator')),
    );
  }
}

function writePurposeAndLaw(g: GraphBuilder, ds: NamedNode, d: DatasetDescription): void {
  for (const purpose of d.purposes ?? []) {
    const node = g.blank();
    g.add(ds, 'dpv:hasPurpose', node);
    g.type(node, 'dpv:Purpose');
    g.text(node, 'dct:description', purpose);
  }
  for (const basis of d.legalBases ?? []) {
    const node = g.blank();
    g.add(ds, 'dpv:hasLegalBasis', node);
    g.type(node, 'dpv:LegalBasis');
    g.text(node, 'dct:description', basis.description);
    g.link(node, 'dct:source', basis.source);
  }
  for (const name of d.personalData ?? [])
    g.link(ds, 'dpv:hasPersonalData', g.prefixes.dpvpd + name, 'dpv:PersonalData');
}

/** The node-derived facts (EHDS.md §13 recommended properties). */
function writeStatistics(g: GraphBuilder, ds: NamedNode, d: DatasetDescription): void {
  const s = d.derived;
  g.typed(ds, 'healthdcatap:numberOfRecords', s.numberOfRecords, 'xsd:nonNegativeInteger');
  g.typed(
    ds,
    'healthdcatap:numberOfUniqueIndividuals',
    s.numberOfUniqueIndividuals,
    'xsd:nonNegativeInteger',
  );
  g.typed(ds, 'healthdcatap:minTypicalAge', s.minTypicalAge, 'xsd:nonNegativeInteger');
  g.typed(ds, 'healthdcatap:maxTypicalAge', s.maxTypicalAge, 'xsd:nonNegativeInteger');
  if (s.temporalCoverage) g.add(ds, 'dct:temporal', period(g, s.temporalCoverage));
  for (const code of s.codingSystems) {
    g.concept(ds, 'healthdcatap:hasCodingSystem', 'codingSystem', code, undefined, 'dct:Standard');
  }
  for (const value of s.codeValues ?? []) g.plain(ds, 'healthdcatap:hasCodeValues', value);
  g.text(ds, 'healthdcatap:populationCoverage', s.populationCoverage);
}

function period(g: GraphBuilder, p: Period) {
  const node = g.blank();
  g.type(node, 'dct:PeriodOfTime');
  g.typed(node, 'dcat:startDate', p.start, 'xsd:date');
  g.typed(node, 'dcat:endDate', p.end, 'xsd:date');
  return node;
}
