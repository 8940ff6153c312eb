import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODED_TABLES, codingTable, OMOP_TABLE_NAMES, type NodeStore } from '@openehds/analytics';
import type { FormatAdapter, MapContext } from '../types';
import { commitBatch, type CommitContext } from './batch-commit';
import type { StagedFile } from './batch-writer';
import { deriveObservationPeriods } from './observation-periods';
import { personIndexOf } from './person-index';
import { expandPaths } from '../io/walk';
import { planFiles, verifyFiles } from './preflight';
import { ReportBuilder, type IngestReport, type IngestedFileReport } from './report';
import { startStageWorkers, type StageWorkers } from './stage-in-worker';
import { RunStager, type StageSettings } from './stage-run';
import { buildTableSpecs, loadTableColumns } from './table-specs';

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Default identifier system that unifies persons across formats. */
export const DEFAULT_PERSON_IDENTIFIER_SYSTEM = 'https://openehds.eu/sid/person';

/** Progress after each committed batch. */
export interface IngestProgress {
  file: string;
  read: number;
  loaded: number;
  rejected: number;
  skipped: number;
}

/** Options of one ingest run. */
export interface IngestOptions {
  store: NodeStore;
  datasetId: string;
  personIdentifierSystem?: string;
  onProgress?: (p: IngestProgress) => void;
  /** Records per transaction (default: the format's `batchRecords`, else 50,000; at most ~128 MiB staged). */
  batchSize?: number;
  /** Staged bytes past which a batch is committed early (default 128 MiB; checked every 1,024 records). */
  batchBytes?: number;
  /** Rejections listed in the report (default 1,000); quarantine keeps all. */
  maxErrors?: number;
  /** Adapters to use instead of the registry (tests); they are used on the calling thread. */
  adapters?: readonly FormatAdapter[];
  /**
   * Read, map and stage on worker threads while this one commits (default: when the input files total
   * at least 16 MiB, where it pays for the threads' start-up). Not with `adapters`.
   */
  stageInWorker?: boolean;
  /**
   * Staging threads (default: one per core but the one committing, at most 4). More than one stage only
   * runs of VCF and BCF files, each thread reading every file and staging every n-th batch: on 2 cores
   * the second thread's reading cost more than the overlap gained (10M records: 107 s of CPU instead of
   * 101, no faster), so it is for machines with cores to spare.
   */
  stageThreads?: number;
}

const WORKER_MIN_BYTES = 16 << 20;

/** Formats whose records never register persons, so several threads may stage a run's batches. */
const SHAREABLE_FORMATS = new Set(['vcf', 'bcf']);

/**
 * Ingests files and folders into the node store: detects each file's format, maps its records to the
 * OMOP-shaped model, resolves persons through `person_identifier`, and loads in batches, each batch one
 * transaction with its bookkeeping. The same file (by SHA-256) or the same record (by key) twice adds
 * nothing; a bad record is quarantined and the rest loads; an unreadable file fails the run before any
 * write.
 */
export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestReport> {
  // Started first, so that its start-up overlaps the pre-flight (hashing every file).
  // The threads a VCF run shares are all started: the formats are known only after the pre-flight.
  const worker =
    opts.adapters === undefined && (opts.stageInWorker ?? (await inputBytes(paths)) >= WORKER_MIN_BYTES)
      ? startStageWorkers(opts.stageThreads ?? Math.max(1, Math.min(4, availableParallelism() - 1)))
      : undefined;
  try {
    return await ingestWith(paths, opts, worker);
  } finally {
    await worker?.stop();
  }
}

/** Total size of the input files; 0 if a path cannot be read (the pre-flight then says why). */
async function inputBytes(paths: string[]): Promise<number> {
  try {
    let n = 0;
    for (const f of await expandPaths(paths)) n += (await stat(f)).size;
    return n;
  } catch {
    return 0;
  }
}

async function ingestWith(
  paths: string[],
  opts: IngestOptions,
  worker: StageWorkers | undefined,
): Promise<IngestReport> {
  const { store, datasetId } = opts;
  const ctx: MapContext = {
    datasetId,
    personIdentifierSystem: opts.personIdentifierSystem ?? DEFAULT_PERSON_IDENTIFIER_SYSTEM,
  };
  const batchSize = opts.batchSize;
  const maxErrors = opts.maxErrors ?? 1000;

  const planned = await planFiles(paths, opts.adapters);
  const known = new Set(
    planned.length
      ? (
          await store.all<{ sha256: string }>(
            `SELECT sha256 FROM ingested_file WHERE sha256 IN (${planned.map((p) => `'${p.sha256}'`).join(',')})`,
          )
        ).map((r) => r.sha256)
      : [],
  );

  const batchId = randomUUID();
  const startedAt = new Date().toISOString();
  const toRead = planned.filter((p) => !known.has(p.sha256));
  // Staging starts while the pre-flight decompresses the gzip files to their ends; nothing is written
  // before it passes: `begin` writes the run's first rows, and every commit waits for it.
  const verified = verifyFiles(toRead);
  verified.catch(() => undefined); // awaited by `begin`, and by the error path
  let begun: Promise<void> | undefined;
  let started = false;
  const begin = () =>
    (begun ??= (async () => {
      await verified;
      await store.run(
        `INSERT INTO ingest_batch (batch_id, dataset_id, started_at, status) VALUES ($1, $2, $3::TIMESTAMP, 'running')`,
        [batchId, datasetId, startedAt],
      );
      started = true;
      // Rejections quarantined by an interrupted earlier run of these files are re-quarantined by this one.
      if (toRead.length) {
        await store.run(
          `DELETE FROM quarantine WHERE file IN (${toRead.map((p) => sqlString(p.path)).join(',')})
           AND batch_id IN (SELECT batch_id FROM ingest_batch WHERE status <> 'done')`,
        );
      }
    })());

  const personRows = await store.all<{ system: string; value: string; person_id: number }>(
    'SELECT system, value, person_id FROM person_identifier',
  );
  const columns = await loadTableColumns(store, [
    ...OMOP_TABLE_NAMES,
    ...CODED_TABLES.map(codingTable),
    'variant',
    'genotype',
  ]);
  const tmp = await mkdtemp(join(tmpdir(), 'ehds-ingest-'));
  const restoreSettings = await bulkLoadSettings(store);
  const commitCtx: CommitContext = {
    store,
    specs: buildTableSpecs(columns),
    batchId,
    datasetId,
    now: startedAt.slice(0, 23).replace('T', ' '),
    linkSystem: ctx.personIdentifierSystem,
    tmpDir: tmp,
  };
  const settings: StageSettings = {
    ctx,
    batchId,
    batchSize,
    batchBytes: opts.batchBytes,
    maxErrors,
    columns,
    // Genotypes left unlinked by earlier runs are linked by this run's persons.
    linkGenotypes:
      (
        await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM genotype WHERE person_id IS NULL')
      )[0]!.n > 0,
    now: commitCtx.now,
  };

  const files: IngestedFileReport[] = [];
  const toStage: StagedFile[] = [];
  const adapterOf = new Map<StagedFile, FormatAdapter>();
  const seenSha = new Set<string>();
  for (const f of planned) {
    if (known.has(f.sha256) || seenSha.has(f.sha256)) {
      files.push({ path: f.path, format: f.adapter.format, sha256: f.sha256, skipped: true });
      continue;
    }
    seenSha.add(f.sha256);
    files.push({ path: f.path, format: f.adapter.format, sha256: f.sha256 });
    const staged = { sha256: f.sha256, path: f.path, format: f.adapter.format, bytes: f.bytes };
    toStage.push(staged);
    adapterOf.set(staged, f.adapter);
  }

  let report: ReportBuilder | undefined;
  let inFlight: Promise<void> | undefined;
  try {
    if (worker && toStage.length) {
      // Records found already loaded at commit: counted as loaded by the staging thread, corrected here.
      const duplicates = new Map<string, number>();
      let nDuplicates = 0;
      // Staged by several threads when every file is of a format whose batches they can share.
      const threads = toStage.every((f) => SHAREABLE_FORMATS.has(f.format)) ? worker.size : 1;
      const states = await worker.run(
        { settings, files: toStage, persons: personRows, ahead: 2 },
        threads,
        async (batch, file, totals) => {
          await begin();
          const r = await commitBatch(commitCtx, batch);
          for (const d of r.duplicates) duplicates.set(d.recordType, (duplicates.get(d.recordType) ?? 0) + 1);
          nDuplicates += r.duplicates.length;
          opts.onProgress?.({
            file,
            ...totals,
            loaded: totals.loaded - nDuplicates,
            skipped: totals.skipped + nDuplicates,
          });
        },
      );
      report = ReportBuilder.merge(
        states,
        maxErrors,
        toStage.map((f) => f.path),
      );
      for (const [type, n] of duplicates) {
        report.type(type).loaded -= n;
        for (let i = 0; i < n; i++) report.skip(type, 'already loaded');
      }
    } else {
      await begin();
      const stager = new RunStager(settings, personIndexOf(personRows));
      const live = (report = stager.report);
      let committing = false;
      await stager.run(
        toStage,
        (f) => adapterOf.get(f)!,
        async (batch, file) => {
          if (inFlight) await inFlight;
          committing = true;
          inFlight = commitBatch(commitCtx, batch)
            .then(({ duplicates }) => {
              for (const d of duplicates) {
                live.type(d.recordType).loaded--;
                live.skip(d.recordType, 'already loaded');
              }
              opts.onProgress?.({ file, ...live.totals() });
            })
            .finally(() => {
              committing = false;
            });
          // A failed commit is rethrown by the next `await inFlight`; until then it is not "unhandled".
          inFlight.catch(() => undefined);
        },
        () => committing,
      );
      if (inFlight) await inFlight;
    }
    await begin();
    // FHIR and other sources without observation periods get them from their events (OMOP convention).
    // The JS work is done: the derivation gets all the cores back (and the log is checkpointed).
    await restoreSettings();
    await deriveObservationPeriods(store, { datasetId, batchId, tmpDir: tmp });
  } catch (e) {
    // Let an in-flight batch settle so the store is not used concurrently; its own error is secondary.
    await inFlight?.catch(() => undefined);
    if (started)
      await store
        .run(`UPDATE ingest_batch SET status = 'failed', finished_at = now() WHERE batch_id = $1`, [batchId])
        .catch(() => undefined);
    // A file failing the pre-flight is why the run failed, whatever else failed meanwhile (its staging).
    throw await verified.then(
      () => e,
      (refused: unknown) => refused,
    );
  } finally {
    await restoreSettings();
    await rm(tmp, { recursive: true, force: true });
  }

  const result = report!.build(batchId, files);
  await store.run(
    `UPDATE ingest_batch SET status = 'done', finished_at = now(), read = $2, loaded = $3, rejected = $4, report = $5::JSON
     WHERE batch_id = $1`,
    [batchId, result.read, result.loaded, result.rejected, JSON.stringify(result)],
  );
  return result;
}

/**
 * Settings for the run, and how to restore them (once):
 * - DuckDB runs one thread per core by default; while a batch loads, the JS thread is busy mapping the
 *   next one, so that oversubscribes the cores (on 2 cores it cost about a fifth more CPU in total).
 *   For the run, DuckDB gets one thread fewer than the cores.
 * - DuckDB checkpoints whenever its write-ahead log passes 16 MB, i.e. after nearly every batch; a
 *   batch's rows are already written to the database file when it commits (DuckDB writes large
 *   appends straight to their blocks), so each checkpoint mostly rewrote what the next batch grows
 *   again. For the run, one checkpoint at the end (1M-record VCF: 18.0 s → 14.8 s, the last
 *   checkpoint 0.3 s of it). A crash meanwhile only leaves a longer log to replay at the next start.
 */
async function bulkLoadSettings(store: NodeStore): Promise<() => Promise<void>> {
  const [row] = await store.all<{ t: number | string; c: string }>(
    `SELECT current_setting('threads') AS t, current_setting('checkpoint_threshold') AS c`,
  );
  const before = Number(row?.t);
  const during = Math.max(1, availableParallelism() - 1);
  const threads = Number.isInteger(before) && before > during;
  if (threads) await store.run(`SET threads = ${during}`);
  await store.run(`SET checkpoint_threshold = '64GB'`);
  let restored = false;
  return async () => {
    if (restored) return;
    restored = true;
    if (threads) await store.run(`SET threads = ${before}`).catch(() => undefined);
    await store.run(`SET checkpoint_threshold = '${row?.c ?? '16MB'}'`).catch(() => undefined);
    // Best effort: refused while another connection (a Beacon index build) has a transaction open;
    // the next commit past the threshold checkpoints then.
    await store.run('CHECKPOINT').catch(() => undefined);
  };
}
