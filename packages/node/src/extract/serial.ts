import type { NodeStore } from '@openehds/analytics';

const tails = new WeakMap<NodeStore, Promise<unknown>>();

/**
 * Runs `fn` after every earlier call for the same store has finished. Opt-out syncs and extract
 * preparation share one DuckDB connection and read each other's tables; tasks run concurrently, so
 * they take turns here instead (one process owns a node store).
 */
export function serially<T>(store: NodeStore, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(store) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  tails.set(
    store,
    run.catch(() => undefined),
  );
  return run;
}
