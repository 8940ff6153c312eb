import type { Queryable } from '@openehds/db';
import { monthBounds, monthEnds, type Month } from './arithmetic';
import type { LiveRecords } from './live-figures';

const iso = (v: unknown): string => new Date(v as string).toISOString();

/**
 * Reads what the live KPIs are computed from, straight from the platform's own tables: case files
 * (0006), permits and extract reports (0008, 0010), the catalogue (0001), analyses (0016), jobs
 * (0017), the airlock (0015), the opt-out registry (0010), reported results and AI products (0007,
 * 0024) and feasibility queries (0018). Flows are read from the window's start on; stocks in full.
 */
export async function readLiveRecords(
  db: Queryable,
  months: readonly Month[],
  now: Date,
): Promise<LiveRecords> {
  const since = new Date(monthBounds(months[0]!).start).toISOString();

  // Art. 67 applications only: health data requests (Art. 69) run on another clock.
  const decisions = await db.query<{ submitted_at: string; decided_at: string }>(
    `SELECT submitted_at, decided_at FROM application
     WHERE kind = 'application' AND outcome IS NOT NULL AND submitted_at IS NOT NULL AND decided_at >= $1`,
    [since],
  );

  // Access starts once the data are ready (every node that reported has prepared the first version's
  // extract) and the permit period has begun (Art. 68(10)(e)); not yet in the future.
  const accessRows = await db.query<{ decided_at: string; valid_from: string; prepared: string | null }>(
    `SELECT a.decided_at, p.valid_from,
       (SELECT max(e.prepared_at) FROM permit_extract_report e WHERE e.permit_id = p.id) AS prepared
     FROM permit p JOIN application a ON a.id = p.application_id
     WHERE p.version = 1 AND a.decided_at IS NOT NULL`,
  );
  const accesses = accessRows
    .filter((r) => r.prepared !== null)
    .map((r) => ({
      decidedAt: iso(r.decided_at),
      accessAt: new Date(Math.max(Date.parse(iso(r.prepared)), Date.parse(iso(r.valid_from)))).toISOString(),
    }))
    .filter((a) => Date.parse(a.accessAt) <= now.getTime() && a.accessAt >= since);

  const grants = await db.query<{ active_from: string; purposes: unknown }>(
    `SELECT active_from, content->'purposes' AS purposes FROM permit WHERE version = 1 AND active_from >= $1`,
    [since],
  );

  const datasets = await db.query<{ published_at: string; categories: unknown; stars: unknown }>(
    `SELECT published_at, description->'healthCategories' AS categories,
       COALESCE(quality->'stars', description->'qualityLabel'->'stars') AS stars
     FROM dataset WHERE status = 'PUBLISHED' AND published_at IS NOT NULL`,
  );

  const analyses = await db.query<{ created_at: string; kind: string; status: string }>(
    'SELECT created_at, kind, status FROM spe_analysis WHERE created_at >= $1',
    [since],
  );
  const jobs = await db.query<{ created_at: string; status: string }>(
    'SELECT created_at, status FROM job WHERE created_at >= $1',
    [since],
  );

  // Output decisions: the airlock's releases and rejections (its append-only history), and analyses
  // answered or refused by the nodes' disclosure control.
  const outputs = await db.query<{
    at: string;
    outcome: 'released' | 'blocked';
    source: 'airlock' | 'analysis';
  }>(
    `SELECT at, CASE WHEN to_status = 'RELEASED' THEN 'released' ELSE 'blocked' END AS outcome, 'airlock' AS source
     FROM airlock_event WHERE to_status IN ('RELEASED', 'REJECTED') AND at >= $1
     UNION ALL
     SELECT COALESCE(finished_at, created_at), CASE WHEN status = 'DONE' THEN 'released' ELSE 'blocked' END, 'analysis'
     FROM spe_analysis WHERE status IN ('DONE', 'REFUSED') AND COALESCE(finished_at, created_at) >= $1`,
    [since],
  );

  // Counted in SQL: a national registry holds millions of periods.
  const ends = monthEnds(months, now);
  const levels = await db.query<{ at: string; n: string }>(
    `SELECT t.at, (SELECT count(*) FROM opt_out_period p
       WHERE p.opted_out_at <= t.at AND (p.reversed_at IS NULL OR p.reversed_at > t.at)) AS n
     FROM unnest($1::timestamptz[]) WITH ORDINALITY AS t(at, i) ORDER BY t.i`,
    [[...ends, now.toISOString()]],
  );
  const counts = levels.map((l) => Number(l.n));

  const extracts = await db.query<{ prepared_at: string; persons: number; excluded_by_opt_out: number }>(
    `SELECT prepared_at, persons, excluded_by_opt_out FROM permit_extract_report
     WHERE opt_out_applied AND prepared_at >= $1`,
    [since],
  );

  // A product reported both as a file result and in the AI product register is counted once.
  const ai = await db.query<{ at: string; status: string | null }>(
    `SELECT reported_at AS at, NULL AS status FROM permit_result r
     WHERE r.is_ai_product AND NOT EXISTS (SELECT 1 FROM ai_product p WHERE p.result_id = r.id)
     UNION ALL
     SELECT reported_on::timestamptz, regulatory_status FROM ai_product`,
  );

  const feasibility = await db.query<{ asked_at: string }>(
    'SELECT asked_at FROM feasibility_query WHERE asked_at >= $1',
    [since],
  );

  return {
    decisions: decisions.map((d) => ({ submittedAt: iso(d.submitted_at), decidedAt: iso(d.decided_at) })),
    accesses,
    grants: grants.map((g) => ({
      grantedAt: iso(g.active_from),
      purposes: Array.isArray(g.purposes) ? (g.purposes as string[]) : [],
    })),
    datasets: datasets.map((d) => ({
      publishedAt: iso(d.published_at),
      categories: Array.isArray(d.categories) ? (d.categories as string[]) : [],
      labelled: d.stars !== null && d.stars !== undefined,
    })),
    analyses: analyses.map((a) => ({ at: iso(a.created_at), kind: a.kind, status: a.status })),
    jobs: jobs.map((j) => ({ at: iso(j.created_at), status: j.status })),
    outputs: outputs.map((o) => ({ at: iso(o.at), outcome: o.outcome, source: o.source })),
    optOuts: { atMonthEnds: counts.slice(0, ends.length), now: counts[ends.length] ?? 0 },
    extracts: extracts.map((e) => ({
      at: iso(e.prepared_at),
      kept: Number(e.persons),
      excluded: Number(e.excluded_by_opt_out),
    })),
    aiProducts: ai.map((p) => ({ at: iso(p.at), status: p.status })),
    feasibility: feasibility.map((f) => iso(f.asked_at)),
  };
}
