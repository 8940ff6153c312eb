import type { NodeStore } from '@openehds/analytics';
import { buildSnapshot, freshState, type EngineState } from './state';

/**
 * Which state a query reads (state.ts), and the background rebuild of the snapshot (issue 5 §2-3).
 *
 * The node calls `refreshBeaconIndex` after every committed ingest batch, opt-out sync and linking of
 * samples. A full index build takes 26–58 s on 10M variants: were the next query to wait for it, the
 * hub's fanned-out query would time out. So a refresh only marks the snapshot stale and starts a build
 * in the background; until the new snapshot is in, queries read a fresh state (the store as it is now,
 * milliseconds per position query). That is also what Art. 71 asks: an opted-out person must not be
 * counted from the moment the node knows — never an old snapshot after an opt-out. Once built, the new
 * snapshot replaces the old in one assignment (a query holds whichever state it started with).
 *
 * Builds are coalesced: at most one runs per store and key; refreshes during it bump a generation, and
 * one more build follows it. A snapshot is used only when no refresh came after its build began. A
 * failed build is logged; queries keep reading fresh states, and the next refresh retries.
 */

/** Observation and control of the background builds (the node passes its log; tests gate builds). */
export interface BeaconIndexHooks {
  /** Where a failed build is reported; default `console.error`. */
  log?: (message: string) => void;
  /** Awaited before each build reads the store (tests hold builds here); a throw fails that build. */
  beforeBuild?: () => Promise<void>;
}

/** The state of the background builds of a store (tests and the bench). */
export interface BeaconIndexStatus {
  /** A build is running (or waiting in `beforeBuild`). */
  building: boolean;
  /** Builds finished and swapped in / failed, since the store's first query. */
  builds: number;
  failures: number;
  /** Every key's snapshot is as new as the last refresh (queries use the index). */
  fresh: boolean;
}

interface Slot {
  assembly: string;
  identifierSystem: string;
  clock: () => Date;
  /** Refreshes seen; a snapshot built from generation g is fresh while `generation === g`. */
  generation: number;
  snapshot?: { generation: number; state: EngineState };
  fresh?: { generation: number; state: Promise<EngineState> };
  building: boolean;
}

interface StoreEntry {
  slots: Map<string, Slot>;
  hooks: BeaconIndexHooks;
  builds: number;
  failures: number;
  settled: (() => void)[];
}

const entries = new WeakMap<NodeStore, StoreEntry>();

function entryOf(store: NodeStore): StoreEntry {
  let entry = entries.get(store);
  if (!entry)
    entries.set(store, (entry = { slots: new Map(), hooks: {}, builds: 0, failures: 0, settled: [] }));
  return entry;
}

/**
 * The state a query at this store reads: the snapshot when it is as new as the last refresh, otherwise
 * a fresh state (made once per refresh generation and shared by the queries until the next). The first
 * query for a key starts its first build.
 */
export function engineState(
  store: NodeStore,
  options: { assembly: string; identifierSystem: string; clock: () => Date },
): Promise<EngineState> {
  const entry = entryOf(store);
  const key = `${options.assembly}\n${options.identifierSystem}`;
  let slot = entry.slots.get(key);
  if (!slot) {
    entry.slots.set(key, (slot = { ...options, generation: 0, building: false }));
    startBuilds(store, entry, slot);
  }
  if (slot.snapshot?.generation === slot.generation) return Promise.resolve(slot.snapshot.state);
  if (slot.fresh?.generation !== slot.generation) {
    const made = freshState(store, optionsAt(slot, options.clock()));
    const fresh = { generation: slot.generation, state: made };
    slot.fresh = fresh;
    made.catch(() => {
      if (slot.fresh === fresh) slot.fresh = undefined;
    });
  }
  return slot.fresh!.state;
}

/**
 * Marks the store's snapshots stale and starts rebuilding them in the background (see above). Returns
 * at once: queries from now on read the store until the new snapshot is in. `hooks` replace the
 * store's hooks when given.
 */
export function refreshBeaconIndex(store: NodeStore, hooks?: BeaconIndexHooks): void {
  const entry = entryOf(store);
  if (hooks) entry.hooks = hooks;
  for (const slot of entry.slots.values()) {
    slot.generation++;
    slot.fresh = undefined;
    startBuilds(store, entry, slot);
  }
}

/** Where the background builds of a store stand. */
export function beaconIndexStatus(store: NodeStore): BeaconIndexStatus {
  const entry = entryOf(store);
  const slots = [...entry.slots.values()];
  return {
    building: slots.some((s) => s.building),
    builds: entry.builds,
    failures: entry.failures,
    fresh: slots.every((s) => s.snapshot?.generation === s.generation),
  };
}

/** Resolves when no build of the store runs (at once when none does). */
export function beaconIndexSettled(store: NodeStore): Promise<void> {
  const entry = entryOf(store);
  if (![...entry.slots.values()].some((s) => s.building)) return Promise.resolve();
  return new Promise((resolve) => entry.settled.push(resolve));
}

function optionsAt(slot: Slot, now: Date) {
  return { assembly: slot.assembly, identifierSystem: slot.identifierSystem, now };
}

function startBuilds(store: NodeStore, entry: StoreEntry, slot: Slot): void {
  if (slot.building) return; // the running loop sees the new generation and builds once more
  slot.building = true;
  void (async () => {
    for (;;) {
      const generation = slot.generation;
      try {
        await entry.hooks.beforeBuild?.();
        const state = await buildSnapshot(store, optionsAt(slot, slot.clock()));
        // The swap: one assignment; queries already holding the old state finish with it.
        slot.snapshot = { generation, state };
        entry.builds++;
      } catch (err) {
        // The store closed under a build (the node stopping, a test ending): nothing left to answer.
        if (/node store .* is closed/.test((err as Error).message)) break;
        entry.failures++;
        (entry.hooks.log ?? console.error)(
          `Beacon index build failed (${(err as Error).message}); queries read the store until the next refresh rebuilds it`,
        );
        if (slot.generation === generation) break;
      }
      if (slot.generation === generation) break;
    }
    slot.building = false;
    if (![...entry.slots.values()].some((s) => s.building))
      for (const done of entry.settled.splice(0)) done();
  })();
}
