/**
 * DUO data-use conditions ↔ RDF. HealthDCAT-AP R8 has no property for them, so we choose the form
 * least likely to trip the official shapes: `dct:rights` (a DCAT 3 `dcat:Resource` property that
 * the DCAT-AP 3 Dataset shape does not restrict) to one `dct:RightsStatement` whose `rdfs:label`
 * reads the conditions in plain words, and whose structured conditions use our own namespace
 * (`datause:`) with each term as its DUO OBO IRI. No node is typed `skos:Concept`, so the code-list
 * shapes leave them alone. Tested against the three shape sets in `data-use.test.ts`.
 */
import { DataFactory, type NamedNode, type Store, type Term } from 'n3';
import { dataUseTerm } from './data-use';
import { mint, type GraphBuilder } from './graph-builder';
import type { DataUseCondition } from './types';
import { NS } from './vocab';

const { literal, namedNode } = DataFactory;

/** The OBO IRI of a DUO CURIE: `DUO:0000006` → `http://purl.obolibrary.org/obo/DUO_0000006`. */
export function duoIri(id: string): string {
  return `http://purl.obolibrary.org/obo/${id.replace(':', '_')}`;
}

/** `HMB (DUO:0000006) health or medical or biomedical research; diseases E11` and so on. */
function describeCondition(c: DataUseCondition): string {
  const term = dataUseTerm(c.code);
  const head = term ? `${term.shorthand ?? term.id} (${term.id}) ${term.label}` : c.code;
  const params = [
    c.diseaseCodes?.length ? `diseases ${c.diseaseCodes.join(', ')}` : '',
    c.countries?.length ? `countries ${c.countries.join(', ')}` : '',
    c.until ? `until ${c.until}` : '',
    c.months !== undefined ? `${c.months} months` : '',
  ].filter(Boolean);
  return params.length ? `${head}: ${params.join('; ')}` : head;
}

/** Writes the conditions as one `dct:RightsStatement` of the dataset (nothing when there are none). */
export function dataUseToRdf(
  g: GraphBuilder,
  dataset: NamedNode,
  conditions: readonly DataUseCondition[] | undefined,
): void {
  if (!conditions?.length) return;
  const statement = mint(dataset.value, 'data-use');
  g.add(dataset, 'dct:rights', statement);
  g.type(statement, 'dct:RightsStatement');
  g.add(
    statement,
    'rdfs:label',
    literal(
      `Data use conditions (GA4GH Data Use Ontology): ${conditions.map(describeCondition).join('. ')}`,
      'en',
    ),
  );
  for (const c of conditions) {
    const term = dataUseTerm(c.code);
    const id = term?.id ?? c.code;
    const node = mint(dataset.value, `data-use-${id}`);
    g.add(statement, 'datause:condition', node);
    g.type(node, 'datause:DataUseCondition');
    g.plain(node, 'dct:identifier', id);
    if (term) {
      const termNode = namedNode(duoIri(term.id));
      g.add(node, 'datause:term', termNode);
      if (g.firstTime(termNode.value)) {
        g.add(termNode, 'rdfs:label', literal(term.label, 'en'));
        if (term.shorthand) g.plain(termNode, 'skos:notation', term.shorthand);
      }
    }
    for (const code of c.diseaseCodes ?? []) g.plain(node, 'datause:diseaseCode', code);
    for (const country of c.countries ?? []) g.plain(node, 'datause:country', country);
    g.typed(node, 'datause:until', c.until, 'xsd:date');
    g.typed(node, 'datause:months', c.months, 'xsd:positiveInteger');
  }
}

/**
 * Reads the conditions of `datasetIri` back from RDF written by {@link dataUseToRdf} (e.g. when
 * harvesting a catalogue), permission first, then by DUO id; lists sorted. Empty when there are none.
 */
export function dataUseFromRdf(store: Store, datasetIri: string): DataUseCondition[] {
  const p = (name: string) => namedNode(`${NS.datause}${name}`);
  const values = (subject: Term, name: string) =>
    store.getObjects(subject, p(name), null).map((o) => o.value);
  const out: DataUseCondition[] = [];
  for (const statement of store.getObjects(namedNode(datasetIri), namedNode(`${NS.dct}rights`), null)) {
    for (const subject of store.getObjects(statement, p('condition'), null)) {
      const id = store.getObjects(subject, namedNode(`${NS.dct}identifier`), null)[0]?.value;
      if (!id) continue;
      const diseaseCodes = values(subject, 'diseaseCode').sort();
      const countries = values(subject, 'country').sort();
      const until = values(subject, 'until')[0];
      const months = values(subject, 'months')[0];
      out.push({
        code: id,
        ...(diseaseCodes.length ? { diseaseCodes } : {}),
        ...(countries.length ? { countries } : {}),
        ...(until ? { until } : {}),
        ...(months ? { months: Number(months) } : {}),
      });
    }
  }
  const rank = (c: DataUseCondition) => (dataUseTerm(c.code)?.role === 'permission' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
}
