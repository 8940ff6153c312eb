/**
 * The descriptive-statistics form's state and its request (core `DescribeAnalysisRequest`; issue 4
 * §4): count, mean and SD of each numeric variable and counts per level of sex, optionally per level
 * of a categorical `by`. Checked here as the hub checks. Pure, no React.
 */
import {
  categoricalNames,
  emptyVariable,
  hubIssueKey,
  push,
  toVariables,
  variableErrors,
  type FormErrors,
  type VariableRow,
} from './variables-form';
import type { DescribeRequest } from './types';

/** The whole form; `by` is '' for no split. */
export interface DescribeDraft {
  variables: VariableRow[];
  by: string;
}

/** The form as it opens: age, mean BMI and sex, described separately with and without type 2 diabetes. */
export function exampleDescribeDraft(): DescribeDraft {
  return {
    variables: [
      { ...emptyVariable('age'), name: 'age' },
      { ...emptyVariable('measurement'), name: 'bmi', codes: '39156-5', pick: 'mean' },
      { ...emptyVariable('sex'), name: 'sex' },
      { ...emptyVariable('condition'), name: 'diabetes', codes: 'E11', descendants: true },
    ],
    by: 'diabetes',
  };
}

/** The request for the hub. */
export function toDescribeRequest(d: DescribeDraft): DescribeRequest {
  const by = d.by.trim();
  return { kind: 'describe', variables: toVariables(d.variables), ...(by ? { by } : {}) };
}

/** What is wrong with the form before it is sent; {} when the hub can take it. */
export function describeDraftErrors(d: DescribeDraft): FormErrors {
  const errors = variableErrors(d.variables);
  const by = d.by.trim();
  if (by && !categoricalNames(d.variables).includes(by))
    push(errors, 'by', `"${by}" is not a declared sex, condition, drug or procedure variable.`);
  if (d.variables.length && d.variables.every((v) => v.name.trim() === by))
    push(errors, 'variables', 'Add a variable to describe besides the one you split by.');
  return errors;
}

/** Places a hub issue on the form. */
export const describeIssueKey = (path: string, rows: readonly VariableRow[]) =>
  hubIssueKey(path, rows, ['variables', 'by']);
