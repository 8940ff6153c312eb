import type { Queryable } from '@openehds/db';
import { notFound, type AnalysisKind, type AnalysisStatus, type SdcRecord } from '@openehds/core';

/** Reading and writing the analyses of a permit's workspace (migration 0016). */

/** What one node contributed to an analysis, as disclosure control saw it. */
export interface NodeSdc {
  nodeId: string;
  nodeName: string;
  /** ok: released; refused: disclosure control or the permit refused; error: the node could not run it. */
  status: 'ok' | 'refused' | 'error' | 'unavailable';
  message: string | null;
  records: SdcRecord[];
}

/** An analysis as the API returns it. */
export interface AnalysisRecord {
  id: string;
  permitId: string;
  kind: AnalysisKind;
  status: AnalysisStatus;
  request: unknown;
  result: unknown;
  sdc: NodeSdc[];
  nodes: string[];
  error: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

function toAnalysis(r: Record<string, unknown>): AnalysisRecord {
  return {
    id: r.id as string,
    permitId: r.permit_id as string,
    kind: r.kind as AnalysisKind,
    status: r.status as AnalysisStatus,
    request: r.request,
    result: r.result ?? null,
    sdc: (r.sdc as NodeSdc[]) ?? [],
    nodes: (r.nodes as string[]) ?? [],
    error: (r.error as string | null) ?? null,
    createdBy: r.username as string,
    createdAt: iso(r.created_at)!,
    finishedAt: iso(r.finished_at),
  };
}

const SELECT = 'SELECT s.*, a.username FROM spe_analysis s JOIN account a ON a.id = s.created_by';

/** Inserts a RUNNING analysis. */
export async function insertAnalysis(
  db: Queryable,
  a: {
    id: string;
    permitId: string;
    kind: AnalysisKind;
    request: unknown;
    nodes: string[];
    createdBy: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO spe_analysis (id, permit_id, kind, request, status, nodes, created_by)
     VALUES ($1, $2, $3, $4::jsonb, 'RUNNING', $5::jsonb, $6)`,
    [a.id, a.permitId, a.kind, JSON.stringify(a.request), JSON.stringify(a.nodes), a.createdBy],
  );
}

/** Records how an analysis ended. */
export async function finishAnalysis(
  db: Queryable,
  id: string,
  end: { status: Exclude<AnalysisStatus, 'RUNNING'>; result: unknown; sdc: NodeSdc[]; error: string | null },
): Promise<void> {
  await db.query(
    `UPDATE spe_analysis SET status = $2, result = $3::jsonb, sdc = $4::jsonb, error = $5, finished_at = now() WHERE id = $1`,
    [
      id,
      end.status,
      end.result === null ? null : JSON.stringify(end.result),
      JSON.stringify(end.sdc),
      end.error,
    ],
  );
}

/** One analysis of a permit. */
export async function loadAnalysis(db: Queryable, permitId: string, id: string): Promise<AnalysisRecord> {
  const [row] = await db.query<Record<string, unknown>>(`${SELECT} WHERE s.id = $1 AND s.permit_id = $2`, [
    id,
    permitId,
  ]);
  if (!row) throw notFound('analysis', id);
  return toAnalysis(row);
}

/** The analyses of a permit, newest first. */
export async function listAnalyses(db: Queryable, permitId: string, limit = 200): Promise<AnalysisRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${SELECT} WHERE s.permit_id = $1 ORDER BY s.created_at DESC, s.id LIMIT $2`,
    [permitId, limit],
  );
  return rows.map(toAnalysis);
}

/** The (ε, δ) a permit chain has spent. */
export async function privacySpent(
  db: Queryable,
  rootId: string,
): Promise<{ epsilon: number; delta: number }> {
  const [row] = await db.query<{ e: number | null; d: number | null }>(
    'SELECT sum(epsilon) AS e, sum(delta) AS d FROM spe_privacy_spend WHERE permit_root_id = $1',
    [rootId],
  );
  return { epsilon: Number(row?.e ?? 0), delta: Number(row?.d ?? 0) };
}

/** Records the privacy cost of each released record of an analysis. */
export async function recordSpend(
  db: Queryable,
  rootId: string,
  analysisId: string,
  sdc: NodeSdc[],
): Promise<void> {
  for (const node of sdc)
    for (const r of node.records)
      if (r.outcome === 'released' && r.budget && (r.budget.cost.epsilon > 0 || r.budget.cost.delta > 0))
        await db.query(
          'INSERT INTO spe_privacy_spend (permit_root_id, analysis_id, epsilon, delta) VALUES ($1, $2, $3, $4)',
          [rootId, analysisId, r.budget.cost.epsilon, r.budget.cost.delta],
        );
}
