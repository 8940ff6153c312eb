/**
 * One data holder's node for the orchestrated GLM benchmark, in its own thread: its own event loop
 * and DuckDB store, talking to the hub over loopback HTTP as a node on another machine would, so
 * the nodes' work runs beside the hub's instead of queueing on one event loop with it.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import {
  buildDesignSpec,
  localGlmContribution,
  openNodeStore,
  prepareLocalDesign,
  summarizeLocalDesign,
} from '@openehds/analytics';
import { AnalysisRequest } from '@openehds/core';
import {
  buildAnalysisFrame,
  createHttpTransport,
  createNodeRuntime,
  installAnalysis,
  installOptOut,
  installPermits,
  seedSyntheticPersons,
  syntheticPersons,
  type NodeIdentity,
} from '@openehds/node';

const data = workerData as {
  hubUrl: string;
  identity: NodeIdentity;
  info: { name: string; country: string; organisation: string };
  datasetId: string;
  persons: number;
  seed: number;
};

const store = await openNodeStore(':memory:');
await seedSyntheticPersons(store, data.datasetId, syntheticPersons(data.persons, data.seed));
const runtime = createNodeRuntime({
  transport: createHttpTransport(data.hubUrl),
  identity: data.identity,
  info: data.info,
  pollWaitMs: 2_000,
  heartbeatMs: 5_000,
  retryMs: 100,
});
installPermits(runtime, store);
installOptOut(runtime, store, { identifierSystem: 'https://openehds.eu/sid/person' });
installAnalysis(runtime, store);
await runtime.start();
parentPort!.postMessage({ kind: 'ready' });

parentPort!.on(
  'message',
  async (m: { kind: string; permitId?: string; formula?: string; variables?: unknown; beta?: number[] }) => {
    if (m.kind === 'stop') {
      await runtime.stop();
      store.close();
      parentPort!.postMessage({ kind: 'stopped' });
      return;
    }
    // The node's own work for one round on the analysis' frame: what a round costs without orchestration.
    const vars = AnalysisRequest.parse({ kind: 'describe', variables: m.variables }).variables;
    const frame = await buildAnalysisFrame(store, m.permitId!, vars);
    const spec = buildDesignSpec(m.formula!, 'binomial', [summarizeLocalDesign(frame.columns, m.formula!)]);
    const design = prepareLocalDesign(frame.columns, spec);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      localGlmContribution(design, spec, { beta: m.beta!, nullMu: 0.5 });
      times.push(performance.now() - s);
    }
    parentPort!.postMessage({ kind: 'compute', ms: [...times].sort((a, b) => a - b)[2] });
  },
);
