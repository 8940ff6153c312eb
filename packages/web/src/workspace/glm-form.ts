/**
 * The federated analysis form's state (a formula, a family and a table of variables) and its
 * conversion to the GLM request the hub runs at every node (packages/core/src/spe/analysis.ts; issue 4
 * §4). Checked here before it is sent, with the hub's rules for names and codes; the hub checks again.
 * Pure, no React.
 */
import { newKey, splitList } from '../feasibility/draft';
import { allowsDescendants, type Vocabulary } from '../feasibility/vocab';
import type { AnalysisVariableInput, GlmRequest } from './types';

export const VARIABLE_KINDS = ['age', 'sex', 'condition', 'drug', 'procedure', 'measurement'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];
export const FAMILIES = ['binomial', 'gaussian', 'poisson'] as const;
export type Family = (typeof FAMILIES)[number];
export const PICKS = ['last', 'mean', 'first'] as const;
export type Pick = (typeof PICKS)[number];

/** Limits of the hub (ANALYSIS_LIMITS). */
export const GLM_LIMITS = { variables: 30, formulaLength: 500 } as const;
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** One row of the variables editor. */
export interface VariableRow {
  key: string;
  name: string;
  kind: VariableKind;
  vocabulary: Vocabulary;
  codes: string;
  descendants: boolean;
  pick: Pick;
}

/** The whole form. */
export interface GlmDraft {
  formula: string;
  family: Family;
  variables: VariableRow[];
}

/** Whether a kind is derived from codes. */
export function isCoded(kind: VariableKind): boolean {
  return kind !== 'age' && kind !== 'sex';
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

/**
 * The form as it opens: a logistic regression of type 2 diabetes (ICD-10 E11 and below) on age, sex
 * and mean BMI (LOINC 39156-5), the issue's own example, so a first run needs no typing.
 */
export function exampleGlmDraft(): GlmDraft {
  return {
    formula: 'diabetes ~ age + sex + bmi',
    family: 'binomial',
    variables: [
      { ...emptyVariable('condition'), name: 'diabetes', codes: 'E11', descendants: true },
      { ...emptyVariable('age'), name: 'age' },
      { ...emptyVariable('sex'), name: 'sex' },
      { ...emptyVariable('measurement'), name: 'bmi', codes: '39156-5', pick: 'mean' },
    ],
  };
}

/** A row whose kind changed: codes kept, a fitting vocabulary for a row without codes yet. */
export function withKind(row: VariableRow, kind: VariableKind): VariableRow {
  const fresh = emptyVariable(kind);
  const vocabulary = row.codes.trim() ? row.vocabulary : fresh.vocabulary;
  return { ...row, kind, vocabulary, descendants: row.descendants && allowsDescendants(vocabulary) };
}

/** The GLM request for the hub. */
export function toGlmRequest(d: GlmDraft): GlmRequest {
  const variables: Record<string, AnalysisVariableInput> = {};
  for (const v of d.variables) {
    const name = v.name.trim();
    if (v.kind === 'age' || v.kind === 'sex') variables[name] = { kind: v.kind };
    else {
      const codes = {
        vocabulary: v.vocabulary,
        codes: splitList(v.codes),
        ...(v.descendants ? { descendants: true } : {}),
      };
      variables[name] =
        v.kind === 'measurement' ? { kind: v.kind, codes, pick: v.pick } : { kind: v.kind, codes };
    }
  }
  return { kind: 'glm', formula: d.formula.trim(), family: d.family, variables };
}

/** The variable names a formula uses (R notation: `y ~ a + b:c - 1`), response first. */
export function formulaNames(formula: string): string[] {
  const names = formula.match(/`[^`]+`|[A-Za-z_.][A-Za-z0-9_.]*/g) ?? [];
  return [...new Set(names.map((n) => n.replace(/`/g, '')))].filter((n) => n !== '.');
}

/** Messages per field of the form: `formula`, `variables`, and `row:<key>:<field>` for a row's fields. */
export type GlmFormErrors = Record<string, string[]>;

function push(errors: GlmFormErrors, key: string, message: string) {
  (errors[key] ??= []).push(message);
}

/** What is wrong with the form before it is sent; {} when the hub can take it. */
export function glmDraftErrors(d: GlmDraft): GlmFormErrors {
  const errors: GlmFormErrors = {};
  const formula = d.formula.trim();
  if (!formula) push(errors, 'formula', 'Write a model formula, e.g. diabetes ~ age + sex.');
  else if (!/^[^~]+~[^~]+$/.test(formula))
    push(errors, 'formula', 'A formula has one "~": the response on its left, the terms on its right.');
  else if (formula.length > GLM_LIMITS.formulaLength)
    push(errors, 'formula', `At most ${GLM_LIMITS.formulaLength} characters.`);
  if (d.variables.length === 0) push(errors, 'variables', 'Declare at least one variable.');
  if (d.variables.length > GLM_LIMITS.variables)
    push(errors, 'variables', `At most ${GLM_LIMITS.variables} variables.`);
  const seen = new Set<string>();
  for (const v of d.variables) {
    const name = v.name.trim();
    if (!name) push(errors, `row:${v.key}:name`, 'Give the variable a name.');
    else if (!NAME.test(name))
      push(
        errors,
        `row:${v.key}:name`,
        'A name starts with a letter, then letters, digits or "_" (at most 40).',
      );
    else if (seen.has(name)) push(errors, `row:${v.key}:name`, `"${name}" is declared twice.`);
    seen.add(name);
    if (isCoded(v.kind)) {
      const codes = splitList(v.codes);
      if (codes.length === 0) push(errors, `row:${v.key}:codes`, 'Give at least one code.');
      const bad = codes.filter((c) => !/^[A-Za-z0-9][A-Za-z0-9.:-]{0,49}$/.test(c));
      if (bad.length) push(errors, `row:${v.key}:codes`, `Not codes: ${bad.join(', ')}.`);
      if (v.descendants && !allowsDescendants(v.vocabulary))
        push(
          errors,
          `row:${v.key}:descendants`,
          `${v.vocabulary} has no code hierarchy on the nodes: list each code.`,
        );
    }
  }
  if (formula && !errors.formula) {
    const missing = formulaNames(formula).filter((n) => !seen.has(n) && !/^[0-9]/.test(n));
    if (missing.length)
      push(errors, 'formula', `Declare ${missing.map((m) => `"${m}"`).join(', ')} in the variables below.`);
  }
  return errors;
}

/**
 * Places a hub issue on the form: `formula`, `family`, `variables` stay as they are; a path into one
 * variable (`variables.bmi.codes.codes`) lands on that row's field.
 */
export function hubIssueKey(path: string, rows: readonly VariableRow[]): string {
  const p = path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '');
  const m = /^variables\.([^.]+)(?:\.(.*))?$/.exec(p);
  if (m) {
    const row = rows.find((r) => r.name.trim() === m[1]);
    if (!row) return 'variables';
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
  return ['formula', 'family', 'variables'].includes(head) ? head : 'general';
}
