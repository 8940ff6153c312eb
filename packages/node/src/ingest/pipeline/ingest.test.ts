import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { AppError } from '@openehds/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConformanceDir as conformanceDir } from '@openehds/standards';
import type { FormatAdapter } from '../types';
import { ingest } from './ingest';

const UNIFYING = 'https://openehds.eu/sid/person';
let store: NodeStore;
let dir: string;

beforeEach(async () => {
  store = await openNodeStore(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'ehds-ingest-test-'));
});
afterEach(() => store.close());

async function count(table: string): Promise<number> {
  return (await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n;
}

const TABLES = [
  'person',
  'death',
  'visit_occurrence',
  'condition_occurrence',
  'measurement',
  'observation',
  'drug_exposure',
  'procedure_occurrence',
  'person_identifier',
  'ingested_record',
  'ingested_file',
  'quarantine',
];
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await count(t);
  return out;
}

function ndjson(name: string, lines: (object | string)[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return p;
}

const patient = (id: string, extra: object = {}) => ({
  resourceType: 'Patient',
  id,
  gender: 'female',
  birthDate: '1980-02-29',
  identifier: [{ system: UNIFYING, value: `PER-${id}` }],
  ...extra,
});
const condition = (id: string, subject?: string) => ({
  resourceType: 'Condition',
  id,
  ...(subject ? { subject: { reference: subject } } : {}),
  code: {
    coding: [
      { system: 'http://hl7.org/fhir/sid/icd-10', code: 'E11.9' },
      { system: 'http://snomed.info/sct', code: '44054006' },
    ],
  },
  onsetDateTime: '2020-05-01T10:00:00+02:00',
});
const observation = (id: string, subject: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: subject },
  code: { coding: [{ system: 'http://loinc.org', code: '2339-0' }] },
  effectiveDateTime: '2021-01-02',
  valueQuantity: { value: 5.4, unit: 'mmol/L', code: 'mmol/L' },
  referenceRange: [{ low: { value: 3.9 }, high: { value: 6.1 } }],
});

describe('ingest: Synthea transaction bundles (conformance fixtures)', () => {
  const fixtures = join(conformanceDir(), 'fixtures/synthea-r4');
  const present = existsSync(fixtures);
  if (!present && process.env.CI === 'true') throw new Error(`conformance fixtures missing at ${fixtures}`);
  if (!present)
    console.warn(`skipping Synthea ingest tests: ${fixtures} not found (set EHDS_CONFORMANCE_DIR)`);

  it.skipIf(!present)(
    'loads every mapped resource of all 5 bundles, per type, and skips unmapped types',
    async () => {
      // Prepare: expected per-type counts straight from the bundles' entries.
      const expected: Record<string, number> = {};
      for (const f of readdirSync(fixtures)) {
        const b = JSON.parse(readFileSync(join(fixtures, f), 'utf8')) as {
          entry: { resource: { resourceType: string } }[];
        };
        for (const e of b.entry)
          expected[e.resource.resourceType] = (expected[e.resource.resourceType] ?? 0) + 1;
      }
      // Execute
      const report = await ingest([fixtures], { store, datasetId: 'synthea' });
      // Assert
      expect(report.rejected).toBe(0);
      expect(report.errors).toEqual([]);
      expect(report.files).toHaveLength(5);
      const mapped = [
        'Patient',
        'Encounter',
        'Condition',
        'Observation',
        'MedicationRequest',
        'Procedure',
        'Immunization',
        'DiagnosticReport',
      ];
      for (const [type, n] of Object.entries(expected)) {
        expect(report.byType[type]?.read, type).toBe(n);
        if (mapped.includes(type)) expect(report.byType[type]?.loaded, type).toBe(n);
        else expect(report.byType[type]?.skipped, type).toBe(n);
      }
      expect(report.read).toBe(report.loaded + report.rejected + report.skipped);
      expect(await count('person')).toBe(expected.Patient);
      expect(await count('visit_occurrence')).toBe(expected.Encounter);
      expect(await count('condition_occurrence')).toBe(expected.Condition);
      expect(await count('procedure_occurrence')).toBe(expected.Procedure);
      expect(await count('drug_exposure')).toBe(
        (expected.MedicationRequest ?? 0) + (expected.Immunization ?? 0),
      );
      // Every clinical row points at a loaded person and (where given) a loaded visit.
      const orphans = await store.all<{ n: number }>(
        `SELECT count(*) AS n FROM condition_occurrence c WHERE c.person_id NOT IN (SELECT person_id FROM person)
         OR (c.visit_occurrence_id IS NOT NULL AND c.visit_occurrence_id NOT IN (SELECT visit_occurrence_id FROM visit_occurrence))`,
      );
      expect(orphans[0]!.n).toBe(0);
      const prov = await store.all<{ n: number }>(
        `SELECT count(*) AS n FROM measurement WHERE ehds_file IS NULL OR ehds_line IS NULL OR ehds_batch <> $1 OR ehds_key IS NULL`,
        [report.batchId],
      );
      expect(prov[0]!.n).toBe(0);
    },
  );
});

describe('ingest: NDJSON with defects', () => {
  it('quarantines each bad record with file, line and reason, loads the rest, and reconciles per type', async () => {
    // Prepare
    const patients = ndjson('Patient.ndjson', [
      patient('p1'),
      patient('p2', { birthDate: '1980-13-45' }),
      patient('p3', { gender: 'male', deceasedDateTime: '2022-03-04T05:06:07Z' }),
    ]);
    const conditions = ndjson('Condition.ndjson', [
      condition('c1', 'Patient/p1'),
      '{"resourceType":"Condition", "id": broken',
      condition('c2'),
      condition('c3', 'Patient/p3'),
    ]);
    const observations = ndjson('Observation.ndjson', [
      observation('o1', 'Patient/p1'),
      observation('o2', 'Patient/nobody'),
    ]);
    // Execute: files given out of order; Patient files load first anyway.
    const report = await ingest([observations, conditions, patients], { store, datasetId: 'd1' });
    // Assert
    expect(report.byType.Patient).toEqual({ read: 3, loaded: 2, rejected: 1, skipped: 0 });
    expect(report.byType.Condition).toEqual({ read: 4, loaded: 2, rejected: 2, skipped: 0 });
    expect(report.byType.Observation).toEqual({ read: 2, loaded: 1, rejected: 1, skipped: 0 });
    expect(report.read).toBe(report.loaded + report.rejected);
    expect(report.errors).toHaveLength(4);
    const byLine = Object.fromEntries(
      report.errors.map((e) => [`${e.file.slice(dir.length + 1)}:${e.line}`, e.reason]),
    );
    expect(byLine['Patient.ndjson:2']).toMatch(/invalid birthDate '1980-13-45'/);
    expect(byLine['Condition.ndjson:2']).toMatch(/not valid JSON/);
    expect(byLine['Condition.ndjson:3']).toMatch(/Condition\/c2 has no subject/);
    expect(byLine['Observation.ndjson:2']).toMatch(/unknown person fhir:Patient\|nobody/);
    const q = await store.all<{
      file: string;
      line: number;
      record_type: string;
      reason: string;
      raw: string;
    }>('SELECT file, line, record_type, reason, raw FROM quarantine ORDER BY file, line');
    expect(q).toHaveLength(4);
    expect(q.map((r) => r.record_type).sort()).toEqual(['Condition', 'Condition', 'Observation', 'Patient']);
    expect(q.find((r) => r.reason.includes('not valid JSON'))?.raw).toContain('broken');
    expect(await count('person')).toBe(2);
    expect(await count('death')).toBe(1);
    expect(await count('condition_occurrence')).toBe(2);
    const c1 = (
      await store.all<Record<string, unknown>>(
        `SELECT * FROM condition_occurrence WHERE ehds_key = 'd1|Condition/c1'`,
      )
    )[0]!;
    expect(c1.condition_source_value).toBe('44054006'); // SNOMED preferred over ICD-10
    expect(c1.ehds_vocabulary).toBe('SNOMED');
    expect(c1.ehds_line).toBe(1);
    const m = (await store.all<Record<string, unknown>>('SELECT * FROM measurement'))[0]!;
    expect([m.value_as_number, m.unit_source_value, m.range_low, m.range_high]).toEqual([
      5.4,
      'mmol/L',
      3.9,
      6.1,
    ]);
  });

  it('reads gzipped NDJSON transparently', async () => {
    const p = join(dir, 'Patient.ndjson.gz');
    writeFileSync(p, gzipSync([patient('g1'), patient('g2')].map((x) => JSON.stringify(x)).join('\n')));
    const report = await ingest([p], { store, datasetId: 'd1' });
    expect(report.loaded).toBe(2);
    expect(report.files[0]!.format).toBe('fhir-ndjson');
    expect(await count('person')).toBe(2);
  });

  it('unifies a person across files through the configured identifier system', async () => {
    const pat = ndjson('Patient.ndjson', [
      patient('p1', { identifier: [{ system: 'urn:my:sid', value: 'X-1' }] }),
    ]);
    const obs = ndjson('Observation.ndjson', [observation('o1', 'Patient/p1')]);
    await ingest([pat, obs], { store, datasetId: 'd1', personIdentifierSystem: 'urn:my:sid' });
    const ids = await store.all<{ system: string; value: string; person_id: number }>(
      'SELECT * FROM person_identifier ORDER BY system',
    );
    expect(ids.map((r) => r.system)).toEqual(['fhir:Patient', 'urn:my:sid']);
    expect(new Set(ids.map((r) => r.person_id)).size).toBe(1);
    const person = (
      await store.all<{ person_id: number; person_source_value: string }>('SELECT * FROM person')
    )[0]!;
    expect(person.person_source_value).toBe('X-1');
    expect((await store.all<{ person_id: number }>('SELECT person_id FROM measurement'))[0]!.person_id).toBe(
      person.person_id,
    );
  });
});

describe('ingest: idempotence and crash safety', () => {
  it('adds nothing for the same file twice, or the same records in another file', async () => {
    const p = ndjson('Patient.ndjson', [patient('p1'), patient('p2')]);
    const first = await ingest([p], { store, datasetId: 'd1' });
    const before = await counts();
    const again = await ingest([p], { store, datasetId: 'd1' });
    expect(again.files[0]!.skipped).toBe(true);
    expect(again.read).toBe(0);
    const copy = ndjson('Patient-copy.ndjson', [patient('p2'), patient('p1'), '']);
    writeFileSync(copy, readFileSync(copy, 'utf8') + '\n'); // different bytes, same records
    const third = await ingest([copy], { store, datasetId: 'd1' });
    expect(third.byType.Patient).toEqual({ read: 2, loaded: 0, rejected: 0, skipped: 2 });
    expect(third.skippedReasons['already loaded']).toBe(2);
    const after = await counts();
    expect({ ...after, ingested_file: 0 }).toEqual({ ...before, ingested_file: 0 });
    expect(after.ingested_file).toBe((before.ingested_file ?? 0) + 1);
    expect(first.loaded).toBe(2);
  });

  it('leaves the store as before the failing batch when a write throws mid-ingest, and a re-run completes without duplicates', async () => {
    // Prepare: 3 batches of 2 records; the second batch's transaction fails part-way through.
    const p = ndjson(
      'Patient.ndjson',
      [1, 2, 3, 4, 5, 6].map((i) => patient(`p${i}`)),
    );
    const realRun = store.run.bind(store);
    let rowInserts = 0;
    const failing = Object.create(store) as NodeStore;
    failing.run = async (sql, params) => {
      if (sql.startsWith('INSERT INTO ingested_record') && ++rowInserts === 2)
        throw new Error('disk full (simulated)');
      return realRun(sql, params);
    };
    // Execute
    await expect(ingest([p], { store: failing, datasetId: 'd1', batchSize: 2 })).rejects.toThrow(/disk full/);
    // Assert: only the first batch is in the store, whole (rows + bookkeeping), nothing of the second.
    expect(await count('person')).toBe(2);
    expect(await count('ingested_record')).toBe(2);
    expect(await count('person_identifier')).toBe(4);
    expect(await count('ingested_file')).toBe(0);
    // Re-run completes: the first batch's records are recognised, the rest load once.
    const rerun = await ingest([p], { store, datasetId: 'd1', batchSize: 2 });
    expect(rerun.byType.Patient).toEqual({ read: 6, loaded: 4, rejected: 0, skipped: 2 });
    expect(await count('person')).toBe(6);
    expect((await store.all<{ n: number }>('SELECT count(DISTINCT person_id) AS n FROM person'))[0]!.n).toBe(
      6,
    );
    expect(await count('ingested_file')).toBe(1);
  });
});

describe('ingest: unreadable input', () => {
  it('refuses a file in no known format with one AppError naming it, and changes nothing', async () => {
    const good = ndjson('Patient.ndjson', [patient('p1')]);
    const bad = join(dir, 'notes.bin');
    writeFileSync(bad, 'this is not health data\n');
    const before = await counts();
    const err = await ingest([good, bad], { store, datasetId: 'd1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('notes.bin');
    expect((err as AppError).issues).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it('refuses a Bundle-looking file that is not JSON, and a corrupt gzip, before writing', async () => {
    const bundle = join(dir, 'b.json');
    writeFileSync(bundle, '{"resourceType":"Bundle","entry":[ {oops');
    const gz = join(dir, 'Patient.ndjson.gz');
    writeFileSync(gz, gzipSync(JSON.stringify(patient('z')) + '\n').subarray(0, 20));
    const before = await counts();
    await expect(ingest([bundle], { store, datasetId: 'd1' })).rejects.toThrow(
      /b\.json.*not a valid FHIR Bundle/,
    );
    await expect(ingest([gz], { store, datasetId: 'd1' })).rejects.toThrow(/Patient\.ndjson\.gz/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a gzip file corrupt past its head, staged meanwhile on a thread, before writing', async () => {
    // Prepare: a readable head, then the trailer's checksum damaged (found only at the end).
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify(patient(`p${i}`))).join('\n');
    const bytes = gzipSync(lines + '\n');
    bytes[bytes.length - 6]! ^= 0xff;
    const gz = join(dir, 'Patient-late.ndjson.gz');
    writeFileSync(gz, bytes);
    const before = { ...(await counts()), ingest_batch: await count('ingest_batch') };
    // Execute
    const err = await ingest([gz], { store, datasetId: 'd1', stageInWorker: true, batchSize: 100 }).catch(
      (e: unknown) => e,
    );
    // Assert: the pre-flight's error, and not a row written (no ingest_batch either).
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/cannot ingest .*Patient-late\.ndjson\.gz.*nothing was loaded/);
    expect({ ...(await counts()), ingest_batch: await count('ingest_batch') }).toEqual(before);
  });
});

describe('ingest: staging', () => {
  // A test format: each line `key;value1;value2` maps to two measurement rows of person 1.
  const twoRows: FormatAdapter = {
    format: 'omop-csv',
    detect: (path) => path.endsWith('.two'),
    async *read(path) {
      const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
      for (const [i, text] of lines.entries())
        yield { file: path, line: i + 1, recordType: 'two', value: text.split(';'), raw: text };
    },
    map(record) {
      const [key, a, b] = record.value as string[];
      const row = (id: number, v: string) => ({
        table: 'measurement' as const,
        row: {
          measurement_id: id,
          person_id: 1,
          measurement_concept_id: 0,
          measurement_date: '2020-01-01',
          measurement_type_concept_id: 0,
          value_as_number: v === 'bad' ? v : Number(v),
        },
      });
      return { ok: true, key: key!, rows: [row(record.line * 10, a!), row(record.line * 10 + 1, b!)] };
    },
  };

  it('stages a record whole or not at all, and skips a key seen earlier in the batch or in an earlier batch', async () => {
    // Prepare: line 2's second row is invalid; k1 repeats within a batch (line 3) and in a later batch (line 5).
    const p = join(dir, 'm.two');
    writeFileSync(p, ['k1;1;2', 'k2;3;bad', 'k1;5;6', 'k3;7;8', 'k1;9;10', 'k4;11;12'].join('\n'));
    const threads = async () =>
      (await store.all<{ t: number }>(`SELECT current_setting('threads') AS t`))[0]!.t;
    const threadsBefore = await threads();
    // Execute
    const report = await ingest([p], { store, datasetId: 'd1', adapters: [twoRows], batchSize: 2 });
    // Assert: DuckDB's thread count, lowered for the run, is restored.
    expect(await threads()).toBe(threadsBefore);
    expect(report.byType.two).toEqual({ read: 6, loaded: 3, rejected: 1, skipped: 2 });
    expect(report.errors[0]).toMatchObject({ line: 2 });
    const rows = await store.all<{ id: number; key: string }>(
      'SELECT measurement_id AS id, ehds_key AS key FROM measurement ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 10, key: 'd1|k1' },
      { id: 11, key: 'd1|k1' },
      { id: 40, key: 'd1|k3' },
      { id: 41, key: 'd1|k3' },
      { id: 60, key: 'd1|k4' },
      { id: 61, key: 'd1|k4' },
    ]);
    const keys = await store.all<{ k: string; n: number }>(
      'SELECT ehds_key AS k, count(*) AS n FROM ingested_record GROUP BY k ORDER BY k',
    );
    expect(keys).toEqual([
      { k: 'd1|k1', n: 1 },
      { k: 'd1|k3', n: 1 },
      { k: 'd1|k4', n: 1 },
    ]);
    expect(await count('quarantine')).toBe(1);
  });
});
