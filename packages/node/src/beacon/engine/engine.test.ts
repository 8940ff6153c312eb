import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { AppError, type BeaconAccess, type BeaconVariantQuery } from '@openehds/core';
import { prepareTestExtract } from '../../analysis/test-fixture';
import { permitPseudonym } from '../../extract/prepare';
import { FIXTURE_ID_SYSTEM } from '../../extract/test-fixture';
import { nationalIdPseudonym } from '../../opt-out/pseudonym';
import { applyOptOutKey, applyOptOutSync } from '../../opt-out/sync';
import { beaconIndexSettled, refreshBeaconIndex, runBeaconQuery } from './index';
import { ORACLE_SAMPLES, writeOracleFixture } from './oracle-fixture';
import { ACCESS, beaconQuery, ingestSamplesAndVcf, TEST_CONTEXT, TEST_DATASET } from './test-store';

const PERMIT = 'P-ENGINE-1';
const exact: BeaconAccess = { granularity: 'count', recordDatasets: [], minCount: 1, roundTo: 1 };
const whole = (chrom: string): BeaconVariantQuery => ({
  form: 'range',
  referenceName: chrom,
  start: [0],
  end: [3000],
});

// The engine on a real node store: persons and a multi-sample VCF through the real ingest, phenotypes
// and conditions as phenopackets would leave them, a permit extract and the opt-out registry.
describe('Beacon query engine at a node', () => {
  let dir: string;
  let store: NodeStore;
  const personOf = new Map<string, number>();
  const run = (q: Parameters<typeof beaconQuery>[0], access: BeaconAccess) =>
    runBeaconQuery(store, beaconQuery(q), access, TEST_CONTEXT).then((sets) => sets[0]!);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-beacon-engine-'));
    const fx = writeOracleFixture(dir, 11);
    store = await openNodeStore(join(dir, 'node.duckdb'));
    await ingestSamplesAndVcf(store, ORACLE_SAMPLES, fx.vcf);
    for (const r of await store.all<{ person_id: number; value: string }>(
      'SELECT person_id, value FROM person_identifier WHERE system = $1',
      [FIXTURE_ID_SYSTEM],
    ))
      personOf.set(r.value, Number(r.person_id));
    let id = 1;
    // S1–S4: seizures (HP:0001250); S5: recorded as absent; S2, S3: type 2 diabetes (ICD-10 E11.9).
    for (const [s, value] of [
      ['S1', null],
      ['S2', null],
      ['S3', null],
      ['S4', null],
      ['S5', 'excluded'],
    ] as const)
      await store.run(
        `INSERT INTO observation (observation_id, person_id, observation_concept_id, observation_date, observation_type_concept_id,
           observation_source_value, value_as_string, ehds_vocabulary) VALUES ($1, $2, 0, DATE '2020-01-01', 32817, 'HP:0001250', $3, 'HPO')`,
        [id++, personOf.get(s)!, value],
      );
    for (const s of ['S2', 'S3'])
      await store.run(
        `INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date,
           condition_type_concept_id, condition_source_value, ehds_vocabulary) VALUES ($1, $2, 0, DATE '2020-01-01', 32817, 'E11.9', 'ICD10')`,
        [id++, personOf.get(s)!],
      );
    await prepareTestExtract(store, { permitId: PERMIT, datasets: [TEST_DATASET], variables: [] });
    refreshBeaconIndex(store);
  }, 120_000);
  afterAll(async () => {
    if (store) await beaconIndexSettled(store); // a background build may still read it
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the in-memory index and the store path count the same variants', async () => {
    // A filter every person passes (all fixture persons are female) forces the store path.
    const everyone = [{ id: 'NCIT:C16576' }];
    for (const variant of [
      whole('1'),
      whole('2'),
      { form: 'range', referenceName: '1', start: [500], end: [1500], variantType: 'INDEL' },
      { form: 'range', referenceName: '2', start: [0], end: [3000], alternateBases: 'N' },
      { form: 'bracket', referenceName: '1', start: [900, 1200], end: [900, 1300] },
    ] as BeaconVariantQuery[]) {
      const fast = await run({ entryType: 'genomicVariant', variant }, exact);
      const slow = await run({ entryType: 'genomicVariant', variant, filters: everyone }, exact);
      expect(fast.resultsCount).toBeGreaterThan(0);
      expect(fast.resultsCount).toBe(slow.resultsCount);
    }
  });

  it('answers a single allele at each granularity, with its frequency only where allowed', async () => {
    const [row] = await store.all<{ chrom: string; start0: number; ref: string; alt: string; n: number }>(
      `SELECT v.chrom, v.start0, v.ref, v.alt, count(DISTINCT g.person_id) AS n FROM variant v JOIN genotype g USING (variant_id)
       GROUP BY ALL ORDER BY n DESC, v.start0 LIMIT 1`,
    );
    const variant: BeaconVariantQuery = {
      form: 'sequence',
      referenceName: row!.chrom,
      start: [row!.start0],
      referenceBases: row!.ref,
      alternateBases: row!.alt,
    };
    expect(await run({ entryType: 'genomicVariant', variant }, ACCESS.anonymous)).toEqual({
      id: TEST_DATASET,
      setType: 'dataset',
      exists: true,
    });
    const counted = await run({ entryType: 'genomicVariant', variant }, exact);
    expect(counted.resultsCount).toBe(1);
    expect(counted.frequency?.alleleNumber).toBe(2 * ORACLE_SAMPLES.length);
    const record = await run({ entryType: 'genomicVariant', variant }, ACCESS.permit(PERMIT));
    const cases = (record.results![0]!.caseLevelData as { individualId: string }[]).map(
      (c) => c.individualId,
    );
    expect(cases).toHaveLength(Number(row!.n));
    // Record ids are the permit's pseudonyms: the node's person ids never appear.
    const secret = (await store.all<{ secret: string }>('SELECT secret FROM permit_extract_secret'))[0]!
      .secret;
    const expected = [...personOf.values()].map((p) => permitPseudonym(secret, p));
    for (const c of cases) expect(expected).toContain(c);
    expect(
      await run({ entryType: 'genomicVariant', variant: { ...variant, start: [row!.start0 + 1] } }, exact),
    ).toMatchObject({
      exists: false,
      resultsCount: 0,
    });
  });

  it('individuals by HPO, ICD-10 and sex filters through the cohort compiler, as records under a permit', async () => {
    const seizures = await run(
      { entryType: 'individual', filters: [{ id: 'HP:0001250' }] },
      ACCESS.permit(PERMIT),
    );
    expect(seizures.resultsCount).toBe(4);
    expect(seizures.results![0]).toMatchObject({
      sex: { id: 'NCIT:C16576', label: 'female' },
      phenotypicFeatures: [{ featureType: { id: 'HP:0001250' } }],
    });
    const both = await run(
      { entryType: 'individual', filters: [{ id: 'HP:0001250' }, { id: 'ICD10:E11' }] },
      ACCESS.permit(PERMIT),
    );
    expect(both.resultsCount).toBe(2);
    expect(
      both.results!.every(
        (r) => (r.diseases as { diseaseCode: { id: string } }[])[0]!.diseaseCode.id === 'ICD10:E11.9',
      ),
    ).toBe(true);
    expect((await run({ entryType: 'individual', filters: [{ id: 'NCIT:C20197' }] }, exact)).exists).toBe(
      false,
    );
    const page = await run({ entryType: 'individual', skip: 1, limit: 2 }, ACCESS.permit(PERMIT));
    expect(page.resultsCount).toBe(ORACLE_SAMPLES.length);
    expect(page.results).toHaveLength(2);
    const one = await run(
      { entryType: 'individual', entryId: seizures.results![0]!.id as string },
      ACCESS.permit(PERMIT),
    );
    expect(one.resultsCount).toBe(1);
  });

  it('individuals and biosamples carrying a variant agree with the variant carriers', async () => {
    const variant = whole('2');
    const carriers = await store.all<{ n: number }>(
      `SELECT count(DISTINCT g.person_id) AS n FROM genotype g JOIN variant v USING (variant_id) WHERE v.chrom = '2'`,
    );
    const individuals = await run({ entryType: 'individual', variant }, exact);
    expect(individuals.resultsCount).toBe(Number(carriers[0]!.n));
    const biosamples = await run({ entryType: 'biosample', variant }, ACCESS.permit(PERMIT));
    expect(biosamples.resultsCount).toBe(Number(carriers[0]!.n));
    expect(biosamples.results![0]).toMatchObject({
      biosampleStatus: { id: 'NCIT:C17998' },
      sampleOriginType: { id: 'NCIT:C17998' },
    });
  });

  it('refuses unknown filters and other assemblies, and answers nothing for other datasets', async () => {
    await expect(run({ entryType: 'individual', filters: [{ id: 'FOO:1' }] }, exact)).rejects.toThrow(
      /FOO:1/,
    );
    await expect(
      run({ entryType: 'genomicVariant', variant: { ...whole('1'), assemblyId: 'GRCh37' } }, exact),
    ).rejects.toBeInstanceOf(AppError);
    expect(
      await runBeaconQuery(
        store,
        beaconQuery({ entryType: 'individual', datasetIds: ['other'] }),
        exact,
        TEST_CONTEXT,
      ),
    ).toEqual([]);
  });

  it('never counts a person opted out, once the index is refreshed (Art. 71)', async () => {
    // A variant with a single carrier, who then opts out.
    const [only] = await store.all<{
      chrom: string;
      start0: number;
      ref: string;
      alt: string;
      person_id: number;
    }>(
      `SELECT v.chrom, v.start0, v.ref, v.alt, max(g.person_id) AS person_id FROM variant v JOIN genotype g USING (variant_id)
       GROUP BY v.chrom, v.start0, v.ref, v.alt HAVING count(DISTINCT g.person_id) = 1 ORDER BY v.chrom, v.start0 LIMIT 1`,
    );
    expect(only).toBeDefined();
    const sample = [...personOf].find(([, p]) => p === Number(only!.person_id))![0];
    const variant: BeaconVariantQuery = {
      form: 'sequence',
      referenceName: only!.chrom,
      start: [only!.start0],
      referenceBases: only!.ref,
      alternateBases: only!.alt,
    };
    expect((await run({ entryType: 'genomicVariant', variant }, ACCESS.anonymous)).exists).toBe(true);
    const before = (await run({ entryType: 'individual' }, exact)).resultsCount;
    const key = 'opt-out-key-for-engine-tests-0123456789';
    await applyOptOutKey(store, {
      keyId: '0123456789abcdef',
      algorithm: 'HMAC-SHA256',
      format: 'national-id-v1',
      key,
    });
    await applyOptOutSync(store, {
      keyId: '0123456789abcdef',
      full: true,
      fromSeq: 0,
      toSeq: 1,
      asOf: '2030-05-01T00:00:00.000Z',
      periods: [
        {
          pseudonym: nationalIdPseudonym(key, sample),
          optedOutAt: '2030-01-01T00:00:00.000Z',
          reversedAt: null,
        },
      ],
    });
    refreshBeaconIndex(store);
    expect((await run({ entryType: 'genomicVariant', variant }, ACCESS.anonymous)).exists).toBe(false);
    expect(
      (await run({ entryType: 'genomicVariant', variant, filters: [{ id: 'NCIT:C16576' }] }, exact)).exists,
    ).toBe(false);
    expect((await run({ entryType: 'individual' }, exact)).resultsCount).toBe(before! - 1);
    // Under the permit the extract decides: it was approved with the opt-out exception, so it keeps them.
    expect((await run({ entryType: 'genomicVariant', variant }, ACCESS.permit(PERMIT))).exists).toBe(true);
    expect((await run({ entryType: 'genomicVariant', variant }, exact)).frequency).toBeUndefined();
  });
});
