import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { AppError } from '@openehds/core';
import { parseNodeConfig } from '../config';
import { createNodeServices } from '../api/node-services';
import { buildDescription } from './description';
import { DatasetDraftSchema, defaultDraft, loadDraft } from './draft';
import { deriveStatistics } from './statistics';

// The holder states DUO data-use conditions in the draft; the node validates them and publishes them
// in the HealthDCAT-AP description (EHDS.md §16).
describe('data-use conditions in the dataset draft', () => {
  const config = (profile?: 'biobank' | 'cancer-registry' | 'hospital') =>
    parseNodeConfig({
      name: 'Test node',
      organisation: 'Helsinki Biobank (test)',
      country: 'FI',
      dataDir: mkdtempSync(join(tmpdir(), 'ehds-duo-')),
      hubUrl: 'http://hub.test',
      datasetId: 'fi-duo-test',
      ...(profile ? { seed: { patients: 10, seed: 1, profile } } : {}),
    });
  let store: NodeStore;

  beforeAll(async () => {
    store = await openNodeStore(':memory:');
    await store.run(`INSERT INTO person (person_id, gender_concept_id, year_of_birth, race_concept_id, ethnicity_concept_id)
      SELECT i, 8532, 1970, 0, 0 FROM range(1, 31) r(i)`);
  });
  afterAll(() => store?.close());

  it('gives each demo profile its conditions, and a node without a profile none', () => {
    expect(defaultDraft(config('biobank')).dataUse).toEqual([
      { code: 'DUO:0000006' },
      { code: 'DUO:0000021' },
      { code: 'DUO:0000046' },
    ]);
    expect(defaultDraft(config('cancer-registry')).dataUse?.map((c) => c.code)).toEqual([
      'DUO:0000006',
      'DUO:0000022',
      'DUO:0000019',
    ]);
    expect(defaultDraft(config('hospital')).dataUse).toContainEqual({
      code: 'DUO:0000022',
      countries: ['EEA'],
    });
    expect(defaultDraft(config()).dataUse).toBeUndefined();
    // The defaults are valid conditions themselves.
    for (const p of ['biobank', 'cancer-registry', 'hospital'] as const)
      expect(DatasetDraftSchema.safeParse(defaultDraft(config(p))).success).toBe(true);
  });

  it('saves the conditions the holder edits, stored by DUO id, and refuses a DS without diseases by field', async () => {
    const cfg = config();
    const services = createNodeServices({ config: cfg, store, hub: () => null, log: () => undefined });
    const draft = {
      ...defaultDraft(cfg),
      dataUse: [{ code: 'DS', diseaseCodes: ['E11'] }, { code: 'npu' }, { code: 'GS', countries: ['fi'] }],
    };
    await services.saveDraft(draft);
    expect(loadDraft(cfg).dataUse).toEqual([
      { code: 'DUO:0000007', diseaseCodes: ['E11'] },
      { code: 'DUO:0000045' },
      { code: 'DUO:0000022', countries: ['FI'] },
    ]);

    const refused = await services
      .saveDraft({ ...draft, dataUse: [{ code: 'DS' }, { code: 'NOPE' }] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).issues?.map((i) => i.path)).toEqual([
      'dataUse[0].diseaseCodes',
      'dataUse[1].code',
    ]);
    expect(loadDraft(cfg).dataUse).toHaveLength(3);
  });

  it('publishes the conditions in the dataset description, and leaves them out when there are none', async () => {
    const cfg = config('biobank');
    const statistics = await deriveStatistics(store, { smallCellThreshold: 10 });
    const now = new Date('2026-06-30T00:00:00Z');
    const described = buildDescription({
      config: cfg,
      draft: defaultDraft(cfg),
      statistics,
      label: null,
      now,
    });
    expect(described.dataUse).toEqual(defaultDraft(cfg).dataUse);
    const { dataUse: _none, ...withoutConditions } = defaultDraft(cfg);
    const plain = buildDescription({ config: cfg, draft: withoutConditions, statistics, label: null, now });
    expect('dataUse' in plain).toBe(false);
  });
});
