import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore, stableId, type NodeStore } from '@openehds/analytics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from './ingest';
import { DERIVED_FILE, EHR_PERIOD_TYPE } from './observation-periods';

const UNIFYING = 'https://openehds.eu/sid/person';
let store: NodeStore;
let dir: string;

beforeEach(async () => {
  store = await openNodeStore(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'ehds-periods-test-'));
});
afterEach(() => store.close());

function write(name: string, lines: (object | string)[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return p;
}

interface Period {
  id: number;
  person: string;
  start: string;
  end: string;
  type: number;
  file: string;
  batch: string;
}

/** Every period, with the person's unifying identifier instead of the id. */
async function periods(): Promise<Period[]> {
  return store.all<Period>(
    `SELECT observation_period_id AS id, i.value AS person, observation_period_start_date::VARCHAR AS start,
       observation_period_end_date::VARCHAR AS "end", period_type_concept_id AS type, ehds_file AS file,
       ehds_batch AS batch
     FROM observation_period o JOIN person_identifier i ON i.person_id = o.person_id AND i.system = $1
     ORDER BY person, start`,
    [UNIFYING],
  );
}

async function personId(value: string): Promise<number> {
  const rows = await store.all<{ p: number }>(
    'SELECT person_id AS p FROM person_identifier WHERE system = $1 AND value = $2',
    [UNIFYING, value],
  );
  return rows[0]!.p;
}

const patient = (id: string, extra: object = {}) => ({
  resourceType: 'Patient',
  id,
  gender: 'female',
  birthDate: '1960-01-01',
  identifier: [{ system: UNIFYING, value: `PER-${id}` }],
  ...extra,
});
const encounter = (id: string, subject: string, start: string, end: string) => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  subject: { reference: subject },
  period: { start, end },
});
const condition = (id: string, subject: string, onset: string) => ({
  resourceType: 'Condition',
  id,
  subject: { reference: subject },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006' }] },
  onsetDateTime: onset,
});
const observation = (id: string, subject: string, date: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: subject },
  code: { coding: [{ system: 'http://loinc.org', code: '2339-0' }] },
  effectiveDateTime: date,
  valueQuantity: { value: 5.4, unit: 'mmol/L' },
});

describe('ingest: derived observation periods', () => {
  it('derives one period per FHIR person from the earliest to the latest event, capped at death, and extends it on a later run', async () => {
    // Prepare: p1 has events 2010-03-04 .. 2015-06-07 (a visit's end); p2 died 2019-12-31 with an event
    // recorded after death; p3 has no events.
    const pats = write('Patient.ndjson', [
      patient('p1'),
      patient('p2', { deceasedDateTime: '2019-12-31T10:00:00Z' }),
      patient('p3'),
    ]);
    const encs = write('Encounter.ndjson', [
      encounter('e1', 'Patient/p1', '2015-06-01T08:00:00Z', '2015-06-07T08:00:00Z'),
      encounter('e2', 'Patient/p2', '2018-01-01T08:00:00Z', '2018-01-01T09:00:00Z'),
    ]);
    const conds = write('Condition.ndjson', [condition('c1', 'Patient/p1', '2010-03-04T10:00:00Z')]);
    const obs = write('Observation.ndjson', [
      observation('o1', 'Patient/p1', '2012-01-01'),
      observation('o2', 'Patient/p2', '2020-02-02'),
    ]);
    // Execute
    const first = await ingest([pats, encs, conds, obs], { store, datasetId: 'd1' });
    // Assert
    expect(first.rejected).toBe(0);
    const p1 = await personId('PER-p1');
    expect(await periods()).toEqual([
      {
        id: stableId('d1', 'derived:observation_period', String(p1)),
        person: 'PER-p1',
        start: '2010-03-04',
        end: '2015-06-07',
        type: EHR_PERIOD_TYPE,
        file: DERIVED_FILE,
        batch: first.batchId,
      },
      expect.objectContaining({ person: 'PER-p2', start: '2018-01-01', end: '2019-12-31' }),
    ]);

    // Execute: a later run brings a later observation of p1.
    const more = write('Observation-2.ndjson', [observation('o3', 'Patient/p1', '2021-09-09')]);
    const second = await ingest([more], { store, datasetId: 'd1' });
    // Assert: p1's derived period is replaced (same id, extended), not duplicated; p2's is untouched.
    const after = await periods();
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({
      id: stableId('d1', 'derived:observation_period', String(p1)),
      person: 'PER-p1',
      start: '2010-03-04',
      end: '2021-09-09',
      batch: second.batchId,
    });
    expect(after[1]).toMatchObject({ person: 'PER-p2', end: '2019-12-31', batch: first.batchId });
  });

  it('keeps the period an OMOP CSV gives and derives none for that person', async () => {
    // Prepare: an OMOP person with its own period, and a FHIR observation of the same person (unified by
    // the identifier system) outside that period.
    const person = write('person.csv', [
      'person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id,person_source_value',
      '1,8532,1970,0,0,PER-omop',
    ]);
    const period = write('observation_period.csv', [
      'observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id',
      '77,1,2001-01-01,2005-12-31,32880',
    ]);
    const fhirPat = write('Patient.ndjson', [
      patient('x', { identifier: [{ system: UNIFYING, value: 'PER-x' }] }),
    ]);
    const meas = write('Observation.ndjson', [
      observation('o1', 'Patient/x', '2022-02-02'),
      { ...observation('o2', 'Patient/x', '2010-01-01'), id: 'o2' },
    ]);
    // Execute
    const report = await ingest([person, period, fhirPat, meas], { store, datasetId: 'd2' });
    // Assert: the CSV period is unchanged; the FHIR person gets a derived one.
    expect(report.rejected).toBe(0);
    const all = await periods();
    expect(all).toEqual([
      expect.objectContaining({
        person: 'PER-omop',
        start: '2001-01-01',
        end: '2005-12-31',
        type: 32880,
      }),
      expect.objectContaining({
        person: 'PER-x',
        start: '2010-01-01',
        end: '2022-02-02',
        file: DERIVED_FILE,
      }),
    ]);
    expect(all[0]!.file).toContain('observation_period.csv');

    // Execute: an event of the OMOP person outside its period arrives later.
    const m = write('measurement.csv', [
      'measurement_id,person_id,measurement_concept_id,measurement_date,measurement_type_concept_id',
      '5,1,0,2015-05-05,32817',
    ]);
    const later = await ingest([m], { store, datasetId: 'd2' });
    // Assert: the source's period stands as given; no derived one is added for that person.
    expect(later.byType.measurement).toMatchObject({ loaded: 1 });
    expect((await periods()).filter((p) => p.person === 'PER-omop')).toEqual([all[0]]);
  });
});
