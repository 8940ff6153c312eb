import type { Db, Queryable } from '@openehds/db';
import type { SdcPolicy } from '@openehds/core';
import type { Principal } from '../auth/roles';
import { toEvent } from '../audit/store';
import type { AuditEvent } from '../audit/chain';
import { requestsFor } from '../airlock/service';
import { permitExtracts } from '../opt-out/extracts';
import { listAnalyses, privacySpent, type AnalysisRecord } from './store';
import { myWorkspaces, workspaceFor } from './workspace';
import type { PermitRecord } from '../permits/store';

/** An analysis in lists: without its request, result and records. */
export type AnalysisSummary = Pick<
  AnalysisRecord,
  'id' | 'kind' | 'status' | 'createdBy' | 'createdAt' | 'finishedAt' | 'error'
>;

/** Summarises an analysis for lists. */
export const summarise = (a: AnalysisRecord): AnalysisSummary => ({
  id: a.id,
  kind: a.kind,
  status: a.status,
  createdBy: a.createdBy,
  createdAt: a.createdAt,
  finishedAt: a.finishedAt,
  error: a.error,
});

const permitSummary = (permit: PermitRecord) => ({
  id: permit.id,
  status: permit.status,
  validFrom: permit.validFrom,
  validUntil: permit.validUntil,
  datasets: permit.content.datasets.map((d) => d.datasetId),
});

/** The workspaces a data user may work in now: their active permits, newest first. */
export async function workspaceList(db: Db, p: Principal) {
  return { items: (await myWorkspaces(db, p)).map(permitSummary) };
}

/**
 * The audit of a permit's workspace, newest first: events on the permit or naming it; for a member
 * only their own actions (issue 4 §3), for HDAB staff everyone's.
 */
export async function permitActivity(
  db: Queryable,
  permitId: string,
  actor: string | null,
  limit = 200,
): Promise<AuditEvent[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT seq, at, actor, action, object, outcome, details, prev_hash, hash FROM audit_event
     WHERE (object = $1 OR details->>'permit' = $2 OR details->>'permitId' = $2)
       AND ($3::text IS NULL OR actor = $3)
     ORDER BY seq DESC LIMIT $4`,
    [`permit:${permitId}`, permitId, actor, limit],
  );
  return rows.map(toEvent);
}

/**
 * A permit's workspace (issue 4 §3): what data is available (the permit's datasets, variables and
 * period, the nodes' extracts), the privacy budget left, the analyses, the outputs in the airlock and
 * the audit of the caller's own actions (all actions for HDAB staff, who oversee but do not work here).
 */
export async function workspaceView(
  db: Db,
  p: Principal,
  permitId: string,
  options: { policy: SdcPolicy; smallCellThreshold: number },
) {
  const { permit, role } = await workspaceFor(db, p, permitId, 'read');
  const c = permit.content;
  const [extracts, spent, analyses, outputs, activity] = await Promise.all([
    permitExtracts(db, p, permit.id, options.smallCellThreshold),
    privacySpent(db, permit.rootId),
    listAnalyses(db, permit.id),
    requestsFor(db, p, { permitId: permit.id }),
    permitActivity(db, permit.id, role === 'member' ? `account:${p.username}` : null),
  ]);
  const { dp } = options.policy;
  return {
    permit: {
      ...permitSummary(permit),
      datasets: c.datasets,
      variables: [...new Set([...c.variables, ...c.datasets.flatMap((d) => d.variables ?? [])])],
      period: c.period,
      persons: c.persons,
      spe: c.spe,
    },
    role,
    extracts: extracts.nodes,
    budget: {
      dpEnabled: dp.enabled,
      epsilon: { granted: dp.budget.epsilon, spent: spent.epsilon },
      delta: { granted: dp.budget.delta, spent: spent.delta },
    },
    analyses: analyses.map(summarise),
    outputs,
    activity,
  };
}
