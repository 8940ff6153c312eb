/**
 * The variables editor's state, shared by every analysis form (issue 4 §4): each row says how every
 * node derives one person-level variable from its own records (core `AnalysisVariable`), checked here
 * with the hub's rules for names and codes before anything is sent. Pure, no React.
 */
import { newKey, splitList } from '../feasibility/draft';
import { allowsDescendants, type Vocabulary } from '../feasibility/vocab';
import type { AnalysisVariableInput } from './types';

export const VARIABLE_KINDS = ['age', 'sex', 'condition', 'drug', 'procedure', 'measurement'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];
/** The kinds a table, a `by` or a KM group may use: sex and 0/1 conditions, drugs, procedures. */
export const CATEGORICAL_KINDS = ['sex', 'condition', 'drug', 'procedure'] as const;
export const PICKS = ['last', 'mean', 'first'] as const;
export type MeasurementPick = (typeof PICKS)[number];

/** Limits of the hub (ANALYSIS_LIMITS). */
export const ANALYSIS_FORM_LIMITS = { variables: 30, formulaLength: 500 } as const;
/** A variable name the hub accepts (core `AnalysisVariableName`). */
export const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,49}$/;

/** One row of the variables editor. */
export interface VariableRow {
  key: string;
  name: string;
  kind: VariableKind;
  vocabulary: Vocabulary;
  codes: string;
  descendants: boolean;
  pick: MeasurementPick;
}

/** Messages per field of a form: top-level fields by name, and `row:<key>:<field>` for a row's fields. */
export type FormErrors = Record<string, string[]>;

/** Adds a message to a field. */
export function push(errors: FormErrors, key: string, message: string) {
  (errors[key] ??= []).push(message);
}

/** Two sets of field messages as one. */
export function mergeErrors(a: FormErrors, b: FormErrors): FormErrors {
  const out: FormErrors = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

/** Whether a kind is derived from codes. */
export function isCoded(kind: VariableKind): boolean {
  return kind !== 'age' && kind !== 'sex';
}

/** Whether a kind is categorical (a table's rows or columns, a `by`, a KM group). */
export function isCategorical(kind: VariableKind): boolean {
  return (CATEGORICAL_KINDS as readonly string[]).includes(kind);
}

/** An empty variable row. */
export function emptyVariable(kind: VariableKind = 'condition'): VariableRow {
  return {
    key: newKey('v'),
    name: '',
    kind,
    vocabulary:
      kind === 'measurement' ? 'LOINC' : kind === 'drug' ? 'ATC' : kind === 'procedure' ? 'SNOMED' : 'ICD10',
    codes: '',
    descendants: false,
    pick: 'last',
  };
}

/** A row whose kind changed: codes kept, a fitting vocabulary for a row without codes yet. */
export function withKind(row: VariableRow, kind: VariableKind): VariableRow {
  const fresh = emptyVariable(kind);
  const vocabulary = row.codes.trim() ? row.vocabulary : fresh.vocabulary;
  return { ...row, kind, vocabulary, descendants: row.descendants && allowsDescendants(vocabulary) };
}

/** The codes of a row as the hub's CodeSet. */
export function codeSetOf(v: Pick<VariableRow, 'vocabulary' | 'codes' | 'descendants'>) {
  return {
    vocabulary: v.vocabulary,
    codes: splitList(v.codes),
    ...(v.descendants ? { descendants: true } : {}),
  };
}

/** The rows as the request's `variables`. */
export function toVariables(rows: readonly VariableRow[]): Record<string, AnalysisVariableInput> {
  const variables: Record<string, AnalysisVariableInput> = {};
  for (const v of rows) {
    const name = v.name.trim();
    if (v.kind === 'age' || v.kind === 'sex') variables[name] = { kind: v.kind };
    else {
      const codes = codeSetOf(v);
      variables[name] =
        v.kind === 'measurement' ? { kind: v.kind, codes, pick: v.pick } : { kind: v.kind, codes };
    }
  }
  return variables;
}

/** Checks codes as the hub does; messages land on `<prefix>codes` and `<prefix>descendants`. */
export function codeErrors(
  errors: FormErrors,
  prefix: string,
  v: Pick<VariableRow, 'vocabulary' | 'codes' | 'descendants'>,
) {
  const codes = splitList(v.codes);
  if (codes.length === 0) push(errors, `${prefix}codes`, 'Give at least one code.');
  const bad = codes.filter((c) => !CODE.test(c));
  if (bad.length) push(errors, `${prefix}codes`, `Not codes: ${bad.join(', ')}.`);
  if (v.descendants && !allowsDescendants(v.vocabulary))
    push(
      errors,
      `${prefix}descendants`,
      `${v.vocabulary} has no code hierarchy on the nodes: list each code.`,
    );
}

/** Checks a name as the hub does; `seen` collects the names met so far (a second use is an error). */
export function nameErrors(errors: FormErrors, key: string, raw: string, seen: Set<string>) {
  const name = raw.trim();
  if (!name) push(errors, key, 'Give the variable a name.');
  else if (!VARIABLE_NAME.test(name))
    push(errors, key, 'A name starts with a letter, then letters, digits or "_" (at most 40).');
  else if (seen.has(name)) push(errors, key, `"${name}" is declared twice.`);
  seen.add(name);
}

/** What is wrong with the rows (and the list itself); the names declared are added to `seen`. */
export function variableErrors(
  rows: readonly VariableRow[],
  seen = new Set<string>(),
  { min = 1 }: { min?: number } = {},
): FormErrors {
  const errors: FormErrors = {};
  if (rows.length < min) push(errors, 'variables', 'Declare at least one variable.');
  if (rows.length > ANALYSIS_FORM_LIMITS.variables)
    push(errors, 'variables', `At most ${ANALYSIS_FORM_LIMITS.variables} variables.`);
  for (const v of rows) {
    nameErrors(errors, `row:${v.key}:name`, v.name, seen);
    if (isCoded(v.kind)) codeErrors(errors, `row:${v.key}:`, v);
  }
  return errors;
}

/** The categorical variables among the rows, by name (for the row/column/by choices). */
export function categoricalNames(rows: readonly VariableRow[]): string[] {
  return rows
    .filter((r) => isCategorical(r.kind) && VARIABLE_NAME.test(r.name.trim()))
    .map((r) => r.name.trim());
}

/**
 * Places a hub issue on the form: a path into one variable (`variables.bmi.codes.codes`) lands on that
 * row's field; a top-level field among `fields` stays as it is; anything else is `general`.
 */
export function hubIssueKey(path: string, rows: readonly VariableRow[], fields: readonly string[]): string {
  const p = path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '');
  const m = /^variables\.([^.]+)(?:\.(.*))?$/.exec(p);
  if (m) {
    const row = rows.find((r) => r.name.trim() === m[1]);
    if (!row) return fields.includes('variables') ? 'variables' : 'general';
    const rest = m[2] ?? '';
    const field = rest.startsWith('codes.descendants')
      ? 'descendants'
      : rest.startsWith('codes.vocabulary')
        ? 'vocabulary'
        : rest.startsWith('codes')
          ? 'codes'
          : rest.startsWith('pick')
            ? 'pick'
            : 'kind';
    return `row:${row.key}:${field}`;
  }
  const head = p.split('.')[0] ?? '';
  return fields.includes(head) ? head : 'general';
}
