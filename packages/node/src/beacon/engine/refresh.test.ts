import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import type { BeaconAccess, BeaconVariantQuery } from '@openehds/core';
import { FIXTURE_ID_SYSTEM } from '../../extract/test-fixture';
import { ingest } from '../../ingest/pipeline/ingest';
import { nationalIdPseudonym } from '../../opt-out/pseudonym';
import { applyOptOutKey, applyOptOutSync } from '../../opt-out/sync';
import { ORACLE_SAMPLES, writeOracleFixture } from './oracle-fixture';
import {
  beaconIndexSettled,
  beaconIndexStatus,
  engineState,
  refreshBeaconIndex,
  type BeaconIndexHooks,
} from './refresh';
import { runBeaconQuery } from './index';
import { buildSnapshot, freshState } from './state';
import { ACCESS, beaconQuery, ingestSamplesAndVcf, TEST_CONTEXT, TEST_DATASET } from './test-store';
import { variantMatch, type VariantMatch } from './variant-match';

const HOM_REF = ['H1', 'H2'];
const UNLINKED = 'U1';
const exact: BeaconAccess = { granularity: 'count', recordDatasets: [], minCount: 1, roundTo: 1 };
const KEY = 'opt-out-key-for-refresh-tests-0123456789';
const now = TEST_CONTEXT.now!;
const stateOptions = { assembly: 'GRCh38', identifierSystem: FIXTURE_ID_SYSTEM };

/** A gate for background builds: each build waits in `beforeBuild` until `release()`. */
function holdBuilds(log: string[] = []) {
  let release!: () => void;
  const opened = new Promise<void>((r) => (release = r));
  const gate = { started: 0, release, hooks: {} as BeaconIndexHooks };
  gate.hooks = {
    log: (m) => log.push(m),
    beforeBuild: async () => {
      gate.started++;
      await opened;
    },
  };
  return gate;
}

// The background rebuild of the Beacon snapshot (refresh.ts) on a real store through the real ingest:
// builds are held at a gate (an injected hook, no sleeps) to see what queries answer meanwhile.
describe('Beacon snapshot refresh in the background', () => {
  let dir: string;
  let store: NodeStore;
  const optedOut: string[] = [];
  const query = (variant: BeaconVariantQuery, access: BeaconAccess = exact, filters: { id: string }[] = []) =>
    runBeaconQuery(
      store,
      beaconQuery({ entryType: 'genomicVariant', variant, filters }),
      access,
      TEST_CONTEXT,
    ).then((sets) => sets[0]!);
  const source = async () => (await engineState(store, { ...stateOptions, clock: now })).source;
  /** Opts `sample` out (with everyone opted out before: the sync is a full one). */
  const optOut = async (sample: string) => {
    optedOut.push(sample);
    await applyOptOutKey(store, {
      keyId: '0123456789abcdef',
      algorithm: 'HMAC-SHA256',
      format: 'national-id-v1',
      key: KEY,
    });
    await applyOptOutSync(store, {
      keyId: '0123456789abcdef',
      full: true,
      fromSeq: 0,
      toSeq: optedOut.length,
      asOf: '2030-05-01T00:00:00.000Z',
      periods: optedOut.map((s) => ({
        pseudonym: nationalIdPseudonym(KEY, s),
        optedOutAt: '2030-01-01T00:00:00.000Z',
        reversedAt: null,
      })),
    });
  };
  /** Position rules over the whole fixture: windows, each stored allele, brackets, types, wildcards. */
  const matches = async (): Promise<VariantMatch[]> => {
    const out: VariantMatch[] = [];
    for (const chrom of ['1', '2', '3'])
      for (let start = 0; start < 3000; start += 250) {
        out.push(
          variantMatch({ form: 'range', referenceName: chrom, start: [start], end: [start + 250] }, 'GRCh38'),
        );
        out.push(
          variantMatch(
            { form: 'range', referenceName: chrom, start: [start], end: [start + 400], variantType: 'INDEL' },
            'GRCh38',
          ),
        );
        out.push(
          variantMatch(
            { form: 'bracket', referenceName: chrom, start: [start, start + 200], end: [start, start + 210] },
            'GRCh38',
          ),
        );
      }
    out.push(
      variantMatch(
        { form: 'range', referenceName: '2', start: [0], end: [3000], alternateBases: 'N' },
        'GRCh38',
      ),
    );
    const stored = await store.all<{ chrom: string; start0: number; ref: string; alt: string }>(
      'SELECT DISTINCT chrom, CAST(start0 AS DOUBLE) AS start0, ref, alt FROM variant ORDER BY ALL',
    );
    for (const v of stored)
      out.push(
        variantMatch(
          {
            form: 'sequence',
            referenceName: v.chrom,
            start: [v.start0],
            referenceBases: v.ref,
            alternateBases: v.alt,
          },
          'GRCh38',
        ),
      );
    return out;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-beacon-refresh-'));
    const fx = writeOracleFixture(dir, 31, {
      homRef: HOM_REF,
      missing: 0.12,
      haploidOn2: ['S7', 'S8'],
      extra: [UNLINKED],
    });
    store = await openNodeStore(join(dir, 'node.duckdb'));
    await ingestSamplesAndVcf(store, [...ORACLE_SAMPLES, ...HOM_REF], fx.vcf);
    await query(variantMatchQuery('1', 0, 3000)); // the first query starts the first build
    await beaconIndexSettled(store);
  }, 120_000);
  afterAll(async () => {
    if (store) await beaconIndexSettled(store);
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the store path and the index count the same variants, carriers, AC and AN, before and after an opt-out', async () => {
    const rules = await matches();
    const compare = async () => {
      const options = { ...stateOptions, now: now() };
      const [snapshot, fresh] = [await buildSnapshot(store, options), await freshState(store, options)];
      expect([snapshot.source, fresh.source]).toEqual(['index', 'store']);
      expect([...fresh.excluded].sort()).toEqual([...snapshot.excluded].sort());
      let rows = 0;
      let an = 0;
      for (const m of rules) {
        const fromIndex = await snapshot.counted(m);
        expect(await fresh.counted(m), JSON.stringify(m)).toEqual(fromIndex);
        rows += fromIndex.length;
        for (const v of fromIndex) an += v.alleleNumber ?? 0;
      }
      return { rows, an, excluded: snapshot.excluded.size };
    };
    const before = await compare();
    expect(before.rows).toBeGreaterThan(300);
    expect(before.excluded).toBe(0);
    await optOut('S3');
    const after = await compare();
    expect(after.excluded).toBe(1);
    expect(after.an).toBeLessThan(before.an);
  }, 60_000);

  it('honours an opt-out in the very next query, while the rebuild is still held (Art. 71)', async () => {
    refreshBeaconIndex(store); // S3's opt-out above
    await beaconIndexSettled(store);
    expect(await source()).toBe('index');
    // A variant whose only counted carrier (S3 is out) is someone the next test does not use.
    const [row] = await store.all<{ chrom: string; start0: number; ref: string; alt: string; who: string }>(
      `SELECT v.chrom, CAST(v.start0 AS DOUBLE) AS start0, v.ref, v.alt, max(i.value) AS who
       FROM variant v JOIN genotype g USING (variant_id)
       JOIN person_identifier i ON i.person_id = g.person_id AND i.system = $1 AND i.value <> 'S3'
       GROUP BY v.chrom, v.start0, v.ref, v.alt
       HAVING count(DISTINCT g.person_id) = 1 AND max(i.value) NOT IN ('S1', 'S2', 'S5') ORDER BY ALL LIMIT 1`,
      [FIXTURE_ID_SYSTEM],
    );
    expect(row).toBeDefined();
    const variant = sequence(row!);
    expect((await query(variant, ACCESS.anonymous)).exists).toBe(true);
    const individuals = async () =>
      (await runBeaconQuery(store, beaconQuery({ entryType: 'individual' }), exact, TEST_CONTEXT))[0]!
        .resultsCount;
    const everyoneBefore = await individuals();

    const gate = holdBuilds();
    await optOut(row!.who);
    refreshBeaconIndex(store, gate.hooks);
    expect(gate.started).toBe(1);
    expect(beaconIndexStatus(store)).toMatchObject({ building: true, fresh: false });
    expect(await source()).toBe('store');
    expect((await query(variant, ACCESS.anonymous)).exists).toBe(false);
    expect((await query(variant, exact, [{ id: 'NCIT:C16576' }])).exists).toBe(false);
    expect(await individuals()).toBe(everyoneBefore! - 1);
    // The rebuild still waits at the gate: these answers came from the store.
    expect(beaconIndexStatus(store).building).toBe(true);
    const builds = beaconIndexStatus(store).builds;
    gate.release();
    await beaconIndexSettled(store);
    expect(beaconIndexStatus(store)).toMatchObject({ building: false, fresh: true, builds: builds + 1 });
    expect(await source()).toBe('index');
    expect((await query(variant, ACCESS.anonymous)).exists).toBe(false);
  });

  it('answers right after an ingest refresh from the store, the new batch included, without waiting for the build', async () => {
    const site: BeaconVariantQuery = variantMatchQuery('3', 99, 100);
    expect((await query(site)).exists).toBe(false);
    const vcf = join(dir, 'batch2.vcf');
    writeFileSync(
      vcf,
      [
        '##fileformat=VCFv4.2',
        '##contig=<ID=3,length=3000,assembly=GRCh38>',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        [
          '#CHROM',
          'POS',
          'ID',
          'REF',
          'ALT',
          'QUAL',
          'FILTER',
          'INFO',
          'FORMAT',
          'S1',
          'S2',
          'S3',
          'S5',
        ].join('\t'),
        // S3 opted out above: their copies and called alleles do not count.
        '3\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t1/1\t1/1\t./.',
      ].join('\n') + '\n',
    );
    await ingest([vcf], { store, datasetId: TEST_DATASET, personIdentifierSystem: FIXTURE_ID_SYSTEM });
    const gate = holdBuilds();
    const builds = beaconIndexStatus(store).builds;
    refreshBeaconIndex(store, gate.hooks);
    const answer = await query(site);
    // Answered while the build has not even begun reading.
    expect(gate.started).toBe(1);
    expect(beaconIndexStatus(store)).toMatchObject({ building: true, builds });
    expect(answer).toMatchObject({
      exists: true,
      resultsCount: 1,
      frequency: { alleleCount: 3, alleleNumber: 4 },
    });
    gate.release();
    await beaconIndexSettled(store);
    expect(await source()).toBe('index');
    expect(await query(site)).toEqual(answer);
  });

  it('coalesces a burst of refreshes: one build at a time, and one more after it', async () => {
    const gate = holdBuilds();
    const builds = beaconIndexStatus(store).builds;
    for (let i = 0; i < 5; i++) refreshBeaconIndex(store, gate.hooks);
    expect(gate.started).toBe(1);
    gate.release();
    await beaconIndexSettled(store);
    expect(gate.started).toBe(2);
    expect(beaconIndexStatus(store)).toMatchObject({ builds: builds + 2, fresh: true });
  });

  it('logs a failed build, keeps answering from the store, and retries on the next refresh', async () => {
    const site = variantMatchQuery('3', 99, 100);
    const expected = await query(site);
    const log: string[] = [];
    const failures = beaconIndexStatus(store).failures;
    refreshBeaconIndex(store, {
      log: (m) => log.push(m),
      beforeBuild: () => Promise.reject(new Error('reader connection lost')),
    });
    await beaconIndexSettled(store);
    expect(log).toEqual([expect.stringMatching(/Beacon index build failed \(reader connection lost\)/)]);
    expect(beaconIndexStatus(store)).toMatchObject({ failures: failures + 1, fresh: false, building: false });
    expect(await source()).toBe('store');
    expect(await query(site)).toEqual(expected);
    refreshBeaconIndex(store, { log: (m) => log.push(m) });
    await beaconIndexSettled(store);
    expect(beaconIndexStatus(store).fresh).toBe(true);
    expect(await source()).toBe('index');
    expect(await query(site)).toEqual(expected);
    expect(log).toHaveLength(1);
  });
});

function variantMatchQuery(chrom: string, start: number, end: number): BeaconVariantQuery {
  return { form: 'range', referenceName: chrom, start: [start], end: [end] };
}

function sequence(v: { chrom: string; start0: number; ref: string; alt: string }): BeaconVariantQuery {
  return {
    form: 'sequence',
    referenceName: v.chrom,
    start: [v.start0],
    referenceBases: v.ref,
    alternateBases: v.alt,
  };
}
