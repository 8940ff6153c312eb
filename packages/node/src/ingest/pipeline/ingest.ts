import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OMOP_TABLE_NAMES, stableId, type NodeStore } from '@openehds/analytics';
import type { FormatAdapter, MapContext, MapResult, PersonRef, SourceRecord } from '../types';
import { BatchWriter, loadTableSpecs } from './batch-writer';
import { deriveObservationPeriods } from './observation-periods';
import { PersonIndex } from './person-index';
import { planFiles } from './preflight';
import { ReportBuilder, type IngestReport, type IngestedFileReport } from './report';

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
  /** Records per transaction (default 50,000). */
  batchSize?: number;
  /** Rejections listed in the report (default 1,000); quarantine keeps all. */
  maxErrors?: number;
  /** Adapters to use instead of the registry (tests). */
  adapters?: readonly FormatAdapter[];
}

/**
 * Ingests files and folders into the node store: detects each file's format, maps its records to the
 * OMOP-shaped model, resolves persons through `person_identifier`, and loads in batches, each batch one
 * transaction with its bookkeeping. The same file (by SHA-256) or the same record (by key) twice adds
 * nothing; a bad record is quarantined and the rest loads; an unreadable file fails the run before any
 * write.
 */
export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestReport> {
  const { store, datasetId } = opts;
  const ctx: MapContext = {
    datasetId,
    personIdentifierSystem: opts.personIdentifierSystem ?? DEFAULT_PERSON_IDENTIFIER_SYSTEM,
  };
  const batchSize = opts.batchSize ?? 50_000;
  const report = new ReportBuilder(opts.maxErrors ?? 1000);

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
  await store.run(
    `INSERT INTO ingest_batch (batch_id, dataset_id, started_at, status) VALUES ($1, $2, $3::TIMESTAMP, 'running')`,
    [batchId, datasetId, startedAt],
  );
  // Rejections quarantined by an interrupted earlier run of these files are re-quarantined by this one.
  const toRead = planned.filter((p) => !known.has(p.sha256));
  if (toRead.length) {
    await store.run(
      `DELETE FROM quarantine WHERE file IN (${toRead.map((p) => sqlString(p.path)).join(',')})
       AND batch_id IN (SELECT batch_id FROM ingest_batch WHERE status <> 'done')`,
    );
  }

  const persons = new PersonIndex();
  for (const r of await store.all<{ system: string; value: string; person_id: number }>(
    'SELECT system, value, person_id FROM person_identifier',
  )) {
    persons.set(r.system, r.value, r.person_id);
  }

  const specs = await loadTableSpecs(store, [...OMOP_TABLE_NAMES, 'variant', 'genotype']);
  const tmp = await mkdtemp(join(tmpdir(), 'ehds-ingest-'));
  const restoreThreads = await leaveACoreToJs(store);
  const writer = new BatchWriter(store, specs, batchId, datasetId, tmp, ctx.personIdentifierSystem);
  // Genotypes left unlinked by earlier runs are linked by this run's persons.
  writer.linkGenotypes =
    (
      await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM genotype WHERE person_id IS NULL')
    )[0]!.n > 0;
  const files: IngestedFileReport[] = [];
  const now = startedAt.slice(0, 23).replace('T', ' ');
  let inFlight: Promise<void> | undefined;
  let committing = false;
  let currentFile = '';
  const seen = new Set<string>(); // record keys staged in the current batch (the dataset is the run's)
  const seenSha = new Set<string>();

  const flush = async (): Promise<void> => {
    if (inFlight) await inFlight;
    if (writer.empty) return;
    seen.clear();
    const file = currentFile;
    committing = true;
    inFlight = writer
      .commit(datasetId, now)
      .then(({ duplicates }) => {
        for (const d of duplicates) {
          report.type(d.recordType).loaded--;
          report.skip(d.recordType, 'already loaded');
        }
        opts.onProgress?.({ file, ...report.totals() });
      })
      .finally(() => {
        committing = false;
      });
    // A failed commit is rethrown by the next `await inFlight`; until then it is not "unhandled".
    inFlight.catch(() => undefined);
  };

  try {
    for (const f of planned) {
      if (known.has(f.sha256) || seenSha.has(f.sha256)) {
        files.push({ path: f.path, format: f.adapter.format, sha256: f.sha256, skipped: true });
        continue;
      }
      seenSha.add(f.sha256);
      currentFile = f.path;
      files.push({ path: f.path, format: f.adapter.format, sha256: f.sha256 });
      let sinceYield = 0;
      for await (const rec of f.adapter.read(f.path)) {
        handle(rec, f.adapter);
        if (writer.size >= batchSize) await flush();
        // While a batch commits, give the event loop a turn now and then: each step of the commit (its
        // next statement) waits for one, and the read loop alone rarely yields to I/O callbacks.
        else if (committing && ++sinceYield >= 256) {
          sinceYield = 0;
          await new Promise<void>((r) => setImmediate(r));
        }
      }
      writer.addFile({ sha256: f.sha256, path: f.path, format: f.adapter.format, bytes: f.bytes });
    }
    await flush();
    if (inFlight) await inFlight;
    // FHIR and other sources without observation periods get them from their events (OMOP convention).
    await deriveObservationPeriods(store, { datasetId, batchId, tmpDir: tmp });
  } catch (e) {
    // Let an in-flight batch settle so the store is not used concurrently; its own error is secondary.
    await inFlight?.catch(() => undefined);
    await store
      .run(`UPDATE ingest_batch SET status = 'failed', finished_at = now() WHERE batch_id = $1`, [batchId])
      .catch(() => undefined);
    throw e;
  } finally {
    await restoreThreads();
    await rm(tmp, { recursive: true, force: true });
  }

  const result = report.build(batchId, files);
  await store.run(
    `UPDATE ingest_batch SET status = 'done', finished_at = now(), read = $2, loaded = $3, rejected = $4, report = $5::JSON
     WHERE batch_id = $1`,
    [batchId, result.read, result.loaded, result.rejected, JSON.stringify(result)],
  );
  return result;

  function reject(rec: SourceRecord, reason: string): void {
    report.reject(rec.recordType, rec.file, rec.line, reason);
    writer.addQuarantine(rec.file, rec.line, rec.recordType, reason, rec.raw, now);
  }

  function handle(rec: SourceRecord, adapter: FormatAdapter): void {
    const counts = report.type(rec.recordType);
    counts.read++;
    if (rec.parseError !== undefined) return reject(rec, rec.parseError);
    let res: MapResult;
    try {
      res = adapter.map(rec, ctx);
    } catch (e) {
      return reject(rec, `could not be mapped: ${(e as Error).message}`);
    }
    if (!res.ok) return reject(rec, res.reason);
    if (res.skipped !== undefined) return report.skip(rec.recordType, res.skipped);
    if (seen.has(res.key)) return report.skip(rec.recordType, 'already loaded');

    const rows = res.rows;
    const person = res.person;
    // A person record: its id comes from its person row, else from its first identifier.
    let ownId: number | undefined;
    if (person) {
      const pr = rows.find((r) => r.table === 'person');
      const first = person.refs[0];
      ownId =
        typeof pr?.row.person_id === 'number'
          ? pr.row.person_id
          : first
            ? stableId('person', first.system, first.value)
            : undefined;
    }
    // Resolve every person reference before staging anything, so a record is accepted or rejected whole.
    let unlinkedHere: string[] | undefined;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const ref = r.personRef;
      if (ref) {
        let pid = persons.get(ref.system, ref.value);
        // A person record may refer to itself before its identifiers are registered.
        if (pid === undefined && ownId !== undefined && hasRef(person?.refs, ref)) pid = ownId;
        // The sample's name is the genotype's provenance, and what links it to a person later.
        if (r.table === 'genotype' && r.row.sample === undefined) r.row.sample = ref.value;
        if (pid === undefined) {
          // A VCF sample need not be a known person (a reference panel, a person not yet ingested): the
          // genotype is kept unlinked and linked when a person with that identifier arrives.
          if (r.table === 'genotype') {
            r.row.person_id = null;
            (unlinkedHere ??= []).push(ref.value);
            continue;
          }
          return reject(
            rec,
            `refers to unknown person ${ref.system}|${ref.value}; ingest the person's record first (same run or earlier)`,
          );
        }
        r.row.person_id = pid;
      } else if (ownId !== undefined && r.row.person_id === undefined && r.table !== 'variant') {
        r.row.person_id = ownId;
      }
    }
    const why = writer.addRecord(rows, rec.file, rec.line, res.key, rec.recordType);
    if (why !== undefined) return reject(rec, why);
    if (unlinkedHere) {
      for (const sample of unlinkedHere) report.unlinked.add(sample);
      writer.linkGenotypes = true;
    }
    if (person && ownId !== undefined) {
      for (const ref of person.refs) {
        if (persons.get(ref.system, ref.value) === undefined) {
          persons.set(ref.system, ref.value, ownId);
          writer.addPersonRef(ref.system, ref.value, ownId);
          // Committed with this batch, which links the sample's genotypes (see BatchWriter.commit).
          if (ref.system === ctx.personIdentifierSystem) report.unlinked.delete(ref.value);
        }
      }
    }
    seen.add(res.key);
    counts.loaded++;
  }
}

function hasRef(refs: readonly PersonRef[] | undefined, ref: PersonRef): boolean {
  return refs !== undefined && refs.some((x) => x.system === ref.system && x.value === ref.value);
}

/**
 * DuckDB runs one thread per core by default; while a batch loads, the JS thread is busy mapping the
 * next one, so that oversubscribes the cores (on 2 cores it cost about a fifth more CPU in total).
 * For the run, DuckDB gets one thread fewer than the cores; returns how to restore the setting.
 */
async function leaveACoreToJs(store: NodeStore): Promise<() => Promise<void>> {
  const [row] = await store.all<{ t: number | string }>(`SELECT current_setting('threads') AS t`);
  const before = Number(row?.t);
  const during = Math.max(1, availableParallelism() - 1);
  if (!Number.isInteger(before) || before <= during) return async () => undefined;
  await store.run(`SET threads = ${during}`);
  return () => store.run(`SET threads = ${before}`).catch(() => undefined);
}
