import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { defaultConformanceDir as conformanceDir } from '@openehds/standards';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest, type IngestProgress } from './ingest';
import type { IngestReport } from './report';

const UNIFYING = 'https://openehds.eu/sid/person';
const stores: NodeStore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function freshStore(): Promise<NodeStore> {
  const s = await openNodeStore(':memory:');
  stores.push(s);
  return s;
}

/** What a run left in the store, independent of its batch id. */
async function contents(store: NodeStore): Promise<Record<string, unknown>> {
  const q = (sql: string) => store.all<Record<string, unknown>>(sql);
  return {
    persons: await q(`SELECT person_id, ehds_file, ehds_line, ehds_key FROM person ORDER BY ALL`),
    conditions: await q(
      `SELECT condition_occurrence_id, person_id, ehds_file, ehds_line, ehds_key FROM condition_occurrence ORDER BY ALL`,
    ),
    measurements: await q(`SELECT measurement_id, person_id, ehds_key FROM measurement ORDER BY ALL`),
    identifiers: await q(`SELECT system, value, person_id FROM person_identifier ORDER BY ALL`),
    records: await q(`SELECT ehds_key FROM ingested_record ORDER BY ALL`),
    files: await q(`SELECT sha256, path FROM ingested_file ORDER BY ALL`),
    quarantine: await q(`SELECT file, line, record_type, reason FROM quarantine ORDER BY ALL`),
    periods: await q(`SELECT person_id, observation_period_start_date FROM observation_period ORDER BY ALL`),
  };
}

function withoutBatch(r: IngestReport): Omit<IngestReport, 'batchId'> {
  const { batchId: _, ...rest } = r;
  return rest;
}

function scenario(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ehds-stage-worker-'));
  dirs.push(dir);
  const write = (name: string, lines: (object | string)[]) => {
    const p = join(dir, name);
    writeFileSync(p, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
    return p;
  };
  const patient = (id: string) => ({
    resourceType: 'Patient',
    id,
    gender: 'female',
    birthDate: '1980-02-29',
    identifier: [{ system: UNIFYING, value: `PER-${id}` }],
  });
  const condition = (id: string, subject: string) => ({
    resourceType: 'Condition',
    id,
    subject: { reference: subject },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006' }] },
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
  });
  return [
    // Conditions are named first but load after the Patients (persons first).
    write('Condition.ndjson', [
      condition('c1', 'Patient/p1'),
      condition('c2', 'Patient/nobody'), // unknown person: rejected
      '{"resourceType":"Condition", "id": ', // not JSON: rejected
      condition('c1', 'Patient/p1'), // repeated within the batch of 2
      condition('c3', 'Patient/p2'),
      condition('c1', 'Patient/p1'), // repeated in a later batch: found in SQL
      '',
      condition('c4', `Patient/p3`),
    ]),
    write('Patient.ndjson', [patient('p1'), patient('p2'), patient('p2'), patient('p3')]),
    write('Observation.ndjson', [observation('o1', 'Patient/p1'), observation('o2', 'Patient/p3')]),
  ];
}

describe('ingest on a staging thread', () => {
  it('loads, rejects, skips and reports exactly what the single-threaded ingest does', async () => {
    // Prepare
    const files = scenario();
    const single = await freshStore();
    const threaded = await freshStore();
    const progress: IngestProgress[] = [];
    // Execute
    const a = await ingest(files, { store: single, datasetId: 'd1', batchSize: 2, stageInWorker: false });
    const b = await ingest(files, {
      store: threaded,
      datasetId: 'd1',
      batchSize: 2,
      stageInWorker: true,
      onProgress: (p) => progress.push(p),
    });
    // Assert
    expect(withoutBatch(b)).toEqual(withoutBatch(a));
    expect(await contents(threaded)).toEqual(await contents(single));
    expect(b.byType.Condition).toEqual({ read: 7, loaded: 3, rejected: 2, skipped: 2 });
    expect(b.byType.Patient).toEqual({ read: 4, loaded: 3, rejected: 0, skipped: 1 });
    expect(b.errors.map((e) => [e.file.endsWith('Condition.ndjson'), e.line])).toEqual([
      [true, 2],
      [true, 3],
    ]);
    const stamped = await threaded.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM condition_occurrence WHERE ehds_batch = $1`,
      [b.batchId],
    );
    expect(stamped[0]!.n).toBe(3);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ read: b.read, loaded: b.loaded, rejected: b.rejected });
  });

  it('adds nothing when the same files are ingested again', async () => {
    // Prepare
    const files = scenario();
    const store = await freshStore();
    await ingest(files, { store, datasetId: 'd1', stageInWorker: true });
    const before = await contents(store);
    // Execute
    const again = await ingest(files, { store, datasetId: 'd1', stageInWorker: true });
    // Assert
    expect(again.files.every((f) => f.skipped)).toBe(true);
    expect(again.read).toBe(0);
    expect(await contents(store)).toEqual(before);
  });

  const fixtures = join(conformanceDir(), 'fixtures/synthea-r4');
  const present = existsSync(fixtures);
  if (!present && process.env.CI === 'true') throw new Error(`conformance fixtures missing at ${fixtures}`);
  if (!present) console.warn(`skipping the Synthea staging-thread test: ${fixtures} not found`);

  it.skipIf(!present)('loads Synthea bundles like the single-threaded ingest', async () => {
    // Prepare
    const single = await freshStore();
    const threaded = await freshStore();
    // Execute
    const a = await ingest([fixtures], { store: single, datasetId: 's', stageInWorker: false });
    const b = await ingest([fixtures], { store: threaded, datasetId: 's', stageInWorker: true });
    // Assert
    expect(b.loaded).toBeGreaterThan(0);
    expect(withoutBatch(b)).toEqual(withoutBatch(a));
    expect(await contents(threaded)).toEqual(await contents(single));
  });
});
