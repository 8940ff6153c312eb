/**
 * An OMOP CSV export carries source codes (`*_source_value`) but not which coding system they come
 * from, and we ship no OHDSI vocabulary to look `*_source_concept_id` up. So the vocabulary is
 * inferred from the code's syntax, among the systems each table's domain uses. Ambiguous syntaxes
 * resolve to the domain's usual system (digits in a condition table: SNOMED CT, not OMIM). A file's
 * own `ehds_vocabulary` column, when present, always wins. Pure.
 */
const PATTERNS: Record<string, RegExp> = {
  ICD10: /^[A-Z][0-9]{2}(\.?[0-9A-Z]{1,4})?$/,
  SNOMED: /^[0-9]{6,18}$/,
  LOINC: /^[0-9]{1,7}-[0-9]$/,
  ATC: /^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$/,
  CVX: /^[0-9]{1,3}$/,
  HPO: /^HP:[0-9]{7}$/,
};

// Which source column holds the code, and the systems tried in order, per table.
const DOMAINS: Record<string, { column: string; systems: string[] }> = {
  condition_occurrence: { column: 'condition_source_value', systems: ['ICD10', 'SNOMED'] },
  death: { column: 'cause_source_value', systems: ['ICD10', 'SNOMED'] },
  drug_exposure: { column: 'drug_source_value', systems: ['ATC', 'CVX', 'SNOMED'] },
  procedure_occurrence: { column: 'procedure_source_value', systems: ['SNOMED'] },
  measurement: { column: 'measurement_source_value', systems: ['LOINC', 'SNOMED'] },
  observation: { column: 'observation_source_value', systems: ['LOINC', 'HPO', 'SNOMED', 'ICD10'] },
};

/** The coding system of a row's source code, or undefined when the syntax matches none of its domain's. */
export function inferVocabulary(
  table: string,
  cells: Record<string, string | undefined>,
): string | undefined {
  const domain = DOMAINS[table];
  const code = domain ? cells[domain.column]?.trim() : undefined;
  if (!domain || !code) return undefined;
  return domain.systems.find((s) => PATTERNS[s]!.test(code));
}
