import type { Queryable } from '@openehds/db';
import type { HubConfig } from '../config';
import {
  activityFigures,
  periodBounds,
  type ActivityDataset,
  type ActivityFile,
  type ActivityReport,
} from './activity-figures';

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

/**
 * Reads what the Art. 59(1) report counts from the store (case files, permits, fee estimates, the
 * catalogue's HealthDCAT-AP descriptions and quality labels, reported results) and computes it.
 */
export async function activityReport(
  db: Queryable,
  config: HubConfig,
  period: { from: string; to: string },
  now = new Date(),
): Promise<ActivityReport> {
  const b = periodBounds(period.from, period.to);
  const start = new Date(b.start).toISOString();
  const end = new Date(b.end).toISOString();

  const fileRows = await db.query<Record<string, unknown>>(
    `SELECT a.id, a.kind, a.outcome, a.submitted_at, a.decided_at, a.content->'purposes' AS purposes,
       a.content->'datasets' AS datasets, o.kind AS org_kind,
       (SELECT p.valid_from FROM permit p WHERE p.application_id = a.id AND p.version = 1) AS permit_valid_from,
       (SELECT CASE WHEN f.acknowledged_at IS NOT NULL THEN f.total END FROM fee_estimate f
        WHERE f.application_id = a.id ORDER BY f.sent_at DESC LIMIT 1) AS acknowledged_fee
     FROM application a LEFT JOIN organisation o ON o.id = a.organisation_id
     WHERE (a.submitted_at >= $1 AND a.submitted_at < $2) OR (a.decided_at >= $1 AND a.decided_at < $2)`,
    [start, end],
  );
  const files: ActivityFile[] = fileRows.map((r) => ({
    id: r.id as string,
    kind: r.kind as ActivityFile['kind'],
    organisationKind: (r.org_kind as string | null) ?? null,
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    outcome: (r.outcome as string | null) ?? null,
    purposes: (r.purposes as string[] | null) ?? [],
    datasetIds: ((r.datasets as { datasetId: string }[] | null) ?? []).map((d) => d.datasetId),
    permitValidFrom: iso(r.permit_valid_from),
    acknowledgedFee:
      r.acknowledged_fee === null || r.acknowledged_fee === undefined ? null : Number(r.acknowledged_fee),
  }));

  // Every dataset the hub knows (withdrawn ones still name their categories for old files); the
  // label count is of those published by the end of the period.
  const datasetRows = await db.query<Record<string, unknown>>(
    `SELECT id, status, published_at, description->'healthCategories' AS categories,
       COALESCE(quality->'stars', description->'qualityLabel'->'stars') AS stars
     FROM dataset`,
  );
  const datasets: ActivityDataset[] = datasetRows.map((r) => ({
    id: r.id as string,
    published:
      r.status === 'PUBLISHED' && Boolean(r.published_at) && Date.parse(r.published_at as string) < b.end,
    healthCategories: Array.isArray(r.categories) ? (r.categories as string[]) : [],
    stars:
      typeof r.stars === 'number'
        ? r.stars
        : r.stars === null || r.stars === undefined
          ? null
          : Number(r.stars),
  }));

  const resultRows = await db.query<Record<string, unknown>>(
    'SELECT kind, is_ai_product, reported_at FROM permit_result WHERE reported_at >= $1 AND reported_at < $2',
    [start, end],
  );

  // The results duty of every permit chain and answered request, as of the end of the period.
  const asOf = new Date(Math.min(b.end, now.getTime())).toISOString();
  const dutyRows = await db.query<Record<string, unknown>>(
    `SELECT a.id, a.outcome, a.decided_at, lp.status, lp.valid_until, lp.active_until,
       (SELECT count(*) FROM permit_result r WHERE r.application_id = a.id AND r.reported_at < $1) AS reported
     FROM application a
       LEFT JOIN LATERAL (SELECT p.status, p.valid_until, p.active_until FROM permit p
         WHERE p.application_id = a.id ORDER BY p.version DESC LIMIT 1) lp ON true
     WHERE a.decided_at < $1 AND a.outcome IN ('GRANTED', 'PARTIALLY_GRANTED', 'ANSWERED_AS_REQUEST')`,
    [asOf],
  );

  const [revoked] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM permit WHERE status = 'REVOKED' AND active_until >= $1 AND active_until < $2`,
    [start, end],
  );

  return activityFigures({
    from: period.from,
    to: period.to,
    generatedAt: now,
    hdab: { name: config.hdab.name, country: config.hdab.country },
    files,
    datasets,
    results: resultRows.map((r) => ({
      kind: r.kind as string,
      isAiProduct: Boolean(r.is_ai_product),
      reportedAt: iso(r.reported_at)!,
    })),
    resultsDuties: dutyRows.map((r) => ({
      latestPermit: r.status
        ? { status: r.status as string, validUntil: iso(r.valid_until)!, activeUntil: iso(r.active_until) }
        : null,
      answeredAt: !r.status && r.outcome === 'ANSWERED_AS_REQUEST' ? iso(r.decided_at) : null,
      resultsReported: Number(r.reported),
    })),
    permitsRevoked: Number(revoked?.n ?? 0),
  });
}
