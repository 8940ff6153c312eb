/**
 * The variables a dataset offers, read from its published data dictionary
 * (`healthdcatap:hasVariables` as a CSVW table group: tables of columns), as `table.column` names,
 * the form Art. 67(2)(d) requests use. Read defensively: the description is open-ended JSON.
 */
import type { DatasetDescription } from '@openehds/client';

/** One table of the dictionary and its variable names (`table.column`). */
export interface DictionaryTable {
  table: string;
  variables: string[];
}

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const en = o.en;
    if (typeof en === 'string') return en;
    const first = Object.values(o).find((x) => typeof x === 'string');
    return typeof first === 'string' ? first : '';
  }
  return '';
}

/** The dictionary's tables and variables; empty when the dataset publishes none. */
export function dictionaryOf(description: DatasetDescription | undefined): DictionaryTable[] {
  const group = description?.variables as { tables?: unknown } | undefined;
  if (!group || !Array.isArray(group.tables)) return [];
  const out: DictionaryTable[] = [];
  for (const raw of group.tables) {
    const tb = raw as { title?: unknown; url?: unknown; columns?: unknown };
    const table = text(tb.title) || (typeof tb.url === 'string' ? (tb.url.split('#').pop() ?? '') : '');
    if (!table || !Array.isArray(tb.columns)) continue;
    const variables = tb.columns
      .map((c) => (c && typeof c === 'object' ? (c as { name?: unknown }).name : undefined))
      .filter((n): n is string => typeof n === 'string' && n.length > 0)
      .map((n) => `${table}.${n}`);
    if (variables.length) out.push({ table, variables });
  }
  return out;
}

/** Splits a dataset's chosen variables into those from its dictionary and the others typed by hand. */
export function splitVariables(
  chosen: readonly string[] | undefined,
  dictionary: readonly DictionaryTable[],
): { fromDictionary: string[]; extra: string[] } {
  const known = new Set(dictionary.flatMap((d) => d.variables));
  const list = chosen ?? [];
  return { fromDictionary: list.filter((v) => known.has(v)), extra: list.filter((v) => !known.has(v)) };
}
