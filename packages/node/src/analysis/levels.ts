import type { AnalysisVariable, AnalysisVariableKind } from '@openehds/core';
import type { Cell } from '@openehds/analytics';

/**
 * The levels of a categorical variable are fixed by its kind, not read from the data: every node
 * reports the same grid of cells, so a level absent at one node is a zero the engine checks like any
 * other cell, not a row whose absence reveals it.
 */
export function levelsOf(v: AnalysisVariable): string[] | null {
  const kind: AnalysisVariableKind = v.kind;
  if (kind === 'sex') return ['female', 'male'];
  if (kind === 'condition' || kind === 'drug' || kind === 'procedure') return ['0', '1'];
  return null;
}

/** A cell as a level label, or null when missing. */
export function levelLabel(c: Cell): string | null {
  if (c === null || c === undefined || c === '' || (typeof c === 'number' && Number.isNaN(c))) return null;
  return String(c);
}
