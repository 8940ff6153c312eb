import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { conformanceDir, parseCsv } from '../test-helpers';
import { OMOP_COLUMNS, type OmopTable } from './omop-csv';

const root = await mkdtemp(join(tmpdir(), 'ehds-synth-omop-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('OMOP CDM 5.4 CSV', () => {
  it('uses the column names and order of the OHDSI CDM 5.4 field-level specification', async () => {
    const dir = conformanceDir();
    if (!dir) return;
    const spec = parseCsv(await readFile(join(dir, 'omop/cdm-5.4/OMOP_CDMv5.4_Field_Level.csv'), 'latin1'));
    const header = spec[0] as string[];
    const t = header.indexOf('cdmTableName');
    const f = header.indexOf('cdmFieldName');
    for (const table of Object.keys(OMOP_COLUMNS) as OmopTable[]) {
      const expected = spec
        .slice(1)
        .filter((r) => r[t]?.toLowerCase() === table)
        .map((r) => r[f]);
      expect(OMOP_COLUMNS[table].split(','), table).toEqual(expected);
    }
  });

  it('writes well-formed tables whose rows link to persons and visits', async () => {
    const out = join(root, 'csv');
    await generate({
      patients: 200,
      seed: 9,
      out,
      format: 'omop-csv',
      country: 'ES',
      profile: 'cancer-registry',
    });
    const tables = new Map<OmopTable, Record<string, string>[]>();
    for (const table of Object.keys(OMOP_COLUMNS) as OmopTable[]) {
      const rows = parseCsv(await readFile(join(out, `${table}.csv`), 'utf8'));
      const header = rows[0] as string[];
      expect(header.join(','), table).toBe(OMOP_COLUMNS[table]);
      for (const row of rows.slice(1)) expect(row.length, table).toBe(header.length);
      tables.set(
        table,
        rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] as string]))),
      );
    }
    const persons = tables.get('person') ?? [];
    expect(persons).toHaveLength(200);
    for (const p of persons) {
      expect(p.person_source_value).toMatch(/^ES-S9-\d{7}$/);
      expect(['8507', '8532']).toContain(p.gender_concept_id);
    }
    const personIds = new Set(persons.map((p) => p.person_id));
    const visitIds = new Set((tables.get('visit_occurrence') ?? []).map((v) => v.visit_occurrence_id));
    for (const table of [
      'condition_occurrence',
      'drug_exposure',
      'procedure_occurrence',
      'measurement',
      'observation',
    ] as const) {
      const rows = tables.get(table) ?? [];
      expect(rows.length, table).toBeGreaterThan(0);
      for (const r of rows) {
        expect(personIds.has(r.person_id as string)).toBe(true);
        if (r.visit_occurrence_id) expect(visitIds.has(r.visit_occurrence_id)).toBe(true);
      }
    }
    const conditions = (tables.get('condition_occurrence') ?? []).map((c) => c.condition_source_value);
    expect(conditions.some((c) => c?.startsWith('C'))).toBe(true); // cancer registry: ICD-10 chapter II
    for (const m of tables.get('measurement') ?? []) {
      expect(m.measurement_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isFinite(Number(m.value_as_number))).toBe(true);
    }
  });
});
