/**
 * The staging thread: reads, parses, maps and stages the run's files (RunStager) and posts each staged
 * batch to the main thread, which commits it. Loaded through stage-worker.mjs, started before the run's
 * pre-flight so its start-up overlaps it; it loads only the adapters the run's files need.
 */
import { parentPort } from 'node:worker_threads';
import type { FormatAdapter, SourceFormat } from '../types';
import { transferablesOf, type StagedBatch } from './batch-writer';
import { personIndexOf } from './person-index';
import type { ReportState, TypeCounts } from './report';
import { RunStager, type BatchPlace, type Share } from './stage-run';
import type { StageWorkerInit } from './stage-in-worker';

/** Messages from the staging thread. */
export type StageWorkerMessage =
  | { type: 'batch'; batch: StagedBatch; file: string; place: BatchPlace; totals: TypeCounts }
  | { type: 'done'; report: ReportState }
  | { type: 'error'; error: { message: string; stack?: string; kind?: string; issues?: unknown[] } };

/** Messages to the staging thread: the run to stage, then one `ack` per committed batch. */
export type StageWorkerCommand = { type: 'run'; init: StageWorkerInit; share: Share } | { type: 'ack' };

// Imported on demand: the registry (adapters/index) would load every format's dependencies.
const LOADERS: Record<SourceFormat, () => Promise<FormatAdapter>> = {
  'fhir-ndjson': async () => (await import('../adapters/fhir-ndjson/index')).fhirNdjsonAdapter,
  'fhir-bundle': async () => (await import('../adapters/fhir-bundle/index')).fhirBundleAdapter,
  'omop-csv': async () => (await import('../adapters/omop-csv/adapter')).omopCsvAdapter,
  phenopacket: async () => (await import('../adapters/phenopacket/adapter')).phenopacketAdapter,
  vcf: async () => (await import('../adapters/vcf/adapter')).vcfAdapter,
  bcf: async () => (await import('../adapters/bcf/adapter')).bcfAdapter,
};

const port = parentPort!;
const post = (m: StageWorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
let unacknowledged = 0;
let wake: (() => void) | undefined;

async function run(init: StageWorkerInit, share: Share): Promise<void> {
  const adapters = new Map<string, FormatAdapter>();
  for (const f of init.files) {
    if (!adapters.has(f.format)) adapters.set(f.format, await LOADERS[f.format as SourceFormat]());
  }
  const stager = new RunStager(init.settings, personIndexOf(init.persons));
  await stager.run(
    init.files,
    (f) => adapters.get(f.format)!,
    async (batch, file, place) => {
      // Stage ahead of the commits by at most `ahead` batches: staged batches wait in memory.
      while (unacknowledged >= init.ahead) await new Promise<void>((r) => (wake = r));
      unacknowledged++;
      post({ type: 'batch', batch, file, place, totals: stager.report.totals() }, transferablesOf(batch));
    },
    undefined,
    share,
  );
  post({ type: 'done', report: stager.report.snapshot() });
}

port.on('message', (m: StageWorkerCommand) => {
  if (m.type === 'ack') {
    unacknowledged--;
    wake?.();
    return;
  }
  run(m.init, m.share).catch((e: unknown) => {
    const err = e as Error & { kind?: string; issues?: unknown[] };
    // An AppError (by shape: the class is not loaded here) keeps its kind and issues across threads.
    const app = err.name === 'AppError' ? { kind: err.kind, issues: err.issues } : {};
    post({ type: 'error', error: { message: err.message, stack: err.stack, ...app } });
  });
});
