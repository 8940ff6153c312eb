import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { buildDescription, defaultDraft, deriveStatistics, parseNodeConfig } from '@openehds/node';
import { createTestWorld, type TestWorld } from '@openehds/testing';

// A node publishes its description with DUO data-use conditions over the signed node message; the
// catalogue serves them on the dataset page API, as a search facet and in the RDF (EHDS.md §16).
describe('data-use conditions in the catalogue', () => {
  let world: TestWorld;
  let app: FastifyInstance;
  let store: NodeStore;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 2, start: false, hubConfig: { publicUrl: 'http://hub.test' } });
    app = world.hub.app;
    store = await openNodeStore(':memory:');
    await store.run(`INSERT INTO person (person_id, gender_concept_id, year_of_birth, race_concept_id, ethnicity_concept_id)
      SELECT i, 8507, 1960, 0, 0 FROM range(1, 41) r(i)`);
    const statistics = await deriveStatistics(store, { smallCellThreshold: 10 });
    for (const [i, profile] of (['biobank', 'hospital'] as const).entries()) {
      const config = parseNodeConfig({
        name: `Node ${i}`,
        organisation: `Holder ${i}`,
        country: i === 0 ? 'FI' : 'DE',
        dataDir: mkdtempSync(join(tmpdir(), 'ehds-duo-cat-')),
        hubUrl: 'http://hub.test',
        datasetId: `duo-${profile}`,
        seed: { patients: 40, seed: 1, profile },
      });
      const description = buildDescription({
        config,
        draft: defaultDraft(config),
        statistics,
        label: null,
        now: new Date(),
      });
      await world.nodes[i]!.runtime.send('dataset.publish', { description, statistics: {}, quality: null });
    }
  });
  afterAll(async () => {
    store?.close();
    await world?.close();
  });

  it('serves the conditions with the dataset', async () => {
    const res = await get('/api/datasets/duo-biobank');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as { description: { dataUse: unknown }; summary: { dataUse: string[] } };
    expect(d.description.dataUse).toEqual([
      { code: 'DUO:0000006' },
      { code: 'DUO:0000021' },
      { code: 'DUO:0000046' },
    ]);
    expect(d.summary.dataUse).toEqual(['HMB', 'IRB', 'NCU']);
  });

  it('filters and counts by DUO code', async () => {
    const res = await get('/api/datasets?dataUse=NCU');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as {
      items: { id: string }[];
      facets: { dataUse: { value: string; count: number }[] };
    };
    expect(page.items.map((i) => i.id)).toEqual(['duo-biobank']);
    expect(Object.fromEntries(page.facets.dataUse.map((f) => [f.value, f.count]))).toEqual({
      HMB: 2,
      IRB: 2,
      NCU: 1,
      GS: 1,
    });
    const both = (await get('/api/datasets?dataUse=GS,NCU')).json() as { total: number };
    expect(both.total).toBe(2);
  });

  it('writes the conditions into the dataset RDF with their DUO IRIs', async () => {
    const turtle = await get('/catalogue/datasets/duo-hospital?format=turtle');
    expect(turtle.statusCode).toBe(200);
    expect(turtle.body).toContain('<http://purl.obolibrary.org/obo/DUO_0000022>');
    expect(turtle.body).toMatch(/GS \(DUO:0000022\) geographical restriction: countries EEA/);
  });
});
