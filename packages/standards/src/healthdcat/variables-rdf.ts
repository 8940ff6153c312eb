/** The data dictionary as CSVW (`healthdcatap:hasVariables`, mandatory when structured in R8). */
import { DataFactory, type NamedNode } from 'n3';
import { mint, type GraphBuilder } from './graph-builder';
import type { VariableGroup } from './types';

const { literal, namedNode } = DataFactory;

/** Writes the `csvw:TableGroup` with its tables and columns; returns the group node. */
export function variablesToRdf(g: GraphBuilder, group: VariableGroup, base: string): NamedNode {
  const node = mint(base, 'variables');
  g.type(node, 'csvw:TableGroup');
  g.text(node, 'dct:title', group.title);
  group.tables.forEach((table, t) => {
    const tableNode = mint(base, `variables-table-${t + 1}`);
    g.add(node, 'csvw:table', tableNode);
    g.type(tableNode, 'csvw:Table');
    g.text(tableNode, 'dct:title', table.title);
    if (table.url) g.add(tableNode, 'csvw:url', namedNode(table.url));
    for (const [lang, words] of Object.entries(table.keywords ?? {})) {
      for (const w of words) g.add(tableNode, 'dcat:keyword', literal(w, lang));
    }
    for (const column of table.columns) {
      const col = mint(base, `variable-${t + 1}-${column.name}`);
      g.add(tableNode, 'csvw:column', col);
      g.type(col, 'csvw:Column');
      g.plain(col, 'csvw:name', column.name);
      g.text(col, 'csvw:title', column.title);
      g.text(col, 'dct:description', column.description);
      g.plain(col, 'csvw:datatype', column.datatype);
      if (column.propertyUrl) g.add(col, 'csvw:propertyUrl', namedNode(column.propertyUrl));
    }
  });
  return node;
}
