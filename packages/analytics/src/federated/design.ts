/**
 * From formula to design matrix, in two federated steps. A categorical variable's levels must be
 * the same at every node (or the nodes' coefficients would not line up), so each node first
 * summarises its variables (kinds and per-level counts, which disclosure control needs anyway),
 * the coordinator merges them into one design spec (levels sorted as R sorts a factor's, the first
 * being the reference of the treatment coding), and each node then builds its own rows of X.
 */
import { invalid } from '@openehds/core';
import { completeRows, levelOf, requireColumns, sortLevels, type DataColumns } from './data';
import { parseFormula, type Formula } from './formula';
import type { GlmFamilyName } from './glm-family';

/** What a node reveals about one variable: its kind and, if categorical, the count per level. */
export type VariableSummary =
  { kind: 'numeric' } | { kind: 'categorical'; levelCounts: Record<string, number> };

/** A node's summary of the variables of a formula, over its complete cases. */
export interface LocalDesignSummary {
  /** Complete cases (rows with every formula variable present). */
  n: number;
  /** Rows left out for a missing value. */
  dropped: number;
  response: VariableSummary;
  variables: Record<string, VariableSummary>;
}

/** Options shared by the summary and the spec. */
export interface DesignOptions {
  /** Variables to treat as categorical even though their cells are numbers (e.g. 0/1/2 codes). */
  categorical?: readonly string[];
}

/** One factor of a design column: a numeric variable or the indicator of one level. */
export type ColumnPart =
  { variable: string; kind: 'numeric' } | { variable: string; kind: 'indicator'; level: string };

/** One column of X: the product of its parts (none for the intercept). */
export interface DesignColumn {
  name: string;
  parts: ColumnPart[];
}

/** Everything a node needs to build its rows of X and y identically to every other node. */
export interface DesignSpec {
  formula: string;
  family: GlmFamilyName;
  response: { variable: string; kind: 'numeric' } | { variable: string; kind: 'binary'; success: string };
  variables: Record<string, { kind: 'numeric' } | { kind: 'categorical'; levels: string[] }>;
  columns: DesignColumn[];
  categorical: string[];
}

function summarise(
  data: DataColumns,
  name: string,
  rows: Int32Array,
  forceCategorical: boolean,
): VariableSummary {
  const col = data[name]!;
  let categorical = forceCategorical;
  for (const i of rows) {
    const t = typeof col[i];
    if (t === 'string' || t === 'boolean') categorical = true;
    else if (t !== 'number')
      throw invalid(`column '${name}' holds a ${t}; expected numbers, strings or booleans`);
  }
  if (!categorical) return { kind: 'numeric' };
  const levelCounts: Record<string, number> = {};
  for (const i of rows) {
    const l = levelOf(col[i]);
    levelCounts[l] = (levelCounts[l] ?? 0) + 1;
  }
  return { kind: 'categorical', levelCounts };
}

/** Node side, step 1: kinds and level counts of the formula's variables over the complete cases. */
export function summarizeLocalDesign(
  data: DataColumns,
  formula: string | Formula,
  options: DesignOptions = {},
): LocalDesignSummary {
  const f = typeof formula === 'string' ? parseFormula(formula) : formula;
  const names = [f.response, ...f.variables];
  const { n: total } = requireColumns(data, names);
  const rows = completeRows(data, names);
  const force = new Set(options.categorical ?? []);
  const variables: Record<string, VariableSummary> = {};
  for (const v of f.variables) variables[v] = summarise(data, v, rows, force.has(v));
  return {
    n: rows.length,
    dropped: total - rows.length,
    response: summarise(data, f.response, rows, force.has(f.response)),
    variables,
  };
}

function mergeKind(name: string, summaries: VariableSummary[]): VariableSummary {
  const kinds = new Set(summaries.map((s) => s.kind));
  if (kinds.size > 1)
    throw invalid(`variable '${name}' is numeric at some nodes and categorical at others; harmonise it`, [
      { path: name, message: 'inconsistent kind across nodes' },
    ]);
  if (summaries[0]?.kind !== 'categorical') return { kind: 'numeric' };
  const levelCounts: Record<string, number> = {};
  for (const s of summaries)
    if (s.kind === 'categorical')
      for (const [l, c] of Object.entries(s.levelCounts)) levelCounts[l] = (levelCounts[l] ?? 0) + c;
  return { kind: 'categorical', levelCounts };
}

/** Coordinator, step 2: merges the nodes' summaries into one design spec (columns named as R names them). */
export function buildDesignSpec(
  formula: string,
  family: GlmFamilyName,
  summaries: readonly LocalDesignSummary[],
  options: DesignOptions = {},
): DesignSpec {
  const f = parseFormula(formula);
  const variables: DesignSpec['variables'] = {};
  for (const v of f.variables) {
    const m = mergeKind(
      v,
      summaries.map((s) => s.variables[v]!),
    );
    variables[v] =
      m.kind === 'numeric' ? m : { kind: 'categorical', levels: sortLevels(Object.keys(m.levelCounts)) };
  }
  const total = summaries.reduce((a, s) => a + s.n, 0);
  if (total === 0) throw invalid('no complete cases: every row has a missing value in a formula variable');

  const r = mergeKind(
    f.response,
    summaries.map((s) => s.response),
  );
  let response: DesignSpec['response'];
  if (family === 'binomial') {
    const levels = r.kind === 'categorical' ? sortLevels(Object.keys(r.levelCounts)) : null;
    if (levels && levels.length !== 2)
      throw invalid(
        `binomial response '${f.response}' must have exactly two classes; found ${levels.length} (${levels.join(', ')})`,
        [{ path: f.response, message: 'not binary' }],
      );
    response = levels
      ? { variable: f.response, kind: 'binary', success: levels[1]! }
      : { variable: f.response, kind: 'numeric' };
  } else {
    if (r.kind !== 'numeric')
      throw invalid(`response '${f.response}' of a ${family} model must be numeric`, [
        { path: f.response, message: 'categorical response' },
      ]);
    response = { variable: f.response, kind: 'numeric' };
  }

  return {
    formula,
    family,
    response,
    variables,
    columns: designColumns(f, variables),
    categorical: [...(options.categorical ?? [])],
  };
}

/**
 * R's coding rule: a factor in a term is coded by treatment contrasts (reference level dropped)
 * when the term without it is already in the model (the empty term being the intercept), and by
 * one indicator per level otherwise — which is what keeps `y ~ f - 1` and `x + x:f` full rank.
 */
function designColumns(f: Formula, variables: DesignSpec['variables']): DesignColumn[] {
  const columns: DesignColumn[] = f.intercept ? [{ name: '(Intercept)', parts: [] }] : [];
  let emptySpanned = f.intercept;
  const seen: string[] = [];
  const key = (vs: string[]) => [...vs].sort().join(':');
  for (const term of f.terms) {
    const perVariable: ColumnPart[][] = term.map((v) => {
      const info = variables[v]!;
      if (info.kind === 'numeric') return [{ variable: v, kind: 'numeric' }];
      const margin = term.filter((x) => x !== v);
      const contrasts = margin.length === 0 ? emptySpanned : seen.includes(key(margin));
      const levels = contrasts ? info.levels.slice(1) : info.levels;
      if (levels.length === 0)
        throw invalid(
          `categorical variable '${v}' has only one level (${info.levels[0]}) in the data; drop it`,
          [{ path: v, message: 'a factor needs two or more levels' }],
        );
      return levels.map((level) => ({ variable: v, kind: 'indicator', level }));
    });
    if (term.length === 1 && variables[term[0]!]!.kind === 'categorical') emptySpanned = true;
    // Cartesian product, first variable varying fastest (R's column order).
    let combos: ColumnPart[][] = [[]];
    for (const parts of perVariable) {
      const next: ColumnPart[][] = [];
      for (const p of parts) for (const c of combos) next.push([...c, p]);
      combos = next;
    }
    for (const parts of combos)
      columns.push({
        name: parts.map((p) => (p.kind === 'numeric' ? p.variable : `${p.variable}${p.level}`)).join(':'),
        parts,
      });
    seen.push(key(term));
  }
  return columns;
}
