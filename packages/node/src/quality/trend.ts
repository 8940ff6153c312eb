import type { NodeStore } from '@openehds/analytics';
import type { QualityLabel } from './label';

/** One run of a dataset's label history. */
export interface TrendPoint {
  runId: string;
  ranAt: string;
  score: number;
  stars: number;
  /** Dimension scores (0–1) of the run. */
  dimensions: Record<string, number>;
  checksFailed: number;
}

/** The label of `datasetId` over its quality runs, oldest first. */
export async function qualityTrend(store: NodeStore, datasetId: string): Promise<TrendPoint[]> {
  const rows = await store.all<{ run_id: string; ran_at: unknown; label: unknown }>(
    `SELECT run_id, ran_at, label FROM quality_run WHERE dataset_id = $1 ORDER BY ran_at, run_id`,
    [datasetId],
  );
  return rows.map((r) => {
    const label = (typeof r.label === 'string' ? JSON.parse(r.label) : r.label) as QualityLabel;
    return {
      runId: r.run_id,
      ranAt:
        r.ran_at instanceof Date ? r.ran_at.toISOString() : new Date(`${String(r.ran_at)}Z`).toISOString(),
      score: label.score,
      stars: label.stars,
      dimensions: Object.fromEntries(label.dimensions.map((d) => [d.id, d.score])),
      checksFailed: label.checks.failed,
    };
  });
}
