import { stableId, type OmopTable } from '@openehds/analytics';
import type { MapContext, MapResult, PersonRef } from '../../types';
import { convertCell } from './omop-values';
import { omopColumns } from './omop-table';
import { inferVocabulary } from './infer-vocabulary';

/**
 * Maps one OMOP CDM 5.4 CSV row to a row of the node's OMOP store. Source values are kept; row ids
 * and the ids of entities the row points to are re-keyed with `stableId(datasetId, 'omop:<table>', id)`
 * so two sources that both number from 1 cannot collide, while references inside one source
 * (a condition's visit) still resolve. `person_id` is left to the pipeline, through `personRef`.
 */

/** A parsed CSV row: the table and its cells by (lower-case) column name. */
export interface OmopCsvRow {
  table: OmopTable;
  cells: Record<string, string>;
}

/** Entity a re-keyed id column points to. `*_event_id` are polymorphic in the CDM and kept as given. */
const ID_TARGET: Record<string, string> = {
  visit_occurrence_id: 'visit_occurrence',
  preceding_visit_occurrence_id: 'visit_occurrence',
  visit_detail_id: 'visit_detail',
  provider_id: 'provider',
  care_site_id: 'care_site',
  location_id: 'location',
  observation_period_id: 'observation_period',
  condition_occurrence_id: 'condition_occurrence',
  drug_exposure_id: 'drug_exposure',
  procedure_occurrence_id: 'procedure_occurrence',
  measurement_id: 'measurement',
  observation_id: 'observation',
};

/** Identifier system of source OMOP person ids, by which the other tables refer to a person. */
export const OMOP_PERSON_ID_SYSTEM = 'omop:person_id';

/**
 * The reference to a person by their source `person_id`. The value is scoped by dataset, because two
 * OMOP sources both numbering persons from 1 must not merge their persons.
 */
export function omopPersonRef(ctx: MapContext, personId: string): PersonRef {
  return { system: OMOP_PERSON_ID_SYSTEM, value: `${ctx.datasetId}:${personId}` };
}

/** Maps a validated-or-not CSV row; every invalid cell is listed in the reason. */
export function mapOmopRow(input: OmopCsvRow, ctx: MapContext): MapResult {
  const { table, cells } = input;
  const row: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, type, required] of omopColumns(table)) {
    const text = cells[name]?.trim() ?? '';
    if (text === '') {
      if (required) problems.push(`${name} is required`);
      continue;
    }
    const converted = convertCell(type, text);
    if (!converted.ok) {
      problems.push(`${name}: ${converted.reason}`);
      continue;
    }
    const target = ID_TARGET[name];
    row[name] = target ? stableId(ctx.datasetId, `omop:${target}`, text) : converted.value;
  }
  const vocabulary = cells.ehds_vocabulary?.trim() || inferVocabulary(table, cells);
  if (vocabulary) row.ehds_vocabulary = vocabulary;
  if (problems.length) return { ok: false, reason: `${table}: ${problems.join('; ')}` };

  const personId = cells.person_id!.trim();
  delete row.person_id;
  const personRef = omopPersonRef(ctx, personId);
  const pk = table === 'death' ? personId : cells[`${table}_id`]!.trim();
  const key = `omop:${table}/${pk}`;
  if (table !== 'person') return { ok: true, key, rows: [{ table, row, personRef }] };

  const refs: PersonRef[] = [personRef];
  const sourceValue = cells.person_source_value?.trim();
  if (sourceValue) refs.unshift({ system: ctx.personIdentifierSystem, value: sourceValue });
  return { ok: true, key, person: { refs }, rows: [{ table, row, personRef }] };
}
