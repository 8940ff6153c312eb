import type { NodeStore } from '@openehds/analytics';
import { optedOutPersons, personTempTable } from './opted-out';
import { rosterKey, type Roster } from './allele-number';
import { buildVariantIndex, type VariantIndex } from './variant-index';

/**
 * The engine's per-store snapshot: persons opted out now (also as the temp table `beacon_excluded`, for
 * SQL), the in-memory variant index, and each linked person's samples. Built on first use and kept
 * until `refreshBeaconIndex`; the node calls that after an ingest batch, an opt-out sync or a linking
 * of samples, so no query pays for checking freshness (the 1 ms goal, variant-index.ts).
 */
export interface EngineState {
  excluded: ReadonlySet<number>;
  index: VariantIndex;
  /**
   * Each linked person's VCF sample names, sorted (for biosample ids), from the files' rosters (so a
   * person homozygous for the reference everywhere has their sample) and genotypes; loaded on first need.
   */
  samples(): Promise<ReadonlyMap<number, readonly string[]>>;
  /** Each file's roster by `rosterKey(batch, file)` (for AN on the store path); loaded on first need. */
  rosters(): Promise<ReadonlyMap<string, Roster>>;
}

/** The name of the temp table holding `excluded`. */
export const EXCLUDED_TABLE = 'beacon_excluded';

const states = new WeakMap<NodeStore, Map<string, Promise<EngineState>>>();

/** The snapshot for this store, assembly and identifier system (built once, then shared). */
export function engineState(
  store: NodeStore,
  options: { assembly: string; identifierSystem: string; now: Date },
): Promise<EngineState> {
  let byKey = states.get(store);
  if (!byKey) states.set(store, (byKey = new Map()));
  const key = `${options.assembly}\n${options.identifierSystem}`;
  let state = byKey.get(key);
  if (!state) {
    state = build(store, options);
    state.catch(() => byKey.delete(key));
    byKey.set(key, state);
  }
  return state;
}

/** Drops the snapshot(s) of a store; the next query rebuilds them. */
export function refreshBeaconIndex(store: NodeStore): void {
  states.delete(store);
}

async function build(
  store: NodeStore,
  options: { assembly: string; identifierSystem: string; now: Date },
): Promise<EngineState> {
  const excluded = await optedOutPersons(store, options.identifierSystem, options.now);
  await personTempTable(store, EXCLUDED_TABLE, excluded);
  const index = await buildVariantIndex(store, options.assembly, EXCLUDED_TABLE);
  let samples: Promise<Map<number, string[]>> | undefined;
  let rosters: Promise<Map<string, Roster>> | undefined;
  return {
    excluded,
    index,
    samples() {
      samples ??= (async () => {
        const rows = await store.all<{ person_id: number; sample: string | null }>(
          `SELECT DISTINCT CAST(person_id AS DOUBLE) AS person_id, sample FROM (
             SELECT person_id, sample FROM variant_sample UNION ALL SELECT person_id, sample FROM genotype)
           WHERE person_id IS NOT NULL ORDER BY 1, 2`,
        );
        const out = new Map<number, string[]>();
        for (const r of rows) {
          const list = out.get(r.person_id) ?? [];
          if (!out.has(r.person_id)) out.set(r.person_id, list);
          list.push(r.sample ?? '');
        }
        return out;
      })();
      return samples;
    },
    rosters() {
      rosters ??= (async () => {
        const rows = await store.all<{
          ehds_batch: string;
          ehds_file: string;
          idx: number;
          person_id: number | null;
        }>(`SELECT ehds_batch, ehds_file, idx, CAST(person_id AS DOUBLE) AS person_id FROM variant_sample`);
        const out = new Map<string, (number | null)[]>();
        for (const r of rows) {
          const key = rosterKey(r.ehds_batch, r.ehds_file);
          let roster = out.get(key);
          if (!roster) out.set(key, (roster = []));
          roster[r.idx] = r.person_id === null ? null : Number(r.person_id);
        }
        return out;
      })();
      return rosters;
    },
  };
}
