import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import {
  buildDescription,
  defaultDraft,
  deriveStatistics,
  ingest,
  parseNodeConfig,
  runQuality,
  type QualityRun,
} from '@openehds/node';
import { completeForCatalogue, parseHubConfig } from '@openehds/server';
import {
  catalogueToRdf,
  datasetToRdf,
  defaultConformanceDir,
  serialise,
  validateHealthDcat,
  type AccessRights,
  type DatasetDescription,
} from '@openehds/standards';
import { generate } from '@openehds/synth';

/**
 * What the hub actually serves must conform: a description the node derives from real (synthetic)
 * data, completed by the hub, has no violation against the official DCAT-AP 3 and HealthDCAT-AP R8
 * SHACL shapes at its access level (EHDS.md §13). Needs `shared/conformance`; a skip fails in CI.
 */
const dir = defaultConformanceDir();
const available = existsSync(join(dir, 'healthdcat-ap'));
if (!available && process.env.CI === 'true') throw new Error(`conformance artefacts missing at ${dir}`);
if (!available) console.warn(`catalogue conformance: ${dir} not found, skipped`);

describe.runIf(available)('catalogue conformance against the official shapes', () => {
  const work = mkdtempSync(join(tmpdir(), 'ehds-conf-'));
  const config = parseNodeConfig({
    name: 'Conformance node',
    organisation: 'Helsinki Biobank (demo)',
    country: 'FI',
    dataDir: work,
    hubUrl: 'http://hub.test',
    datasetId: 'fi-conformance-biobank',
    seed: { patients: 150, seed: 7, profile: 'biobank' },
  });
  const hub = parseHubConfig({ publicUrl: 'http://hub.test' });
  let store: NodeStore;
  let run: QualityRun;
  let described: (level: AccessRights) => DatasetDescription;

  beforeAll(async () => {
    // Prepare: a node store with a synthetic FHIR population and its quality label.
    await generate({
      patients: 150,
      seed: 7,
      out: join(work, 'fhir'),
      format: 'fhir-ndjson',
      country: 'FI',
      profile: 'biobank',
    });
    store = await openNodeStore(join(work, 'node.duckdb'));
    await ingest([join(work, 'fhir')], { store, datasetId: config.datasetId });
    run = await runQuality(store, { datasetId: config.datasetId });
    const statistics = await deriveStatistics(store, { smallCellThreshold: 10 });
    described = (level) =>
      completeForCatalogue(
        hub,
        buildDescription({
          config,
          draft: { ...defaultDraft(config), accessRights: level },
          statistics,
          label: run.label,
          now: new Date(),
        }),
      );
  }, 120_000);
  afterAll(() => store?.close());

  it.each(['PUBLIC', 'RESTRICTED', 'NON_PUBLIC'] as const)(
    'a node-built description at %s has 0 violations',
    async (level) => {
      const d = described(level);
      const outcome = await validateHealthDcat(datasetToRdf(d), level, dir);
      expect(outcome.violations.map((v) => `${v.path ?? ''} ${v.message}`)).toEqual([]);
      expect(d.derived.numberOfUniqueIndividuals).toBe(150);
      expect(d.derived.codingSystems).toEqual(expect.arrayContaining(['SNOMED-CT', 'LOINC']));
      expect(d.qualityLabel?.stars).toBe(run.label.stars);
      // The demo biobank's DUO data-use conditions (HMB, IRB, NCU) are in the validated graph too.
      expect(d.dataUse?.map((c) => c.code)).toEqual(['DUO:0000006', 'DUO:0000021', 'DUO:0000046']);
    },
  );

  it('the served Turtle of a public catalogue conforms too', async () => {
    const catalogue = catalogueToRdf({
      iri: 'http://hub.test/catalogue',
      title: { en: 'Demo catalogue' },
      description: { en: 'Datasets available under the EHDS' },
      publisher: described('PUBLIC').hdab,
      datasets: [described('PUBLIC')],
    });
    const turtle = await serialise(catalogue, 'turtle');
    expect(turtle).toContain('healthdcatap:numberOfUniqueIndividuals');
    const outcome = await validateHealthDcat(catalogue, 'PUBLIC', dir);
    expect(outcome.violations).toEqual([]);
  });
});
