/**
 * The dated events of each clinical table of the node store, shared by the dataset statistics and the
 * quality label's coverage and timeliness measures.
 */
export const EVENT_DATES: readonly { table: string; date: string }[] = [
  { table: 'visit_occurrence', date: 'visit_start_date' },
  { table: 'condition_occurrence', date: 'condition_start_date' },
  { table: 'drug_exposure', date: 'drug_exposure_start_date' },
  { table: 'procedure_occurrence', date: 'procedure_date' },
  { table: 'measurement', date: 'measurement_date' },
  { table: 'observation', date: 'observation_date' },
  { table: 'death', date: 'death_date' },
];

/** Tables whose rows count as records of the dataset (persons and their events). */
export const RECORD_TABLES: readonly string[] = [
  'person',
  'observation_period',
  'visit_occurrence',
  'condition_occurrence',
  'drug_exposure',
  'procedure_occurrence',
  'measurement',
  'observation',
  'death',
];

/** `UNION ALL` of (person_id, d) over every event table, keeping dates in [1850-01-01, today]. */
export function eventsUnionSql(today: string): string {
  return EVENT_DATES.map(
    ({ table, date }) =>
      `SELECT person_id, ${date} AS d FROM ${table} WHERE ${date} BETWEEN DATE '1850-01-01' AND DATE '${today}'`,
  ).join('\nUNION ALL\n');
}
