import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import {
  ANALYSIS_TASK,
  AppError,
  conflict,
  type AnalysisRequest,
  type AnalysisTaskBase,
  type SdcPolicy,
} from '@openehds/core';
import type { Principal } from '../auth/roles';
import { recordAudit } from '../audit/service';
import { AnalysisStop, NodeCalls, permitNodes } from './node-tasks';
import { checkGlmRequest, runGlm } from './run-glm';
import {
  mergeDescribe,
  mergeKm,
  mergeTables,
  type CountTable,
  type NodeGroup,
  type NodeRiskTable,
} from './merge';
import {
  finishAnalysis,
  insertAnalysis,
  loadAnalysis,
  privacySpent,
  recordSpend,
  type AnalysisRecord,
} from './store';
import { workspaceFor } from './workspace';
import { withBudgetLease } from './budget-lease';
import { ANALYSIS_MAX_RUN_MS } from './interrupted';

/** How long the hub waits for one node's answer to one task (a node pulls within its long poll). */
export const NODE_TASK_TIMEOUT_MS = 60_000;
/** The longest an analysis may hold its permit's privacy budget: as long as it may run. */
const BUDGET_LEASE_MS = ANALYSIS_MAX_RUN_MS;

/**
 * Runs an analysis under a permit (issue 4 §4; Art. 73): only a person the permit names, only while
 * it is active; the hub fans the work out to the nodes holding the permit's datasets, each of which
 * applies disclosure control to its part; the hub merges, stores the result with every node's SDC
 * record, and audits who ran what under which permit on which nodes.
 */
export async function runAnalysis(
  db: Db,
  p: Principal,
  permitId: string,
  request: AnalysisRequest,
  options: { policy: SdcPolicy; timeoutMs?: number },
): Promise<AnalysisRecord> {
  const { permit } = await workspaceFor(db, p, permitId, 'work');
  if (request.kind === 'glm') checkGlmRequest(request);
  const nodes = await permitNodes(db, permit);
  if (!nodes.length)
    throw conflict(
      `no approved node holds the datasets of permit ${permit.id} (${permit.content.datasets.map((d) => d.datasetId).join(', ')}); ask the HDAB`,
    );
  const id = randomUUID();
  const dp = options.policy.dp;
  // Spending the budget is read-spent → release → record; one analysis at a time per permit chain.
  const execute = async () => {
    await insertAnalysis(db, {
      id,
      permitId: permit.id,
      kind: request.kind,
      request,
      nodes: nodes.map((n) => n.id),
      createdBy: p.accountId,
    });
    const base: AnalysisTaskBase = {
      permitId: permit.id,
      analysisId: id,
      request,
      policy: options.policy,
      ...(dp.enabled ? { budget: { spent: await privacySpent(db, permit.rootId), limit: dp.budget } } : {}),
    };
    const calls = new NodeCalls(db, nodes, {
      createdBy: p.accountId,
      timeoutMs: options.timeoutMs ?? NODE_TASK_TIMEOUT_MS,
    });
    let status: 'DONE' | 'REFUSED' | 'FAILED' = 'DONE';
    let result: unknown = null;
    let error: string | null = null;
    try {
      result = await run(calls, base);
    } catch (err) {
      if (err instanceof AnalysisStop) [status, error] = [err.status, err.message];
      else if (err instanceof AppError && err.kind !== 'internal') [status, error] = ['FAILED', err.message];
      else {
        status = 'FAILED';
        error = 'the analysis failed at the hub; the HDAB has been told';
        await finishAnalysis(db, id, { status, result: null, sdc: [...calls.sdc.values()], error });
        throw err;
      }
    }
    const sdc = [...calls.sdc.values()];
    await db.transaction(async (tx) => {
      await finishAnalysis(tx, id, { status, result, sdc, error });
      await recordSpend(tx, permit.rootId, id, sdc);
    });
    await recordAudit(db, {
      actor: `account:${p.username}`,
      action: 'spe.analysis',
      object: `permit:${permit.id}`,
      outcome: status === 'DONE' ? 'success' : status === 'REFUSED' ? 'denied' : 'failure',
      details: {
        analysis: id,
        kind: request.kind,
        status,
        nodes: nodes.map((n) => n.id),
        ...(error ? { error } : {}),
      },
    });
  };
  if (dp.enabled) await withBudgetLease(db, permit.rootId, id, BUDGET_LEASE_MS, execute);
  else await execute();
  return loadAnalysis(db, permit.id, id);
}

async function run(calls: NodeCalls, base: AnalysisTaskBase): Promise<unknown> {
  const r = base.request;
  const named = (answers: Record<string, unknown>[]) =>
    answers.map((a, i) => ({ node: calls.nodes[i]!.name, a }));
  switch (r.kind) {
    case 'glm':
      return runGlm(calls, base);
    case 'km': {
      const answers = await calls.all(ANALYSIS_TASK.km, base);
      return {
        survival: r.survival,
        group: r.group ?? null,
        intervalDays: r.intervalDays,
        curves: mergeKm(answers.map((a) => a.tables as NodeRiskTable[])),
      };
    }
    case 'describe': {
      const answers = named(await calls.all(ANALYSIS_TASK.describe, base));
      return {
        by: r.by ?? null,
        groups: mergeDescribe(answers.map(({ node, a }) => ({ node, groups: a.groups as NodeGroup[] }))),
      };
    }
    case 'table': {
      const answers = await calls.all(ANALYSIS_TASK.table, base);
      const missing = answers.map((a) => a.missing as number | null);
      return {
        rowVariable: r.rows,
        columnVariable: r.columns ?? null,
        ...mergeTables(answers.map((a) => a.table as CountTable)),
        missing: missing.some((m) => m === null) ? null : missing.reduce<number>((s, m) => s + m!, 0),
      };
    }
  }
}
