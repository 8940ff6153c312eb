import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { stableId } from '@openehds/analytics';
import type { MapContext, SourceRecord } from '../../types';
import { omopCsvAdapter } from './adapter';

const dir = mkdtempSync(join(tmpdir(), 'omop-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx: MapContext = { personIdentifierSystem: 'urn:example:patient-id', datasetId: 'ds-1' };

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(text) : text);
  return path;
}

async function readAll(path: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of omopCsvAdapter.read(path)) out.push(r);
  return out;
}

const PERSON = [
  'person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id,person_source_value,gender_source_value',
  '1,8507,1970,0,0,PAT-001,M',
  '2,8532,1985,0,0,,F',
  '3,8532,nineteen,0,0,PAT-003,F',
  '4,,1990,0,0,PAT-004,F',
].join('\n');

describe('omopCsvAdapter.detect', () => {
  it('needs both an OMOP table file name and a header of that table', () => {
    const head = PERSON.slice(0, 200);
    expect(omopCsvAdapter.detect('/x/person.csv', head)).toBe(true);
    expect(omopCsvAdapter.detect('/x/PERSON.CSV.gz', head)).toBe(true);
    expect(omopCsvAdapter.detect('/x/patients.csv', head)).toBe(false);
    expect(omopCsvAdapter.detect('/x/person.csv', 'id,name,city\n1,a,b')).toBe(false);
  });
});

describe('omopCsvAdapter person.csv', () => {
  it('maps valid persons with both refs and rejects bad rows with their line and reason', async () => {
    // Prepare
    const records = await readAll(write('person.csv', PERSON));
    // Execute
    const results = records.map((r) => omopCsvAdapter.map(r, ctx));
    // Assert
    expect(records.map((r) => [r.line, r.recordType])).toEqual([
      [2, 'person'],
      [3, 'person'],
      [4, 'person'],
      [5, 'person'],
    ]);
    const first = results[0]!;
    expect(first).toMatchObject({
      ok: true,
      key: 'omop:person/1',
      person: {
        refs: [
          { system: ctx.personIdentifierSystem, value: 'PAT-001' },
          { system: 'omop:person_id', value: 'ds-1:1' },
        ],
      },
    });
    if (!first.ok) throw new Error('unreachable');
    expect(first.rows[0]!.row).toEqual({
      gender_concept_id: 8507,
      year_of_birth: 1970,
      race_concept_id: 0,
      ethnicity_concept_id: 0,
      person_source_value: 'PAT-001',
      gender_source_value: 'M',
    });
    expect(results[1]).toMatchObject({
      ok: true,
      person: { refs: [{ system: 'omop:person_id', value: 'ds-1:2' }] },
    });
    expect(results[2]).toEqual({ ok: false, reason: "person: year_of_birth: 'nineteen' is not an integer" });
    expect(results[3]).toEqual({ ok: false, reason: 'person: gender_concept_id is required' });
  });
});

describe('omopCsvAdapter events', () => {
  it('reads gzipped files with quoted multi-line cells, re-keys ids and keeps line numbers', async () => {
    // Prepare: the second data row has a quoted cell spanning three physical lines.
    const text = [
      'condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_type_concept_id,visit_occurrence_id,condition_source_value,ehds_vocabulary',
      '10,1,201826,2020-01-05,32817,77,E11.9,ICD10',
      '11,1,0,2020-02-01,32817,,"free text, with comma',
      'and a second line',
      'and a third",',
      '12,1,0,2020-02-30,32817,,X,',
      '13,1,0,2020-03-01,32817,,"bad"quote,',
      '14,1,0',
    ].join('\n');
    const records = await readAll(write('condition_occurrence.csv.gz', text));
    // Execute
    const results = records.map((r) => omopCsvAdapter.map(r, ctx));
    // Assert
    expect(records.map((r) => r.line)).toEqual([2, 3, 6, 7, 8]);
    expect(results[0]).toMatchObject({ ok: true, key: 'omop:condition_occurrence/10' });
    if (!results[0]!.ok) throw new Error('unreachable');
    const mapped = results[0]!.rows[0]!;
    expect(mapped.personRef).toEqual({ system: 'omop:person_id', value: 'ds-1:1' });
    expect(mapped.row).toMatchObject({
      condition_occurrence_id: stableId('ds-1', 'omop:condition_occurrence', '10'),
      visit_occurrence_id: stableId('ds-1', 'omop:visit_occurrence', '77'),
      condition_concept_id: 201826,
      condition_start_date: '2020-01-05',
      condition_source_value: 'E11.9',
      ehds_vocabulary: 'ICD10',
    });
    expect(mapped.row).not.toHaveProperty('person_id');
    expect(results[1]).toMatchObject({ ok: true });
    if (results[1]!.ok)
      expect(results[1]!.rows[0]!.row.condition_source_value).toBe(
        'free text, with comma\nand a second line\nand a third',
      );
    expect(results[2]).toEqual({
      ok: false,
      reason: "condition_occurrence: condition_start_date: '2020-02-30' is not an ISO date YYYY-MM-DD",
    });
    expect(results[3]).toMatchObject({ ok: false });
    expect(records[3]!.parseError).toMatch(/after a closing quote/);
    expect(results[4]).toEqual({ ok: false, reason: 'row has 3 field(s), the header has 8' });
  });

  it('gives the same id to a visit and to the condition pointing at it', async () => {
    const visit = await readAll(
      write(
        'visit_occurrence.csv',
        'visit_occurrence_id,person_id,visit_concept_id,visit_start_date,visit_end_date,visit_type_concept_id\n77,1,9201,2020-01-04,2020-01-06,32817\n',
      ),
    );
    const result = omopCsvAdapter.map(visit[0]!, ctx);
    if (!result.ok) throw new Error(result.reason);
    expect(result.rows[0]!.row.visit_occurrence_id).toBe(stableId('ds-1', 'omop:visit_occurrence', '77'));
    // Another dataset numbering from the same source id gets another id.
    const other = omopCsvAdapter.map(visit[0]!, { ...ctx, datasetId: 'ds-2' });
    if (!other.ok) throw new Error(other.reason);
    expect(other.rows[0]!.row.visit_occurrence_id).not.toBe(result.rows[0]!.row.visit_occurrence_id);
  });

  it('keys death by person and maps it', async () => {
    const records = await readAll(
      write('death.csv', 'person_id,death_date,cause_source_value\n1,2021-06-01,I21.9\n'),
    );
    expect(omopCsvAdapter.map(records[0]!, ctx)).toMatchObject({
      ok: true,
      key: 'omop:death/1',
      rows: [{ table: 'death', row: { death_date: '2021-06-01', cause_source_value: 'I21.9' } }],
    });
  });

  it('reports unknown and missing header columns once for the whole file', async () => {
    const records = await readAll(
      write(
        'measurement.csv',
        'measurement_id,person_id,measurement_date,lab_name,colour\n1,1,2020-01-01,x,y\n2,1,2020-01-01,x,y\n',
      ),
    );
    expect(records).toHaveLength(1);
    expect(records[0]!.line).toBe(1);
    expect(records[0]!.parseError).toMatch(
      /^measurement\.csv header: unknown column\(s\) 'lab_name', 'colour'; OMOP CDM 5\.4 measurement has: measurement_id,/,
    );
    expect(records[0]!.parseError).toMatch(
      /required column\(s\) missing: measurement_concept_id, measurement_type_concept_id$/,
    );
    expect(omopCsvAdapter.map(records[0]!, ctx)).toEqual({ ok: false, reason: records[0]!.parseError });
  });
});
