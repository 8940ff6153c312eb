/**
 * The orchestrated variant of the federated GLM benchmark (see glm.ts `--orchestrated`): a hub and 3
 * nodes over loopback HTTP, real task queue (PGlite), real node handlers on DuckDB. Each node runs in
 * its own thread (glm-node-worker.ts), as nodes run on their holders' machines: the hub's event loop
 * carries only the hub's work.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import {
  awaitTaskResult,
  grantWorkspacePermit,
  runOptOutSweep,
  runPermitSweep,
  signInDemoAccount,
} from '@openehds/server';
import { createTestWorld } from '../packages/testing/src/world';

const FORMULA = 'diabetes ~ age + sex + bmi';
const VARIABLES = {
  age: { kind: 'age', at: '2025-01-01' },
  sex: { kind: 'sex' },
  diabetes: { kind: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } },
  bmi: { kind: 'measurement', codes: { vocabulary: 'LOINC', codes: ['39156-5'] } },
};

/** Analyses measured after the first (see `analyse`). */
const MEASURED = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs one federated logistic regression through the whole stack; returns the bench's JSON line. */
export async function orchestratedGlm(personsPerNode: number) {
  const world = await createTestWorld({
    nodes: 3,
    transport: 'http',
    start: false,
    hubConfig: { permitSweepSeconds: 0 },
  });
  const workers: Worker[] = [];
  const next = (w: Worker, kind: string) =>
    new Promise<{ kind: string; ms?: number }>((resolve, reject) => {
      const onMessage = (m: { kind: string; ms?: number }) => {
        if (m.kind !== kind) return;
        w.off('message', onMessage);
        resolve(m);
      };
      w.on('message', onMessage);
      w.once('error', reject);
    });
  try {
    const t0 = performance.now();
    for (const [i, node] of world.nodes.entries()) {
      const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
        workerData: {
          tsFile: new URL('./glm-node-worker.ts', import.meta.url).href,
          hubUrl: world.hub.url,
          identity: node.identity,
          info: node.info,
          datasetId: `bench-${i}`,
          persons: personsPerNode,
          seed: 300 + i,
        },
      });
      workers.push(worker);
      await next(worker, 'ready');
      await world.hub.db.query(
        `INSERT INTO dataset (id, node_id, status, description) VALUES ($1, $2, 'PUBLISHED', '{}')`,
        [`bench-${i}`, node.identity.nodeId],
      );
    }
    const settle = async () => {
      for (let round = 0; round < 6; round++) {
        await runPermitSweep(world.hub.db, new Date());
        await runOptOutSweep(world.hub.db, world.hub.config, new Date());
        const open = await world.hub.db.query<{ id: string }>(
          `SELECT id FROM task WHERE status IN ('QUEUED', 'CLAIMED')`,
        );
        if (!open.length) return;
        await Promise.all(open.map((t) => awaitTaskResult(world.hub.db, t.id, 60_000)));
      }
    };
    await settle();
    const permit = await grantWorkspacePermit(world.hub.db, world.hub.config, {
      applicant: 'user',
      datasets: [0, 1, 2].map((i) => ({ datasetId: `bench-${i}`, country: 'FI' })),
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - 86_400_000).toISOString(),
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      at: new Date(Date.now() - 60_000),
      variables: ['person', 'condition_occurrence', 'measurement'],
    });
    await settle();
    const setupS = (performance.now() - t0) / 1000;
    const { token } = await signInDemoAccount(async (path, payload) => {
      const res = await world.hub.app.inject({ method: 'POST', url: path, payload: payload as object });
      return { status: res.statusCode, body: res.json() as unknown };
    }, 'user');

    // Execute: the analysis through the hub's HTTP API (the nodes reach the hub over loopback HTTP),
    // WARM_UP + MEASURED times. The first run pays what a running hub and nodes pay once (functions
    // compiled by the JIT, schemas compiled on first use, keys imported): reported apart as cold.
    const analyse = async () => {
      const t1 = performance.now();
      const res = await fetch(`${world.hub.url}/api/workspaces/${permit.id}/analyses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'glm', formula: FORMULA, family: 'binomial', variables: VARIABLES }),
      });
      const seconds = (performance.now() - t1) / 1000;
      const analysis = (await res.json()) as {
        id: string;
        status: string;
        error: string | null;
        result: { rounds: number; iterations: number; coefficients: { estimate: number }[] };
      };
      if (analysis.status !== 'DONE')
        throw new Error(`the analysis ended ${analysis.status}: ${analysis.error}`);
      // Each round: from its first task queued to its last result recorded, as the hub's queue saw it.
      const rounds = await world.hub.db.query<{ span_ms: number }>(
        `SELECT EXTRACT(EPOCH FROM (max(completed_at) - min(created_at))) * 1000 AS span_ms
         FROM task WHERE type = 'analysis.glm-round' AND payload->>'analysisId' = $1
         GROUP BY payload->>'beta' ORDER BY min(created_at)`,
        [analysis.id],
      );
      return { analysis, seconds, spans: rounds.map((r) => Number(r.span_ms)) };
    };
    const cold = await analyse();
    const warm = [];
    for (let i = 0; i < MEASURED; i++) warm.push(await analyse());
    const spans = warm.flatMap((w) => w.spans);
    const { analysis } = warm[warm.length - 1]!;

    // The nodes' own work for one round, on the same frames (in parallel at the nodes: the slowest counts).
    const beta = analysis.result.coefficients.map((c) => c.estimate);
    const compute = await Promise.all(
      workers.map((w) => {
        const answer = next(w, 'compute');
        w.postMessage({ kind: 'compute', permitId: permit.id, formula: FORMULA, variables: VARIABLES, beta });
        return answer.then((m) => m.ms!);
      }),
    );
    const nodeMs = Math.max(...compute);
    const roundMs = median(spans);
    const coldRoundMs = median(cold.spans);
    return {
      bench: 'glm-orchestrated',
      transport: 'loopback HTTP, hub + 3 node runtimes each in its own thread, PGlite task queue',
      nodes: 3,
      persons_per_node: personsPerNode,
      iterations: analysis.result.iterations,
      analyses: { warm_up: 1, measured: MEASURED },
      rounds: spans.length,
      setup_s: Number(setupS.toFixed(2)),
      analysis_s: Number(median(warm.map((w) => w.seconds)).toFixed(3)),
      round_ms_median: Number(roundMs.toFixed(2)),
      round_ms_max: Number(Math.max(...spans).toFixed(2)),
      node_compute_ms_per_round: Number(nodeMs.toFixed(3)),
      overhead_ms_per_iteration: Number((roundMs - nodeMs).toFixed(2)),
      cold_round_ms_median: Number(coldRoundMs.toFixed(2)),
      cold_overhead_ms_per_iteration: Number((coldRoundMs - nodeMs).toFixed(2)),
      goal_overhead_ms: 50,
    };
  } finally {
    await Promise.all(
      workers.map(async (w) => {
        const stopped = next(w, 'stopped');
        w.postMessage({ kind: 'stop' });
        await stopped.catch(() => undefined);
        await w.terminate();
      }),
    );
    await world.close();
  }
}
