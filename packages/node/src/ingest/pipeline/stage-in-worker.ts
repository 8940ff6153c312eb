import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorKind, type Issue } from '@openehds/core';
import type { StagedBatch, StagedFile } from './batch-writer';
import type { ReportState, TypeCounts } from './report';
import type { StageSettings } from './stage-run';
import type { StageWorkerCommand, StageWorkerMessage } from './stage-worker';

/** What the staging thread starts from (plain data). */
export interface StageWorkerInit {
  settings: StageSettings;
  files: StagedFile[];
  /** The identifiers registered in the store before the run (`person_identifier`). */
  persons: { system: string; value: string; person_id: number }[];
  /** Batches staged but not yet committed, at most (then staging waits). */
  ahead: number;
}

/** A staging thread, started ahead of the run it will stage. */
export interface StageWorker {
  /**
   * Stages the run on the thread; `commit` is called for one batch at a time, in order. Resolves with
   * the run's report (before duplicates found at commit are accounted) when the last batch committed.
   * A failing commit stops the thread and rejects; no batch after it is committed.
   */
  run(
    init: StageWorkerInit,
    commit: (batch: StagedBatch, file: string, totals: TypeCounts) => Promise<void>,
  ): Promise<ReportState>;
  /** Stops the thread (when the run needs it no more). */
  stop(): Promise<void>;
}

/**
 * Starts a staging thread, so reading, JSON parsing, mapping and CSV staging (most of the ingest's
 * JavaScript) use a second core while this thread drives the commits. Its loader and modules take a few
 * hundred milliseconds to load, overlapped with the pre-flight by starting it first.
 */
export function startStageWorker(): StageWorker {
  // execArgv []: the shim registers tsx itself; an inherited `--import tsx` would register it twice.
  const worker = new Worker(new URL('./stage-worker.mjs', import.meta.url), { execArgv: [] });
  // Until `run`, an early failure (the thread could not load) is kept to reject the run with.
  let early: unknown;
  let onFail: (e: unknown) => void = (e) => {
    early ??= e;
  };
  worker.on('error', (e) => onFail(e));
  worker.on('exit', (code) => onFail(new Error(`the ingest staging thread exited (code ${code})`)));
  const send = (m: StageWorkerCommand) => worker.postMessage(m);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await worker.terminate();
  };
  return {
    stop,
    run(init, commit) {
      return new Promise<ReportState>((resolve, reject) => {
        let chain = Promise.resolve();
        let settled = false;
        const fail = (e: unknown) => {
          if (settled) return;
          settled = true;
          // Let a running commit settle first, so the store is not used after this run has failed.
          void chain
            .catch(() => undefined)
            .then(stop)
            .finally(() => reject(e));
        };
        onFail = fail;
        if (early !== undefined) return fail(early);
        worker.on('message', (m: StageWorkerMessage) => {
          if (settled) return;
          if (m.type === 'batch') {
            chain = chain.then(async () => {
              await commit(m.batch, m.file, m.totals);
              send({ type: 'ack' });
            });
            chain.catch(fail);
          } else if (m.type === 'done') {
            void chain.then(() => {
              settled = true;
              void stop();
              resolve(m.report);
            }, fail);
          } else {
            const { message, stack, kind, issues } = m.error;
            const e = kind
              ? new AppError(kind as AppErrorKind, message, issues as Issue[])
              : new Error(message);
            if (stack) e.stack = stack;
            fail(e);
          }
        });
        send({ type: 'run', init });
      });
    },
  };
}
