/**
 * The federated analysis form's state (a formula, a family and a table of variables) and its
 * conversion to the GLM request the hub runs at every node (packages/core/src/spe/analysis.ts; issue 4
 * §4). Checked here before it is sent, with the hub's rules for names and codes; the hub checks again.
 * Pure, no React.
 */
import {
  ANALYSIS_FORM_LIMITS,
  emptyVariable,
  hubIssueKey as placeIssue,
  push,
  toVariables,
  variableErrors,
  type FormErrors,
  type VariableRow,
} from './variables-form';
import type { GlmRequest } from './types';

export {
  VARIABLE_KINDS,
  PICKS,
  emptyVariable,
  isCoded,
  withKind,
  type VariableKind,
  type VariableRow,
  type MeasurementPick as Pick,
} from './variables-form';

export const FAMILIES = ['binomial', 'gaussian', 'poisson'] as const;
export type Family = (typeof FAMILIES)[number];

/** Limits of the hub (ANALYSIS_LIMITS). */
export const GLM_LIMITS = ANALYSIS_FORM_LIMITS;

/** The whole form. */
export interface GlmDraft {
  formula: string;
  family: Family;
  variables: VariableRow[];
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

/** The GLM request for the hub. */
export function toGlmRequest(d: GlmDraft): GlmRequest {
  return { kind: 'glm', formula: d.formula.trim(), family: d.family, variables: toVariables(d.variables) };
}

/** The variable names a formula uses (R notation: `y ~ a + b:c - 1`), response first. */
export function formulaNames(formula: string): string[] {
  const names = formula.match(/`[^`]+`|[A-Za-z_.][A-Za-z0-9_.]*/g) ?? [];
  return [...new Set(names.map((n) => n.replace(/`/g, '')))].filter((n) => n !== '.');
}

/** Messages per field of the form: `formula`, `variables`, and `row:<key>:<field>` for a row's fields. */
export type GlmFormErrors = FormErrors;

/** What is wrong with the form before it is sent; {} when the hub can take it. */
export function glmDraftErrors(d: GlmDraft): GlmFormErrors {
  const errors: GlmFormErrors = {};
  const formula = d.formula.trim();
  if (!formula) push(errors, 'formula', 'Write a model formula, e.g. diabetes ~ age + sex.');
  else if (!/^[^~]+~[^~]+$/.test(formula))
    push(errors, 'formula', 'A formula has one "~": the response on its left, the terms on its right.');
  else if (formula.length > GLM_LIMITS.formulaLength)
    push(errors, 'formula', `At most ${GLM_LIMITS.formulaLength} characters.`);
  const seen = new Set<string>();
  Object.assign(errors, variableErrors(d.variables, seen));
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
  return placeIssue(path, rows, ['formula', 'family', 'variables']);
}
