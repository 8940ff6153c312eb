import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeStore } from '@openehds/analytics';
import type { NodeRuntime } from '../federation/runtime';
import { EXTRACT_FILES_DIR, enableExtractFiles } from '../extract/files';
import { afterPermitUpdate } from '../extract/hook';
import { createBackends, type Backends } from './backends';
import { defaultComputeConfig, type ComputeConfig } from './config';
import { HubApprovedLedger } from './ledger';
import {
  JOB_CANCEL_TASK,
  JOB_RUN_TASK,
  JobCancelPayloadSchema,
  JobRunPayloadSchema,
  parsePayload,
} from './payload';
import { JobRunner } from './runner';

/** Options of {@link installJobs}. */
export interface JobsOptions {
  /** The node's data dir: `extracts/<permit>/` (input), `jobs/<job>/output/` and the work folders. */
  dataDir: string;
  compute?: ComputeConfig;
  /** Backends to use instead of those the configuration describes (tests: a Slurm test cluster). */
  backends?: Backends;
  log?: (message: string) => void;
  clock?: () => Date;
}

/**
 * Wires code-to-data jobs into a node (issue 4 §5–6): the permit's data files are written with each
 * extract (extract/files.ts), and `job.run` / `job.cancel` from the hub start and stop jobs. Install
 * after `installPermits` (whose guard refuses `job.run` under a permit not active here) and
 * `installOptOut` (which prepares the extracts); stop the returned runner before closing the store.
 */
export function installJobs(runtime: NodeRuntime, store: NodeStore, options: JobsOptions): JobRunner {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const dataDir = realpathSync(options.dataDir);
  const compute = options.compute ?? defaultComputeConfig();
  enableExtractFiles(store, join(dataDir, EXTRACT_FILES_DIR));
  const ledger = new HubApprovedLedger();
  const runner = new JobRunner({
    store,
    dataDir,
    backends: options.backends ?? createBackends(compute, dataDir, ledger),
    defaultBackend: compute.defaultBackend,
    ledger,
    send: (type, body) => runtime.send(type, body),
    pollMs: compute.pollMs,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  runtime.on(JOB_RUN_TASK, (payload) => runner.run(parsePayload(JobRunPayloadSchema, payload, JOB_RUN_TASK)));
  runtime.on(JOB_CANCEL_TASK, (payload) =>
    runner.cancel(parsePayload(JobCancelPayloadSchema, payload, JOB_CANCEL_TASK).jobId),
  );
  // Extracts prepared before the files were turned on get theirs on this pass.
  void afterPermitUpdate(store);
  return runner;
}
