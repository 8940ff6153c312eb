import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import type { SignedDocument } from '@openehds/core';
import { storePermit, type RegisteredPermit } from '../permits/registry';
import { reconcileExtracts, type ExtractContext } from './reconcile';
import { extractPseudonyms } from './store';
import { FIXTURE_ID_SYSTEM, ingestPersons } from './test-fixture';
import { enableExtractFiles, selectColumns, type ExtractManifest } from './files';

const T = (day: number) => new Date(Date.UTC(2030, 0, day)).toISOString();

/** A permit with the opt-out exception (so no registry is needed), the conditions since 2015 only. */
function permit(over: Partial<RegisteredPermit> = {}): RegisteredPermit {
  const document = {
    permitNumber: 'P-FILES',
    datasets: [{ datasetId: 'fi-biobank', variables: ['condition_occurrence'] }],
    variables: ['person', 'BMI at baseline'],
    period: { from: '2015-01-01' },
    optOutException: { granted: true, justification: 'Art. 71(4) public health' },
  };
  return {
    permitId: 'P-FILES',
    rootId: 'P-FILES',
    previousId: null,
    version: 1,
    revision: 1,
    status: 'GRANTED',
    validFrom: T(1),
    validUntil: '2040-01-01T00:00:00.000Z',
    activeFrom: T(2),
    activeUntil: null,
    renewals: 0,
    datasets: ['fi-biobank'],
    persons: [],
    signed: { type: 'openehds.permit/v1', document } as unknown as SignedDocument,
    receivedAt: T(2),
    ...over,
  };
}

// The permit's data files for jobs (issue 4 §3, §5): the permitted rows of the extract's persons
// under the permit's pseudonyms, written with the extract and deleted with it (Art. 68(12)).
describe('extract data files for jobs', () => {
  let store: NodeStore;
  let root: string;
  const sent: { type: string; body: unknown }[] = [];
  let ctx: ExtractContext;

  beforeAll(async () => {
    store = await openNodeStore(':memory:');
    root = mkdtempSync(join(tmpdir(), 'ehds-extract-files-'));
    await ingestPersons(store, 'fi-biobank', [{ id: 'anna' }, { id: 'ben' }, { id: 'cara' }]);
    await ingestPersons(store, 'other-registry', [{ id: 'zoe' }]);
    // Two conditions per person: one before the permit's period, one inside it.
    const persons = await store.all<{ person_id: number; ehds_batch: string }>(
      'SELECT person_id, ehds_batch FROM person ORDER BY person_id',
    );
    let id = 1;
    for (const p of persons)
      for (const date of ['2010-03-01', '2020-06-15'])
        await store.run(
          `INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id,
             condition_start_date, condition_type_concept_id, condition_source_value, ehds_batch, ehds_key)
           VALUES ($1, $2, 0, $3::DATE, 32817, 'E11.9', $4, $5)`,
          [id, p.person_id, date, p.ehds_batch, `src-${id++}`],
        );
    enableExtractFiles(store, root);
    ctx = {
      store,
      identifierSystem: FIXTURE_ID_SYSTEM,
      send: async (type, body) => {
        sent.push({ type, body });
        return { recorded: true };
      },
      clock: () => new Date(T(20)),
    };
  });
  afterAll(() => {
    store?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes the permitted tables as CSV and Parquet, pseudonymised, within the period', async () => {
    // Execute
    await storePermit(store, permit());
    const r = await reconcileExtracts(ctx);
    expect(r.prepared).toEqual(['P-FILES']);

    // Assert: the folder holds only the permitted tables, the manifest says what is in them
    const dir = join(root, 'P-FILES');
    expect(readdirSync(dir).sort()).toEqual([
      'README.txt',
      'condition_occurrence.csv',
      'condition_occurrence.parquet',
      'manifest.json',
      'person.csv',
      'person.parquet',
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ExtractManifest;
    expect(manifest).toMatchObject({
      permitId: 'P-FILES',
      persons: 3,
      unmappedVariables: ['BMI at baseline'],
      recipeHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(manifest.tables.map((t) => [t.table, t.rows])).toEqual([
      ['person', 3],
      ['condition_occurrence', 3],
    ]);
    const [header, ...rows] = readFileSync(join(dir, 'condition_occurrence.csv'), 'utf8').trim().split('\n');
    const columns = header!.split(',');
    expect(columns[0]).toBe('person');
    for (const hidden of ['person_id', 'condition_occurrence_id', 'ehds_key', 'ehds_batch', 'ehds_file'])
      expect(columns).not.toContain(hidden);
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.includes('2020-06-15'))).toBe(true);
    // Every person is one of the extract's pseudonyms; the other dataset's person is not there.
    const pseudonyms = await extractPseudonyms(store, 'P-FILES');
    expect(new Set(rows.map((row) => row.split(',')[0]))).toEqual(new Set(pseudonyms));
    const people = readFileSync(join(dir, 'person.csv'), 'utf8');
    expect(people).not.toMatch(/anna|ben|cara|zoe/);
  });

  it('deletes the files with the extract when the permit is revoked, before the deletion is reported', async () => {
    await storePermit(store, permit({ status: 'REVOKED', revision: 2 }));
    const r = await reconcileExtracts(ctx);
    expect(r.deleted).toEqual(['P-FILES']);
    expect(existsSync(join(root, 'P-FILES'))).toBe(false);
    expect(sent.map((m) => m.type)).toEqual(['permit.extract-prepared', 'permit.extract-deleted']);
  });

  it('selects tables and fields named by the permit, and records names it cannot map', () => {
    const s = selectColumns(['measurement.value_as_number', 'measurement.measurement_date', 'age']);
    expect(s.tables).toEqual([{ table: 'measurement', columns: ['measurement_date', 'value_as_number'] }]);
    expect(s.unmapped).toEqual(['age']);
    // Identifiers and links cannot be asked for by name.
    expect(selectColumns(['person.person_source_value']).unmapped).toEqual(['person.person_source_value']);
  });
});
