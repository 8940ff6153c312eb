import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorKind, type Issue } from '@openehds/core';
import type { StagedBatch, StagedFile } from './batch-writer';
import type { ReportState, TypeCounts } from './report';
import type { StageSettings } from './stage-run';
import type { StageWorkerCommand, StageWorkerMessage } from './stage-worker';

/** What the staging threads start from (plain data). */
export interface StageWorkerInit {
  settings: StageSettings;
  files: StagedFile[];
  /** The identifiers registered in the store before the run (`person_identifier`). */
  persons: { system: string; value: string; person_id: number }[];
  /** Batches a thread stages but are not yet committed, at most (then it waits). */
  ahead: number;
}

/** Staging threads, started ahead of the run they will stage. */
export interface StageWorkers {
  /** Threads started. */
  readonly size: number;
  /**
   * Stages the run on `threads` of the threads (more than one only for a run `RunStager.run` may share);
   * `commit` is called for one batch at a time, in the run's order. Resolves with each thread's report
   * (before duplicates found at commit are accounted) when the last batch committed. A failing commit
   * stops the threads and rejects; no batch after it is committed.
   */
  run(
    init: StageWorkerInit,
    threads: number,
    commit: (batch: StagedBatch, file: string, totals: TypeCounts) => Promise<void>,
  ): Promise<ReportState[]>;
  /** Stops the threads (when the run needs them no more). */
  stop(): Promise<void>;
}

/** A batch received from a thread, waiting for its turn to commit. */
interface Received {
  batch: StagedBatch;
  file: string;
  last: boolean;
  thread: number;
}

/**
 * Starts `size` staging threads, so reading, parsing, mapping and CSV staging (most of the ingest's
 * JavaScript) use other cores while this thread drives the commits. Their loader and modules take a few
 * hundred milliseconds to load, overlapped with the pre-flight by starting them first.
 */
export function startStageWorkers(size: number): StageWorkers {
  // execArgv []: the shim registers tsx itself; an inherited `--import tsx` would register it twice.
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL('./stage-worker.mjs', import.meta.url), { execArgv: [] }),
  );
  // Until `run`, an early failure (a thread could not load) is kept to reject the run with.
  let early: unknown;
  let onFail: (e: unknown) => void = (e) => {
    early ??= e;
  };
  for (const w of workers) {
    w.on('error', (e) => onFail(e));
    w.on('exit', (code) => onFail(new Error(`an ingest staging thread exited (code ${code})`)));
  }
  const send = (i: number, m: StageWorkerCommand) => workers[i]!.postMessage(m);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(workers.map((w) => w.terminate()));
  };
  return {
    size,
    stop,
    run(init, threads, commit) {
      const of = Math.max(1, Math.min(threads, size));
      return new Promise<ReportState[]>((resolve, reject) => {
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
        // Batches arrive from the threads out of the run's order: each waits here for its turn.
        const waiting = new Map<number, Received[]>();
        let next = 0;
        const latest: TypeCounts[] = Array.from({ length: of }, () => ({
          read: 0,
          loaded: 0,
          rejected: 0,
          skipped: 0,
        }));
        const reports: ReportState[] = [];
        let done = 0;
        const pump = () => {
          for (let parts = waiting.get(next); parts?.length; parts = waiting.get(next)) {
            const r = parts.shift()!;
            if (r.last) {
              waiting.delete(next);
              next++;
            }
            chain = chain.then(async () => {
              const totals = { read: 0, loaded: 0, rejected: 0, skipped: 0 };
              for (const t of latest) {
                totals.read += t.read;
                totals.loaded += t.loaded;
                totals.rejected += t.rejected;
                totals.skipped += t.skipped;
              }
              if (!isEmpty(r.batch)) await commit(r.batch, r.file, totals);
              send(r.thread, { type: 'ack' });
            });
            chain.catch(fail);
          }
        };
        workers.slice(0, of).forEach((w, thread) => {
          w.on('message', (m: StageWorkerMessage) => {
            if (settled) return;
            if (m.type === 'batch') {
              latest[thread] = m.totals;
              let parts = waiting.get(m.place.order);
              if (!parts) waiting.set(m.place.order, (parts = []));
              parts.push({ batch: m.batch, file: m.file, last: m.place.last, thread });
              pump();
            } else if (m.type === 'done') {
              reports[thread] = m.report;
              // A thread is done after posting its last batch; the last thread done, every batch is here.
              if (++done < of) return;
              void chain.then(() => {
                if (settled) return;
                settled = true;
                void stop();
                if (waiting.size) reject(new Error('ingest staging: a batch was never committed'));
                else resolve(reports);
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
          send(thread, { type: 'run', init, share: { index: thread, of } });
        });
      });
    },
  };
}

/** True when a batch holds nothing to commit (a thread sharing a run emits its empty batches too). */
function isEmpty(b: StagedBatch): boolean {
  return (
    b.tables.length === 0 && b.nKeys === 0 && b.nRefs === 0 && b.nQuarantined === 0 && b.files.length === 0
  );
}
