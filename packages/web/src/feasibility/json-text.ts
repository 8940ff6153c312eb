/**
 * The JSON view of a definition: pretty text out, and a pasted text read back with every problem
 * located (a syntax error at the root, schema faults at their field paths). Pure, no React.
 */
import type { CohortDefinitionInput } from '@openehds/core';
import { fmt } from '../i18n/format';
import { feasibilityText as t } from './strings';
import { definitionIssues, type DefinitionIssue } from './validate';

/** The definition as the JSON view shows it. */
export function definitionText(def: CohortDefinitionInput): string {
  // A number typed wrongly (NaN) prints as null; the builder shows its message beside the field.
  return JSON.stringify(def, null, 2);
}

/** Reads a pasted definition: the definition when valid, otherwise every issue with its path. */
export function readDefinitionText(
  text: string,
): { definition: CohortDefinitionInput; issues: [] } | { definition: null; issues: DefinitionIssue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return {
      definition: null,
      issues: [{ path: '', message: fmt(t.json.notJson, { message: (err as Error).message }) }],
    };
  }
  const issues = definitionIssues(raw);
  return issues.length
    ? { definition: null, issues }
    : { definition: raw as CohortDefinitionInput, issues: [] };
}
