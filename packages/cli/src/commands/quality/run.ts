import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openNodeStore } from '@openehds/analytics';
import { invalid } from '@openehds/core';
import { runQuality, type DeclaredInfo, type QualityRun } from '@openehds/node';

/**
 * `ehds quality --data-dir DIR [--dataset ID] [--declared FILE] [--json]`: runs the data quality checks
 * on the node store under DIR, stores the run, and prints the Art. 78 label (counts only).
 */

/** Options as parsed from the command line. */
export interface QualityCommandOptions {
  dataDir: string;
  dataset?: string;
  /** JSON file with the holder's declared information (see `DeclaredInfo`). */
  declared?: string;
  json?: boolean;
}

/** File of the node store inside the node's data dir. */
export const NODE_STORE_FILE = 'node.duckdb';

/** Runs the command; returns the run and writes the report to `out`. */
export async function qualityCommand(
  options: QualityCommandOptions,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<QualityRun> {
  if (!options.dataDir) throw invalid('--data-dir is required: the node data directory holding node.duckdb');
  const declared = options.declared
    ? (JSON.parse(await readFile(options.declared, 'utf8')) as DeclaredInfo)
    : {};
  const store = await openNodeStore(join(options.dataDir, NODE_STORE_FILE));
  try {
    const datasetId = options.dataset ?? (await soleDataset(store));
    const run = await runQuality(store, { datasetId, declared });
    if (options.json) {
      out(JSON.stringify({ runId: run.runId, datasetId, label: run.label, checks: run.checks }));
    } else {
      const l = run.label;
      out(
        `dataset ${datasetId}: ${'★'.repeat(l.stars)}${'☆'.repeat(5 - l.stars)} ${l.score}% (run ${run.runId})`,
      );
      for (const d of l.dimensions)
        out(`  ${d.name.padEnd(20)} ${(d.score * 100).toFixed(0).padStart(3)}%  ${d.basis}`);
      const failed = run.checks.filter((c) => !c.passed);
      out(`${l.checks.passed}/${l.checks.applicable} applicable checks passed`);
      for (const c of failed)
        out(`  FAIL ${c.id}: ${c.rowsFailed}/${c.rowsChecked} (${c.pctFailed}% > ${c.threshold}%)`);
    }
    return run;
  } finally {
    store.close();
  }
}

async function soleDataset(store: Awaited<ReturnType<typeof openNodeStore>>): Promise<string> {
  const rows = await store.all<{ dataset_id: string }>(
    `SELECT DISTINCT dataset_id FROM ingest_batch ORDER BY 1`,
  );
  if (rows.length === 1) return rows[0]!.dataset_id;
  if (rows.length === 0) return 'default';
  throw invalid(
    `the node holds several datasets (${rows.map((r) => r.dataset_id).join(', ')}); choose one with --dataset`,
  );
}
