import { randomUUID } from 'node:crypto';
import type { NodeStore } from '@openehds/analytics';
import { invalid } from '@openehds/core';
import { CHECKS } from './catalogue';
import type { DeclaredInfo } from './declared';
import { computeLabel, type QualityLabel } from './label';
import { measureData } from './measures';
import { planChecks } from './plan';
import type { CheckDefinition, CheckResult, DataMeasures } from './types';

/**
 * Runs the quality checks in the node store, computes the Art. 78 label and keeps both as a new run
 * (history is never overwritten). Only counts are computed and stored: rows never leave the node.
 */

/** Options of `runQuality`. */
export interface RunQualityOptions {
  datasetId: string;
  declared?: DeclaredInfo;
  /** The run's clock (tests pin it); defaults to the current time. */
  now?: Date;
  /** The catalogue to run; defaults to `CHECKS`. */
  checks?: readonly CheckDefinition[];
}

/** What a run returns. */
export interface QualityRun {
  runId: string;
  datasetId: string;
  ranAt: string;
  label: QualityLabel;
  measures: DataMeasures;
  checks: CheckResult[];
}

/** Turns counts into a result: passes when the failing share does not exceed the threshold (DQD rule). */
export function toResult(def: CheckDefinition, rowsChecked: number, rowsFailed: number): CheckResult {
  const pctFailed = rowsChecked > 0 ? (100 * rowsFailed) / rowsChecked : 0;
  return {
    id: def.id,
    category: def.category,
    subcategory: def.subcategory,
    kind: def.kind,
    dimension: def.dimension,
    table: def.table,
    field: def.field,
    rowsChecked,
    rowsFailed,
    pctFailed: Math.round(pctFailed * 1000) / 1000,
    threshold: def.thresholdPct,
    passed: pctFailed <= def.thresholdPct,
    notApplicable: rowsChecked === 0,
    description: def.description,
  };
}

/** Runs every check and returns one result per check, in catalogue order. */
export async function runChecks(
  store: NodeStore,
  checks: readonly CheckDefinition[],
  now: Date,
): Promise<CheckResult[]> {
  const counts = new Map<string, { checked: number; failed: number }>();
  for (const statement of planChecks(checks, now.toISOString().slice(0, 10))) {
    const [row] = await store.all<Record<string, number>>(statement.sql);
    for (const o of statement.outputs) {
      counts.set(o.checkId, { checked: Number(row?.[o.checked] ?? 0), failed: Number(row?.[o.failed] ?? 0) });
    }
  }
  return checks.map((def) => {
    const c = counts.get(def.id) ?? { checked: 0, failed: 0 };
    return toResult(def, c.checked, c.failed);
  });
}

/** Runs the quality suite for `datasetId`, stores the run and its results, and returns them. */
export async function runQuality(store: NodeStore, options: RunQualityOptions): Promise<QualityRun> {
  if (!options.datasetId?.trim())
    throw invalid('a quality run needs a dataset id', [{ path: 'datasetId', message: 'required' }]);
  const checks = options.checks ?? CHECKS;
  const ids = new Set<string>();
  for (const c of checks) {
    if (ids.has(c.id)) throw invalid(`duplicate check id ${c.id} in the quality catalogue`);
    ids.add(c.id);
  }
  const now = options.now ?? new Date();
  const results = await runChecks(store, checks, now);
  const measures = await measureData(store, now);
  const label = computeLabel({ results, measures, declared: options.declared ?? {}, now });
  const runId = randomUUID();
  const ranAt = now.toISOString();

  await store.transaction(async () => {
    await store.run(
      `INSERT INTO quality_run (run_id, dataset_id, ran_at, label) VALUES ($1, $2, $3::TIMESTAMP, $4::JSON)`,
      [
        runId,
        options.datasetId,
        ranAt.replace('T', ' ').replace('Z', ''),
        JSON.stringify({ ...label, measures }),
      ],
    );
    const placeholders: string[] = [];
    const params: unknown[] = [];
    for (const r of results) {
      const base = params.length;
      placeholders.push(`(${Array.from({ length: 11 }, (_, i) => `$${base + i + 1}`).join(', ')})`);
      params.push(
        runId,
        r.id,
        r.category,
        r.table,
        r.field,
        r.rowsChecked,
        r.rowsFailed,
        r.pctFailed,
        r.threshold,
        r.passed,
        r.description,
      );
    }
    if (placeholders.length) {
      await store.run(
        `INSERT INTO quality_result (run_id, check_id, category, table_name, field_name, rows_checked, rows_failed,
           pct_failed, threshold, passed, description) VALUES ${placeholders.join(', ')}`,
        params,
      );
    }
  });
  return { runId, datasetId: options.datasetId, ranAt, label, measures, checks: results };
}
