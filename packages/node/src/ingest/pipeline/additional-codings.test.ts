import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countCohort, openNodeStore, type NodeStore } from '@openehds/analytics';
import type { CohortDefinitionInput } from '@openehds/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from './ingest';

/**
 * End to end: FHIR records whose code carries several codings (SNOMED CT and ICD-10 for one diagnosis,
 * ATC and RxNorm for one drug) are ingested with every coding, and a feasibility count in any of the
 * vocabularies finds them (issue 4 §1). The extra codings are committed with their record's batch.
 */
const UNIFYING = 'https://openehds.eu/sid/person';
const SCT = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
let store: NodeStore;
let dir: string;

beforeEach(async () => {
  store = await openNodeStore(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'ehds-codings-'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const patient = (id: string) => ({
  resourceType: 'Patient',
  id,
  gender: 'male',
  birthDate: '1960-01-01',
  identifier: [{ system: UNIFYING, value: `PER-${id}` }],
});
const hypertension = (id: string, subject: string, codings: { system: string; code: string }[]) => ({
  resourceType: 'Condition',
  id,
  subject: { reference: subject },
  code: { coding: codings },
  onsetDateTime: '2019-04-01',
});
const BOTH = [
  { system: SCT, code: '38341003' },
  { system: ICD10, code: 'I10' },
];

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const ndjson = (name: string, rows: object[]) =>
  write(name, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

/** A transaction Bundle: references by fullUrl (urn:uuid), as Synthea writes them. */
function bundle(name: string): string {
  const entry = (id: string, resource: object) => ({ fullUrl: `urn:uuid:${id}`, resource });
  return write(
    name,
    JSON.stringify({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        entry('pa', patient('pa')),
        entry('pb', patient('pb')),
        entry('pc', patient('pc')),
        // A: SNOMED CT and ICD-10 (the row keeps SNOMED CT; ICD-10 goes to condition_occurrence_coding).
        entry('ca', hypertension('ca', 'urn:uuid:pa', BOTH)),
        // B: SNOMED CT only.
        entry('cb', hypertension('cb', 'urn:uuid:pb', [BOTH[0]!])),
        // C: a drug in ATC and RxNorm.
        entry('mc', {
          resourceType: 'MedicationRequest',
          id: 'mc',
          subject: { reference: 'urn:uuid:pc' },
          medicationCodeableConcept: {
            coding: [
              { system: 'http://www.whocc.no/atc', code: 'C09AA03' },
              { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '29046' },
            ],
          },
          authoredOn: '2019-05-01',
        }),
      ],
    }),
  );
}

type Criterion = NonNullable<CohortDefinitionInput['inclusion']>[number]['criteria'][number];
const criterion = (c: Criterion): CohortDefinitionInput => ({ inclusion: [{ criteria: [c] }] });
const I10 = criterion({
  type: 'condition',
  codes: { vocabulary: 'ICD10', codes: ['I10'], descendants: true },
});
const SNOMED_HT = criterion({ type: 'condition', codes: { vocabulary: 'SNOMED', codes: ['38341003'] } });
// The row keeps RxNorm (preferred over ATC), so an ATC criterion finds the drug through its extra coding.
const ATC = criterion({ type: 'drug', codes: { vocabulary: 'ATC', codes: ['C09AA'], descendants: true } });

/** The persons of a cohort, by their FHIR Patient id. */
async function cohort(definition: CohortDefinitionInput): Promise<string[]> {
  const { personIds } = await countCohort(store, definition);
  if (personIds.length === 0) return [];
  const rows = await store.all<{ v: string }>(
    `SELECT value AS v FROM person_identifier WHERE system = 'fhir:Patient' AND person_id IN (${personIds.join(',')}) ORDER BY v`,
  );
  return rows.map((r) => r.v);
}

async function count(table: string): Promise<number> {
  return Number((await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
}

describe('ingest: every coding of a FHIR code, counted in any vocabulary', () => {
  for (const stageInWorker of [false, true]) {
    it(`finds a Condition coded SNOMED CT + ICD-10 by either (staged ${stageInWorker ? 'in a worker' : 'inline'})`, async () => {
      const report = await ingest([bundle('bundle.json')], { store, datasetId: 'd1', stageInWorker });
      expect(report.rejected).toBe(0);

      expect(await cohort(I10)).toEqual(['pa']);
      expect(await cohort(SNOMED_HT)).toEqual(['pa', 'pb']);
      expect(await cohort(ATC)).toEqual(['pc']);
      // The row keeps SNOMED CT; its ICD-10 coding points at it, with the record's key and batch.
      const [row] = await store.all<Record<string, unknown>>(
        `SELECT c.row_id = o.condition_occurrence_id AS same_row, c.person_id = o.person_id AS same_person,
           o.condition_source_value AS kept, o.ehds_vocabulary AS kept_vocabulary, c.vocabulary, c.code,
           c.ehds_key, c.ehds_batch
         FROM condition_occurrence_coding c JOIN condition_occurrence o ON o.ehds_key = c.ehds_key`,
      );
      expect(row).toEqual({
        same_row: true,
        same_person: true,
        kept: '38341003',
        kept_vocabulary: 'SNOMED',
        vocabulary: 'ICD10',
        code: 'I10',
        ehds_key: 'd1|Condition/ca',
        ehds_batch: report.batchId,
      });
      expect(await count('condition_occurrence_coding')).toBe(1);
      expect(await count('drug_exposure_coding')).toBe(1);
    });
  }

  it('skips the codings of a record loaded before, as it skips the record', async () => {
    await ingest([bundle('bundle.json')], { store, datasetId: 'd1' });
    // The same Condition again, in another file: already loaded, so neither its row nor its coding is added.
    const again = await ingest([ndjson('Condition.ndjson', [hypertension('ca', 'Patient/pa', BOTH)])], {
      store,
      datasetId: 'd1',
    });
    expect(again.byType.Condition).toEqual({ read: 1, loaded: 0, rejected: 0, skipped: 1 });
    expect(await count('condition_occurrence')).toBe(2);
    expect(await count('condition_occurrence_coding')).toBe(1);
    expect(await cohort(I10)).toEqual(['pa']);
  });

  it('commits codings with their batch: a failed batch leaves none, and a re-run adds each once', async () => {
    const patients = ndjson('Patient.ndjson', ['p1', 'p2', 'p3', 'p4'].map(patient));
    const conditions = ndjson(
      'Condition.ndjson',
      ['p1', 'p2', 'p3', 'p4'].map((p) => hypertension(`c-${p}`, `Patient/${p}`, BOTH)),
    );
    // Batches of 2 records: [p1 p2] [p3 p4] [c-p1 c-p2] [c-p3 c-p4]; the fourth batch's transaction fails.
    const realRun = store.run.bind(store);
    let recordInserts = 0;
    const failing = Object.create(store) as NodeStore;
    failing.run = async (sql, params) => {
      if (sql.startsWith('INSERT INTO ingested_record') && ++recordInserts === 4)
        throw new Error('disk full (simulated)');
      return realRun(sql, params);
    };
    await expect(
      ingest([patients, conditions], { store: failing, datasetId: 'd1', batchSize: 2 }),
    ).rejects.toThrow(/disk full/);
    expect(await count('condition_occurrence')).toBe(2);
    expect(await count('condition_occurrence_coding')).toBe(2);
    expect(await cohort(I10)).toEqual(['p1', 'p2']);

    const rerun = await ingest([patients, conditions], { store, datasetId: 'd1', batchSize: 2 });
    expect(rerun.byType.Condition).toEqual({ read: 4, loaded: 2, rejected: 0, skipped: 2 });
    expect(await count('condition_occurrence_coding')).toBe(4);
    expect(await cohort(I10)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(await cohort(SNOMED_HT)).toEqual(['p1', 'p2', 'p3', 'p4']);
  });
});
