import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OMOP_TABLE_NAMES, stableId, type NodeStore } from '@openehds/analytics';
import type { FormatAdapter, MapContext, MapResult, SourceRecord } from '../types';
import { BatchWriter, loadTableSpecs } from './batch-writer';
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

  for (const q of (process.env.DUCK_SET ?? '').split(';').filter(Boolean)) await store.run(q);
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

  const persons = new Map<string, number>();
  for (const r of await store.all<{ system: string; value: string; person_id: number }>(
    'SELECT system, value, person_id FROM person_identifier',
  )) {
    persons.set(`${r.system}\u001f${r.value}`, r.person_id);
  }

  const specs = await loadTableSpecs(store, [...OMOP_TABLE_NAMES, 'variant', 'genotype']);
  const tmp = await mkdtemp(join(tmpdir(), 'ehds-ingest-'));
  const writer = new BatchWriter(store, specs, batchId, tmp);
  const files: IngestedFileReport[] = [];
  const now = startedAt.slice(0, 23).replace('T', ' ');
  let inFlight: Promise<void> | undefined;
  let currentFile = '';
  const seen = new Set<string>(); // keys staged in the current batch
  const seenSha = new Set<string>();

  const flush = async (): Promise<void> => {
    if (inFlight) await inFlight;
    if (writer.empty) return;
    seen.clear();
    const file = currentFile;
    inFlight = writer.commit(datasetId, now).then(({ duplicates }) => {
      for (const d of duplicates) {
        report.type(d.recordType).loaded--;
        report.skip(d.recordType, 'already loaded');
      }
      opts.onProgress?.({ file, ...report.totals() });
    });
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
      for await (const rec of f.adapter.read(f.path)) {
        handle(rec, f.adapter);
        if (writer.size >= batchSize) await flush();
      }
      writer.addFile({ sha256: f.sha256, path: f.path, format: f.adapter.format, bytes: f.bytes });
    }
    await flush();
    if (inFlight) await inFlight;
  } catch (e) {
    // Let an in-flight batch settle so the store is not used concurrently; its own error is secondary.
    await inFlight?.catch(() => undefined);
    await store
      .run(`UPDATE ingest_batch SET status = 'failed', finished_at = now() WHERE batch_id = $1`, [batchId])
      .catch(() => undefined);
    throw e;
  } finally {
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
    const key = `${datasetId}|${res.key}`;
    if (seen.has(key)) return report.skip(rec.recordType, 'already loaded');

    // A person record: its id comes from its person row, else from its first identifier.
    let ownId: number | undefined;
    if (res.person) {
      const pr = res.rows.find((r) => r.table === 'person');
      const first = res.person.refs[0];
      ownId =
        typeof pr?.row.person_id === 'number'
          ? pr.row.person_id
          : first
            ? stableId('person', first.system, first.value)
            : undefined;
    }
    // Resolve every person reference before staging anything, so a record is accepted or rejected whole.
    for (const r of res.rows) {
      if (r.personRef) {
        const pid =
          persons.get(`${r.personRef.system}\u001f${r.personRef.value}`) ?? refersToSelf(r.personRef);
        if (pid === undefined) {
          return reject(
            rec,
            `refers to unknown person ${r.personRef.system}|${r.personRef.value}; ingest the person's record first (same run or earlier)`,
          );
        }
        r.row.person_id = pid;
      } else if (ownId !== undefined && r.row.person_id === undefined && r.table !== 'variant') {
        r.row.person_id = ownId;
      }
    }
    const staged = writer.stage(res.rows, { file: rec.file, line: rec.line, batch: batchId, key });
    if (!Array.isArray(staged)) return reject(rec, staged.reason);
    if (res.person && ownId !== undefined) {
      for (const ref of res.person.refs) {
        const k = `${ref.system}\u001f${ref.value}`;
        if (!persons.has(k)) {
          persons.set(k, ownId);
          writer.addPersonRef(ref.system, ref.value, ownId);
        }
      }
    }
    seen.add(key);
    writer.add(staged, key, rec.recordType);
    counts.loaded++;

    function refersToSelf(ref: { system: string; value: string }): number | undefined {
      return ownId !== undefined &&
        res.ok &&
        res.person?.refs.some((x) => x.system === ref.system && x.value === ref.value)
        ? ownId
        : undefined;
    }
  }
}
