/**
 * Checks a cohort definition in the browser, before it is sent, with the rules of the hub's schema
 * (packages/core/src/cohort/definition.ts): the same field paths (`inclusion[0].criteria[2].window`),
 * messages written for the builder. The hub checks again and stays the authority; `validate.test.ts`
 * runs both over the same definitions and checks they fault the same fields. Pure, no React.
 */
import { CRITERION_TYPES, EVENT_TYPES, LIMITS, PREFIX_VOCABULARIES, VOCABULARIES } from './vocab';

/** One fault, located by its field path in the definition ('' for the whole definition). */
export interface DefinitionIssue {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

/**
 * Collects issues. As in the hub's validator, a wrong type or a missing field "aborts" its object:
 * the cross-field rules of that object and of everything around it are then not checked, since they
 * would only repeat the fault.
 */
class Checker {
  readonly issues: DefinitionIssue[] = [];
  aborted = 0;
  add(path: string, message: string, abort = false) {
    this.issues.push({ path, message });
    if (abort) this.aborted += 1;
  }
  /** Runs `check` and tells whether it raised an aborting issue. */
  clean(check: () => void): boolean {
    const before = this.aborted;
    check();
    return this.aborted === before;
  }
}

const join = (base: string, key: string | number) =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const CODE = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,49}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function object(k: Checker, path: string, v: unknown, keys: readonly string[]): v is Json {
  if (!isObj(v)) {
    k.add(path, v === undefined ? 'required' : 'must be an object', true);
    return false;
  }
  const extra = Object.keys(v).filter((key) => !keys.includes(key));
  for (const key of extra) k.add(path, `unknown field "${key}"`);
  return true;
}

function integer(k: Checker, path: string, v: unknown, min: number, max: number, required = false) {
  if (v === undefined) {
    if (required) k.add(path, 'required', true);
    return;
  }
  if (typeof v !== 'number' || Number.isNaN(v)) return k.add(path, 'must be a number', true);
  if (!Number.isInteger(v)) return k.add(path, 'must be a whole number', true);
  if (v < min) k.add(path, `must be at least ${min}`);
  else if (v > max) k.add(path, `must be at most ${max}`);
}

function number(k: Checker, path: string, v: unknown) {
  if (v !== undefined && !isNum(v)) k.add(path, 'must be a number', true);
}

function oneOf(k: Checker, path: string, v: unknown, options: readonly string[], required = false) {
  if (v === undefined) {
    if (required) k.add(path, 'required', true);
    return;
  }
  if (typeof v !== 'string' || !options.includes(v))
    k.add(path, `must be one of ${options.join(', ')}`, true);
}

function string(k: Checker, path: string, v: unknown, max: number, pattern?: RegExp, hint?: string) {
  if (v === undefined) return;
  if (typeof v !== 'string') return k.add(path, 'must be text', true);
  if (pattern && !pattern.test(v.trim())) k.add(path, hint ?? 'not in the expected form');
  else if (v.trim().length > max) k.add(path, `at most ${max} characters`);
}

function list(
  k: Checker,
  path: string,
  v: unknown,
  min: number,
  max: number,
  item: (path: string, v: unknown) => void,
  what: string,
) {
  if (!Array.isArray(v)) return k.add(path, v === undefined ? 'required' : 'must be a list', true);
  if (v.length < min) k.add(path, min === 1 ? `give at least one ${what}` : `give at least ${min} ${what}`);
  if (v.length > max) k.add(path, `at most ${max} ${what}`);
  v.forEach((x, i) => item(join(path, i), x));
}

function codeSet(k: Checker, path: string, v: unknown) {
  if (!object(k, path, v, ['vocabulary', 'codes', 'descendants'])) return;
  const ok = k.clean(() => {
    oneOf(k, join(path, 'vocabulary'), v.vocabulary, VOCABULARIES, true);
    list(
      k,
      join(path, 'codes'),
      v.codes,
      1,
      LIMITS.codesPerCriterion,
      (p, c) => {
        if (typeof c !== 'string') k.add(p, 'must be text', true);
        else if (!CODE.test(c.trim())) k.add(p, `"${c}" is not a code: letters, digits, ".", ":" or "-"`);
      },
      'code',
    );
    if (v.descendants !== undefined && typeof v.descendants !== 'boolean')
      k.add(join(path, 'descendants'), 'must be true or false', true);
  });
  if (ok && v.descendants === true && !PREFIX_VOCABULARIES.includes(v.vocabulary as never))
    k.add(
      join(path, 'descendants'),
      `descendants need a code hierarchy, which only ${PREFIX_VOCABULARIES.join(', ')} have: list the codes instead`,
    );
}

function window(k: Checker, path: string, v: unknown) {
  if (v === undefined || !object(k, path, v, ['startDays', 'endDays'])) return;
  const ok = k.clean(() => {
    integer(k, join(path, 'startDays'), v.startDays, -LIMITS.days, LIMITS.days, true);
    integer(k, join(path, 'endDays'), v.endDays, -LIMITS.days, LIMITS.days, true);
  });
  if (ok && isInt(v.startDays) && isInt(v.endDays) && v.startDays > v.endDays)
    k.add(join(path, 'endDays'), 'the window must end on or after its start');
}

function dateRange(k: Checker, path: string, v: unknown) {
  if (v === undefined || !object(k, path, v, ['from', 'to'])) return;
  const ok = k.clean(() => {
    for (const key of ['from', 'to'] as const) {
      const d = v[key];
      if (d !== undefined && (typeof d !== 'string' || !validDate(d)))
        k.add(join(path, key), 'a date as YYYY-MM-DD', true);
    }
  });
  if (!ok) return;
  if (v.from === undefined && v.to === undefined) k.add(path, 'give a start date, an end date or both');
  else if (typeof v.from === 'string' && typeof v.to === 'string' && v.from > v.to)
    k.add(join(path, 'to'), 'must not be before the start date');
}

const TIMING = ['window', 'dateRange'] as const;

function criterion(k: Checker, path: string, v: unknown, types: readonly string[]) {
  if (!isObj(v)) return k.add(path, v === undefined ? 'required' : 'must be an object', true);
  if (typeof v.type !== 'string' || !types.includes(v.type))
    return k.add(join(path, 'type'), `the type must be one of ${types.join(', ')}`, true);
  const at = (key: string) => join(path, key);
  switch (v.type) {
    case 'condition':
    case 'drug':
    case 'procedure':
      if (!object(k, path, v, ['type', 'codes', ...TIMING])) return;
      codeSet(k, at('codes'), v.codes);
      break;
    case 'measurement': {
      if (!object(k, path, v, ['type', 'codes', 'value', 'unit', ...TIMING])) return;
      codeSet(k, at('codes'), v.codes);
      const value = v.value;
      if (value !== undefined && object(k, at('value'), value, ['min', 'max'])) {
        const ok = k.clean(() => {
          number(k, join(at('value'), 'min'), value.min);
          number(k, join(at('value'), 'max'), value.max);
        });
        if (ok && value.min === undefined && value.max === undefined)
          k.add(at('value'), 'give a lowest value, a highest value or both');
        else if (ok && isNum(value.min) && isNum(value.max) && value.min > value.max)
          k.add(join(at('value'), 'max'), 'the highest value must not be below the lowest');
      }
      if (v.unit !== undefined && (typeof v.unit !== 'string' || !v.unit.trim()))
        k.add(at('unit'), 'a unit (UCUM), or leave it out');
      else string(k, at('unit'), v.unit, 50);
      break;
    }
    case 'phenotype':
      if (!object(k, path, v, ['type', 'terms', 'status', ...TIMING])) return;
      list(
        k,
        at('terms'),
        v.terms,
        1,
        LIMITS.codesPerCriterion,
        (p, t) => {
          if (typeof t !== 'string') k.add(p, 'must be text', true);
          else if (!/^HP:\d{7}$/.test(t)) k.add(p, `"${t}" is not an HPO term: it looks like HP:0001250`);
        },
        'HPO term',
      );
      oneOf(k, at('status'), v.status, ['present', 'excluded']);
      break;
    case 'age': {
      if (!object(k, path, v, ['type', 'min', 'max', 'at'])) return;
      const ok = k.clean(() => {
        integer(k, at('min'), v.min, 0, 150);
        integer(k, at('max'), v.max, 0, 150);
        if (v.at !== undefined && v.at !== 'index' && (typeof v.at !== 'string' || !validDate(v.at)))
          k.add(at('at'), 'the index date, or a date as YYYY-MM-DD', true);
      });
      if (ok && v.min === undefined && v.max === undefined)
        k.add(path, 'give a lowest age, a highest age or both');
      else if (ok && isInt(v.min) && isInt(v.max) && v.min > v.max)
        k.add(at('max'), 'the highest age must not be below the lowest');
      return;
    }
    case 'sex':
      if (!object(k, path, v, ['type', 'values'])) return;
      list(
        k,
        at('values'),
        v.values,
        1,
        3,
        (p, s) => oneOf(k, p, s, ['male', 'female', 'unknown'], true),
        'sex',
      );
      return;
    case 'variant': {
      if (!object(k, path, v, ['type', 'assembly', 'gene', 'chrom', 'pos', 'ref', 'alt', 'zygosity'])) return;
      const ok = k.clean(() => {
        oneOf(k, at('assembly'), v.assembly, ['GRCh38', 'GRCh37']);
        string(k, at('gene'), v.gene, 40, /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a gene symbol, e.g. BRCA2');
        string(
          k,
          at('chrom'),
          v.chrom,
          5,
          /^(chr)?([1-9]|1\d|2[0-2]|X|Y|M|MT)$/,
          'a chromosome: 1–22, X, Y or MT (chr prefix allowed)',
        );
        integer(k, at('pos'), v.pos, 1, Number.MAX_SAFE_INTEGER);
        string(k, at('ref'), v.ref, 1000, /^[ACGTNacgtn]{1,1000}$/, 'DNA bases (A, C, G, T, N)');
        string(k, at('alt'), v.alt, 1000, /^[ACGTNacgtn]{1,1000}$/, 'DNA bases (A, C, G, T, N)');
        oneOf(k, at('zygosity'), v.zygosity, ['heterozygous', 'homozygous', 'hemizygous']);
      });
      if (!ok) return;
      const positional =
        v.chrom !== undefined || v.pos !== undefined || v.ref !== undefined || v.alt !== undefined;
      if (!v.gene && !positional) k.add(at('gene'), 'give a gene, or a chromosome and position');
      if (positional && v.chrom === undefined) k.add(at('chrom'), 'a position needs its chromosome');
      if (positional && v.pos === undefined) k.add(at('pos'), 'a chromosome, ref or alt needs a position');
      return;
    }
  }
  window(k, at('window'), v.window);
  dateRange(k, at('dateRange'), v.dateRange);
}

function group(k: Checker, path: string, v: unknown) {
  if (!object(k, path, v, ['name', 'match', 'criteria'])) return;
  string(k, join(path, 'name'), v.name, 200);
  oneOf(k, join(path, 'match'), v.match, ['all', 'any']);
  list(
    k,
    join(path, 'criteria'),
    v.criteria,
    1,
    LIMITS.criteriaPerGroup,
    (p, c) => criterion(k, p, c, CRITERION_TYPES),
    'criterion',
  );
}

/** Every fault of a candidate definition, each with its field path; [] when the hub would accept it. */
export function definitionIssues(raw: unknown): DefinitionIssue[] {
  const k = new Checker();
  const keys = [
    'version',
    'name',
    'index',
    'inclusion',
    'exclusion',
    'requireObservationPeriod',
    'minPriorObservationDays',
  ];
  if (!object(k, '', raw, keys)) return k.issues;
  const d = raw;
  const ok = k.clean(() => {
    if (d.version !== undefined && d.version !== 1) k.add('version', 'must be 1', true);
    string(k, 'name', d.name, 300);
    if (d.index !== undefined && object(k, 'index', d.index, ['event', 'occurrence'])) {
      criterion(k, 'index.event', d.index.event, EVENT_TYPES);
      oneOf(k, 'index.occurrence', d.index.occurrence, ['first', 'last']);
    }
    for (const side of ['inclusion', 'exclusion'] as const)
      if (d[side] !== undefined) list(k, side, d[side], 0, LIMITS.groups, (p, g) => group(k, p, g), 'groups');
    if (d.requireObservationPeriod !== undefined && typeof d.requireObservationPeriod !== 'boolean')
      k.add('requireObservationPeriod', 'must be true or false', true);
    integer(k, 'minPriorObservationDays', d.minPriorObservationDays, 0, LIMITS.days);
  });
  if (!ok) return k.issues;
  // Cross-field rules: windows, prior observation and age at index all count from the index event.
  const index = isObj(d.index) ? d.index : undefined;
  const needIndex = (path: string, what: string) => {
    if (!index) k.add(path, `${what} needs an index event`);
  };
  if (index && isObj(index.event) && index.event.window !== undefined)
    k.add('index.event.window', 'the index event cannot have a window relative to itself (use a date range)');
  if (d.minPriorObservationDays !== undefined) needIndex('minPriorObservationDays', 'prior observation');
  for (const side of ['inclusion', 'exclusion'] as const) {
    const groups = Array.isArray(d[side]) ? (d[side] as Json[]) : [];
    groups.forEach((g, gi) =>
      (g.criteria as Json[]).forEach((c, ci) => {
        const at = `${side}[${gi}].criteria[${ci}]`;
        if (c.window !== undefined) needIndex(`${at}.window`, 'a window');
        if (c.type === 'age' && (c.at === undefined || c.at === 'index'))
          needIndex(`${at}.at`, 'age at index');
      }),
    );
  }
  return k.issues;
}
