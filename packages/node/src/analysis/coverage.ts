import type { AnalysisVariable } from '@openehds/core';

/**
 * Whether the permit grants what a variable is derived from (Art. 68(10)(a): the permit names the
 * variables; Art. 66(1) data minimisation). Permit variables are OMOP tables or `table.column`
 * (as applications list them, e.g. `person.year_of_birth`, `condition_occurrence`). A variable needs
 * every source it reads; a table entry grants all its columns. Pure.
 */

/** One source a variable reads: a table, and (if only some columns grant it) which columns. */
interface Source {
  table: string;
  columns?: readonly string[];
}

const TABLE_OF = {
  condition: 'condition_occurrence',
  drug: 'drug_exposure',
  procedure: 'procedure_occurrence',
  measurement: 'measurement',
  death: 'death',
} as const;

/** The sources a variable reads from the node's OMOP tables. */
export function sourcesOf(v: AnalysisVariable): Source[] {
  switch (v.kind) {
    case 'age':
      return [
        { table: 'person', columns: ['year_of_birth', 'month_of_birth', 'day_of_birth', 'birth_datetime'] },
      ];
    case 'sex':
      return [{ table: 'person', columns: ['gender_concept_id', 'gender_source_value', 'gender'] }];
    case 'condition':
    case 'drug':
    case 'procedure':
    case 'measurement':
      return [{ table: TABLE_OF[v.kind] }];
    case 'survival':
      return [
        { table: 'observation_period' },
        { table: TABLE_OF[v.event.domain] },
        ...(v.start ? [{ table: TABLE_OF[v.start.domain] }] : []),
      ];
  }
}

function grants(granted: readonly string[], s: Source): boolean {
  return granted.some((g) => {
    const x = g.trim().toLowerCase();
    if (x === s.table) return true;
    if (!x.startsWith(`${s.table}.`)) return false;
    return !s.columns || s.columns.includes(x.slice(s.table.length + 1));
  });
}

/** Problems with the variables a permit does not cover, one per variable (empty when all are covered). */
export function uncoveredVariables(
  variables: Record<string, AnalysisVariable>,
  granted: readonly string[],
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const [name, v] of Object.entries(variables)) {
    const missing = sourcesOf(v).filter((s) => !grants(granted, s));
    if (missing.length)
      out.push({
        path: `variables.${name}`,
        message:
          `a ${v.kind} variable reads ${missing.map((s) => (s.columns ? `${s.table}.${s.columns[0]}` : s.table)).join(' and ')}, ` +
          `which the permit does not grant (it grants: ${granted.length ? granted.join(', ') : 'no variables'})`,
      });
  }
  return out;
}
