const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` after every earlier call with the same key has finished. The disclosure-control engine
 * reads a permit's history, decides, then appends (privacy README, "Concurrency"): two differencing
 * queries of one permit run at once could both pass the check against a history missing the other, so
 * calls of one permit take turns here (one process owns a node store).
 */
export function serialisedBy<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  // Forget the key once nothing is queued behind this call, so the map does not grow with every permit.
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
