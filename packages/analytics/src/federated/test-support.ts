/** Helpers shared by the federated maths' tests: pooling node datasets into one. */
import type { Cell, DataColumns } from './data';

/** Concatenates the columns of several datasets (the "pooled" table the federation must match). */
export function poolColumns(datasets: readonly DataColumns[]): Record<string, Cell[]> {
  const out: Record<string, Cell[]> = {};
  for (const name of Object.keys(datasets[0] ?? {}))
    out[name] = datasets.flatMap((d) => Array.from(d[name] ?? []));
  return out;
}
