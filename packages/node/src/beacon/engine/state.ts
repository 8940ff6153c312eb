import type { NodeStore } from '@openehds/analytics';
import { ensureOptOutTables } from '../../opt-out/store';
import { optedOutPersons, personTempTable } from './opted-out';
import { rosterKey, type Roster } from './allele-number';
import { buildVariantIndex, type IndexedVariant } from './variant-index';
import { countedVariantsAt } from './variant-fresh';
import type { VariantMatch } from './variant-match';

/**
 * What a query reads the node's Beacon data through: the persons opted out (Art. 71), the counted
 * variants at a position, and each linked person's samples and each file's roster. Two kinds, with the
 * same answers (engine README; `state.test.ts` runs the same queries both ways):
 * - a **snapshot** (`buildSnapshot`): the in-memory index (the 1 ms path, variant-index.ts), built in the
 *   background after a refresh (refresh.ts);
 * - a **fresh** state (`freshState`): the opted-out persons read when it is made, the variants read
 *   from the store per query (variant-fresh.ts), used while a snapshot is missing or older than the
 *   store, so no query waits for a build and none counts a person who opted out since (Art. 71).
 * Every read goes through a reader connection (`NodeStore.withReader`): it sees committed data only,
 * never a batch an ingest transaction on the main connection has half-written. The opt-out tables are
 * made on the main connection first: a reader making them in its own transaction would conflict with
 * another connection making them too.
 */
export interface EngineState {
  /** Which path `counted` takes. */
  readonly source: 'index' | 'store';
  excluded: ReadonlySet<number>;
  /** Counted variants matching a positional rule (`match.chrom` set), in position order. */
  counted(match: VariantMatch): Promise<IndexedVariant[]>;
  /**
   * Each linked person's VCF sample names, sorted (for biosample ids), from the files' rosters (so a
   * person homozygous for the reference everywhere has their sample) and genotypes; loaded on first need.
   */
  samples(): Promise<ReadonlyMap<number, readonly string[]>>;
  /** Each file's roster by `rosterKey(batch, file)` (for AN on the store path); loaded on first need. */
  rosters(): Promise<ReadonlyMap<string, Roster>>;
}

/** What a state is for: the node's assembly, its identifier system, and the time of the opt-outs. */
export interface StateOptions {
  assembly: string;
  identifierSystem: string;
  now: Date;
}

/** The name of the temp table holding `excluded` (on a reader's own connection, so never shared). */
export const EXCLUDED_TABLE = 'beacon_excluded';

/**
 * Builds a snapshot: the opted-out persons and the index in one read transaction of a reader
 * connection (one consistent view of the store; ingest keeps committing on the main connection).
 * Takes seconds to a minute on millions of variants (engine README); only refresh.ts calls it.
 */
export async function buildSnapshot(store: NodeStore, options: StateOptions): Promise<EngineState> {
  await ensureOptOutTables(store);
  const { excluded, index } = await store.withReader((reader) =>
    reader.transaction(async () => {
      const excluded = await optedOutPersons(reader, options.identifierSystem, options.now);
      await personTempTable(reader, EXCLUDED_TABLE, excluded);
      return { excluded, index: await buildVariantIndex(reader, options.assembly, EXCLUDED_TABLE) };
    }),
  );
  return {
    source: 'index',
    excluded,
    counted: async (match) => index.lookup(match).map((row) => index.variant(row)),
    ...lazyTables(store),
  };
}

/**
 * A fresh state: the opted-out persons as the store holds them now, and variants read per query with
 * those persons excluded (a temp table on that query's own reader connection). Milliseconds to make.
 */
export async function freshState(store: NodeStore, options: StateOptions): Promise<EngineState> {
  await ensureOptOutTables(store);
  const excluded = await store.withReader((reader) =>
    optedOutPersons(reader, options.identifierSystem, options.now),
  );
  return {
    source: 'store',
    excluded,
    counted: (match) =>
      store.withReader(async (reader) => {
        await personTempTable(reader, EXCLUDED_TABLE, excluded);
        return countedVariantsAt(reader, options.assembly, EXCLUDED_TABLE, match);
      }),
    ...lazyTables(store),
  };
}

function lazyTables(store: NodeStore): Pick<EngineState, 'samples' | 'rosters'> {
  let samples: Promise<Map<number, string[]>> | undefined;
  let rosters: Promise<Map<string, Roster>> | undefined;
  return {
    samples() {
      samples ??= store.withReader(async (reader) => {
        const rows = await reader.all<{ person_id: number; sample: string | null }>(
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
      });
      return samples;
    },
    rosters() {
      rosters ??= store.withReader(async (reader) => {
        const rows = await reader.all<{
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
      });
      return rosters;
    },
  };
}
