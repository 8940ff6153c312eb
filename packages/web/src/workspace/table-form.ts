/**
 * The contingency-table form's state and its request (core `TableAnalysisRequest`; issue 4 §4): the
 * counts of a row variable by an optional column variable, both categorical (sex, 0/1 conditions,
 * drugs, procedures). Checked here as the hub checks. Pure, no React.
 */
import {
  categoricalNames,
  emptyVariable,
  hubIssueKey,
  isCategorical,
  push,
  toVariables,
  variableErrors,
  type FormErrors,
  type VariableRow,
} from './variables-form';
import type { TableRequest } from './types';

/** The whole form; `columns` is '' for a one-way table. */
export interface TableDraft {
  variables: VariableRow[];
  rows: string;
  columns: string;
}

/** The form as it opens: sex by type 2 diabetes. */
export function exampleTableDraft(): TableDraft {
  return {
    variables: [
      { ...emptyVariable('sex'), name: 'sex' },
      { ...emptyVariable('condition'), name: 'diabetes', codes: 'E11', descendants: true },
    ],
    rows: 'sex',
    columns: 'diabetes',
  };
}

/** The request for the hub. */
export function toTableRequest(d: TableDraft): TableRequest {
  const columns = d.columns.trim();
  return {
    kind: 'table',
    rows: d.rows.trim(),
    ...(columns ? { columns } : {}),
    variables: toVariables(d.variables),
  };
}

/** What is wrong with the form before it is sent; {} when the hub can take it. */
export function tableDraftErrors(d: TableDraft): FormErrors {
  const errors = variableErrors(d.variables);
  const names = categoricalNames(d.variables);
  const rows = d.rows.trim();
  const columns = d.columns.trim();
  if (!rows) push(errors, 'rows', 'Choose the variable counted in the rows.');
  else if (!names.includes(rows))
    push(errors, 'rows', `"${rows}" is not a declared sex, condition, drug or procedure variable.`);
  if (columns && !names.includes(columns))
    push(errors, 'columns', `"${columns}" is not a declared sex, condition, drug or procedure variable.`);
  else if (columns && columns === rows)
    push(errors, 'columns', 'Choose a column variable other than the rows.');
  // Tables count categories: a numeric variable here would be refused by the hub.
  for (const v of d.variables)
    if (!isCategorical(v.kind))
      push(errors, `row:${v.key}:kind`, 'A table counts sex or 0/1 conditions, drugs and procedures.');
  return errors;
}

/** Places a hub issue on the form. */
export const tableIssueKey = (path: string, rows: readonly VariableRow[]) =>
  hubIssueKey(path, rows, ['variables', 'rows', 'columns']);
