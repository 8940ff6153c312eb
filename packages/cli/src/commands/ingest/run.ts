import { join } from 'node:path';
import { openNodeStore } from '@openehds/analytics';
import { invalid } from '@openehds/core';
import { ingest, type IngestReport } from '@openehds/node';
import { progressBar } from '../../ui/progress';

/**
 * `ehds ingest PATH... --data-dir DIR --dataset ID [--person-system URI] [--batch-size N] [--json]`:
 * loads FHIR (NDJSON, Bundles), OMOP CSV, Phenopackets and VCF files or folders into the node store and
 * prints a reconciled summary. Rejected records stay in the node's quarantine table.
 */

/** Options as parsed from the command line. */
export interface IngestCommandOptions {
  dataDir: string;
  dataset: string;
  personSystem?: string;
  batchSize?: number;
  json?: boolean;
  /** Rejections printed (default 1000); the quarantine table keeps all. */
  maxErrors?: number;
}

/** Runs the command; returns the report and writes the summary to `out`. */
export async function ingestCommand(
  paths: string[],
  options: IngestCommandOptions,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<IngestReport> {
  if (!options.dataDir) throw invalid('--data-dir is required: the node data directory holding node.duckdb');
  if (!options.dataset) throw invalid('--dataset is required: the id of the dataset these files belong to');
  if (paths.length === 0) throw invalid('give at least one file or folder to ingest');
  const maxErrors = options.maxErrors ?? 1000;
  const store = await openNodeStore(join(options.dataDir, 'node.duckdb'));
  const bar = progressBar('ingest', 'records');
  try {
    const report = await ingest(paths, {
      store,
      datasetId: options.dataset,
      personIdentifierSystem: options.personSystem,
      batchSize: options.batchSize,
      maxErrors,
      onProgress: (p) => bar.update(p.read, undefined, `${p.loaded} loaded, ${p.rejected} rejected`),
    });
    bar.finish();
    const errorsOmitted = report.errorsOmitted;
    if (options.json) {
      out(
        JSON.stringify({
          read: report.read,
          loaded: report.loaded,
          rejected: report.rejected,
          skipped: report.skipped,
          unlinkedSamples: report.unlinkedSamples,
          byType: report.byType,
          errors: report.errors,
          ...(errorsOmitted ? { errorsOmitted } : {}),
          files: report.files,
          batchId: report.batchId,
        }),
      );
    } else {
      out(
        `${report.read} read, ${report.loaded} loaded, ${report.rejected} rejected, ${report.skipped} skipped (batch ${report.batchId})`,
      );
      for (const [type, c] of Object.entries(report.byType)) {
        out(
          `  ${type.padEnd(22)} ${String(c.read).padStart(9)} read ${String(c.loaded).padStart(9)} loaded ${String(c.rejected).padStart(7)} rejected ${String(c.skipped).padStart(7)} skipped`,
        );
      }
      for (const f of report.files.filter((x) => x.skipped)) out(`  already ingested, skipped: ${f.path}`);
      for (const e of report.errors) out(`  ${e.file}:${e.line}: ${e.reason}`);
      if (errorsOmitted) out(`  … and ${errorsOmitted} more rejections (see the quarantine table)`);
    }
    return report;
  } finally {
    store.close();
  }
}
