import { entryTypeOfScope } from './entry-types';
import type { BeaconFilteringTerm } from './filtering-terms';
import { MAX_FILTERS } from './limits';
import type { BeaconFilter } from './query';
import type { BeaconRequestError } from './request-error';
import { listOf, readBoolean, show } from './parse-values';

/**
 * Beacon filters → `BeaconFilter[]`: GET `filters=HP:0001250,NCIT:C16576,age>=18` (a comma list of
 * ids, an alphanumeric filter written `id<op>value`) or the POST `query.filters` array of objects.
 * With the node's term list, a term it does not hold is refused by name. Pure.
 */

const OPERATORS = ['=', '<', '>', '<=', '>=', '!'] as const;
type Operator = (typeof OPERATORS)[number];
const NUMERIC_OPERATORS: readonly string[] = ['<', '>', '<=', '>='];
// The Beacon framework's CURIE pattern (beaconCommonComponents.json#/$defs/CURIE).
const CURIE = /^\w[^:]+:.+$/;
// An alphanumeric filter in a query string: `age>=18`; ids of alphanumeric terms have no colon.
const INLINE = /^([A-Za-z][A-Za-z0-9_.]*)(<=|>=|!=|<|>|=|!)(.*)$/;
const FILTER_KEYS = ['id', 'operator', 'value', 'includeDescendantTerms', 'scope', 'similarity'];

type Errors = BeaconRequestError[];

/** Options: the terms this Beacon holds (unknown ids are refused when given). */
export interface FilterOptions {
  terms?: readonly BeaconFilteringTerm[];
}

/** GET `filters` (comma list, or repeated). */
export function parseGetFilters(raw: unknown, options: FilterOptions, errors: Errors): BeaconFilter[] {
  const items = listOf(raw)
    .map((v) => (typeof v === 'string' ? v.trim() : v))
    .filter((v) => v !== '');
  return collect(
    items.map((item, i) => {
      if (typeof item !== 'string') return { filter: null, at: 'filters' };
      const inline = INLINE.exec(item);
      if (inline) {
        const operator = inline[2] === '!=' ? '!' : inline[2];
        return { filter: { id: inline[1]!, operator, value: inline[3]! }, at: 'filters', index: i };
      }
      return { filter: { id: item }, at: 'filters', index: i };
    }),
    options,
    errors,
  );
}

/** POST `query.filters`: objects `{ id, operator?, value?, includeDescendantTerms?, scope? }` or bare ids. */
export function parsePostFilters(raw: unknown, options: FilterOptions, errors: Errors): BeaconFilter[] {
  if (!Array.isArray(raw)) {
    errors.push({ parameter: 'query.filters', message: `${show(raw)} is not a list of filters` });
    return [];
  }
  return collect(
    raw.map((item, i) => {
      const at = `query.filters[${i}]`;
      if (typeof item === 'string') return { filter: { id: item }, at };
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        errors.push({ parameter: at, message: `${show(item)} is not a filter object` });
        return { filter: null, at };
      }
      const obj = item as Record<string, unknown>;
      for (const key of Object.keys(obj))
        if (!FILTER_KEYS.includes(key))
          errors.push({ parameter: `${at}.${key}`, message: 'unknown filter property' });
      return { filter: obj, at };
    }),
    options,
    errors,
  );
}

function collect(
  items: { filter: Record<string, unknown> | null; at: string }[],
  options: FilterOptions,
  errors: Errors,
): BeaconFilter[] {
  if (items.length > MAX_FILTERS) {
    errors.push({
      parameter: items[0]!.at === 'filters' ? 'filters' : 'query.filters',
      message: `${items.length} filters; at most ${MAX_FILTERS} per query (each narrows the cohort towards one person)`,
    });
    return [];
  }
  const out: BeaconFilter[] = [];
  for (const { filter, at } of items) {
    if (!filter) continue;
    const parsed = checkFilter(filter, at, options, errors);
    if (parsed) out.push(parsed);
  }
  return out;
}

function checkFilter(
  raw: Record<string, unknown>,
  at: string,
  options: FilterOptions,
  errors: Errors,
): BeaconFilter | null {
  // GET filters are named `filters` as a whole; POST ones by index and property.
  const where = (prop: string) => (at === 'filters' ? 'filters' : `${at}.${prop}`);
  const before = errors.length;
  const id = typeof raw.id === 'string' ? raw.id.trim() : '';
  if (!id) {
    errors.push({ parameter: where('id'), message: `${show(raw.id)} is not a filter id` });
    return null;
  }
  const known = options.terms?.find((t) => t.id === id);
  if (options.terms && !known)
    errors.push({
      parameter: where('id'),
      message: `unknown filter term ${show(id)}; GET /filtering_terms lists the terms this Beacon holds`,
    });
  // Without a term list, an id that is not a CURIE is only meaningful as an alphanumeric filter.
  else if (!known && !CURIE.test(id) && raw.operator === undefined)
    errors.push({
      parameter: where('id'),
      message: `${show(id)} is not an ontology term (PREFIX:code, e.g. HP:0001250)`,
    });
  const filter: BeaconFilter = { id };
  const hasOperator = raw.operator !== undefined;
  const hasValue = raw.value !== undefined;
  if (hasOperator || hasValue || known?.type === 'alphanumeric') {
    if (!(OPERATORS as readonly unknown[]).includes(raw.operator))
      errors.push({
        parameter: where('operator'),
        message: hasOperator
          ? `${show(raw.operator)} is not one of ${OPERATORS.join(' ')}`
          : `${id} is compared to a value: give an operator (${OPERATORS.join(' ')}) and a value`,
      });
    const value = typeof raw.value === 'number' ? String(raw.value) : raw.value;
    if (typeof value !== 'string' || !value.trim())
      errors.push({
        parameter: where('value'),
        message: `${show(raw.value)} is not a value to compare with`,
      });
    else if (NUMERIC_OPERATORS.includes(String(raw.operator)) && !/^-?\d+(\.\d+)?$/.test(value.trim()))
      errors.push({
        parameter: where('value'),
        message: `${show(value)} is not a number (needed with ${String(raw.operator)})`,
      });
    else {
      filter.operator = raw.operator as Operator;
      filter.value = value.trim();
    }
  }
  if (raw.includeDescendantTerms !== undefined) {
    const b = readBoolean(raw.includeDescendantTerms, where('includeDescendantTerms'), errors);
    if (b !== undefined) filter.includeDescendantTerms = b;
  }
  if (raw.scope !== undefined) {
    const scope = typeof raw.scope === 'string' ? entryTypeOfScope(raw.scope) : null;
    if (!scope)
      errors.push({ parameter: where('scope'), message: `${show(raw.scope)} is not an entry type` });
    else filter.scope = scope;
  }
  // The schema's default; other similarity levels would need an ontology-distance engine we do not have.
  if (raw.similarity !== undefined && raw.similarity !== 'exact')
    errors.push({
      parameter: where('similarity'),
      message: `${show(raw.similarity)} is not supported; this Beacon matches terms exactly (or with descendants)`,
    });
  return errors.length > before ? null : filter;
}
