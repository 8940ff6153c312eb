/**
 * Federated GLM benchmark (issue 4 Benchmarks, DESIGN.md §6): logistic regression over 3 nodes ×
 * 100,000 rows (scale 1). Ours: the federated protocol — each node summarises its variables,
 * builds its design, and answers every IRLS round with its sums, the requests and the sums passing
 * through JSON as they would on the wire (node calls in-process for now; loopback HTTP comes with
 * the orchestration). Anchor: the pooled fit of the same 300,000 rows in one process with the same
 * IRLS code. Goal: ratio ≤ 3; `overhead_ms_per_iteration` is what the federation adds per round.
 *   npx tsx bench/glm.ts [--scale k]
 *
 * `--orchestrated` runs the variant through the real stack instead: a hub and 3 nodes in this process
 * talking over loopback HTTP (createTestWorld, `transport: 'http'`), each node with an in-memory
 * DuckDB store, a permit with prepared extracts, and `POST /api/workspaces/:id/analyses`. It prints the
 * time per IRLS round as the hub's task queue saw it (first enqueue → last result of the round) and
 * the nodes' own compute for one round: the difference is the orchestration overhead (goal ≤ 50 ms),
 * over 3 analyses after a first one (a running hub and nodes are warm), and the first one's as `cold_*`.
 *   npx tsx bench/glm.ts --orchestrated [--scale k]   (persons per node: 2,000 × k)
 */
import { performance } from 'node:perf_hooks';
import { buildDesignSpec, summarizeLocalDesign } from '../packages/analytics/src/federated/design';
import type { DataColumns } from '../packages/analytics/src/federated/data';
import { fitFederatedGlm, type GlmContributor } from '../packages/analytics/src/federated/glm-coordinator';
import { localGlmContribution, prepareLocalDesign } from '../packages/analytics/src/federated/glm-node';
import { syntheticCohort } from '../packages/analytics/src/federated/synthetic';
import { poolColumns } from '../packages/analytics/src/federated/test-support';

const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const ROWS = Math.round(100_000 * (Number.isFinite(scale) && scale > 0 ? scale : 1));
const FORMULA = 'diabetes ~ age + sex + bmi + region';
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Runs the whole protocol; with `viaWire` every message is serialised as it would be over HTTP. */
async function fit(datasets: readonly DataColumns[], viaWire: boolean) {
  const t0 = performance.now();
  const summaries = datasets.map((d) => summarizeLocalDesign(d, FORMULA));
  const spec = buildDesignSpec(FORMULA, 'binomial', viaWire ? wire(summaries) : summaries);
  const contributors: GlmContributor[] = datasets.map((d) => {
    const design = prepareLocalDesign(d, viaWire ? wire(spec) : spec);
    return async (request) =>
      viaWire
        ? wire(localGlmContribution(design, design.spec, wire(request)))
        : localGlmContribution(design, spec, request);
  });
  const t1 = performance.now();
  const result = await fitFederatedGlm(contributors, spec);
  const t2 = performance.now();
  return { total_s: (t2 - t0) / 1000, iterate_s: (t2 - t1) / 1000, result };
}

if (process.argv.includes('--orchestrated')) {
  const { orchestratedGlm } = await import('./glm-orchestrated');
  console.log(
    JSON.stringify(
      await orchestratedGlm(Math.round(2000 * (Number.isFinite(scale) && scale > 0 ? scale : 1))),
    ),
  );
  process.exit(0);
}

const nodes = [syntheticCohort(ROWS, 101, 0), syntheticCohort(ROWS, 102, 1), syntheticCohort(ROWS, 103, -1)];
const pooled = poolColumns(nodes);

// Warm-up on a slice so both paths are compiled before timing.
await fit([syntheticCohort(2000, 1), syntheticCohort(2000, 2)], true);
await fit([syntheticCohort(4000, 3)], false);

const REPS = 3;
const ours: Awaited<ReturnType<typeof fit>>[] = [];
const anchor: Awaited<ReturnType<typeof fit>>[] = [];
for (let i = 0; i < REPS; i++) {
  ours.push(await fit(nodes, true));
  anchor.push(await fit([pooled], false));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const oursS = median(ours.map((r) => r.total_s));
const anchorS = median(anchor.map((r) => r.total_s));
const fed = ours[0]!.result;
const one = anchor[0]!.result;
const maxCoefDiff = Math.max(
  ...fed.coefficients.map((c, j) => Math.abs(c.estimate - one.coefficients[j]!.estimate)),
);
const perIterOurs = median(ours.map((r) => r.iterate_s / r.result.rounds));
const perIterAnchor = median(anchor.map((r) => r.iterate_s / r.result.rounds));
console.log(
  JSON.stringify({
    bench: 'glm',
    nodes: 3,
    rows_per_node: ROWS,
    parameters: fed.coefficients.length,
    iterations: fed.iterations,
    rounds: fed.rounds,
    ours_s: Number(oursS.toFixed(4)),
    anchor_s: Number(anchorS.toFixed(4)),
    ratio: Number((oursS / anchorS).toFixed(3)),
    goal_ratio: 3,
    ours_ms_per_iteration: Number((perIterOurs * 1000).toFixed(2)),
    anchor_ms_per_iteration: Number((perIterAnchor * 1000).toFixed(2)),
    overhead_ms_per_iteration: Number(((perIterOurs - perIterAnchor) * 1000).toFixed(2)),
    goal_overhead_ms: 50,
    max_coefficient_difference: maxCoefDiff,
    transport: 'in-process with JSON round-trip (loopback HTTP not yet wired)',
  }),
);
