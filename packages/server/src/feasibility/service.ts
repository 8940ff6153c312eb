import type { Db } from '@openehds/db';
import {
  AppError,
  forbidden,
  SdcRecord,
  type Audience,
  type CohortDefinition,
  type JsonValue,
  type SdcPolicy,
} from '@openehds/core';
import { hashJson, thresholdFor } from '@openehds/privacy';
import { recordAudit } from '../audit/service';
import { logFeasibilityQuery } from './log';
import { awaitTaskResult, enqueueTask, type TaskRecord } from '../federation/tasks';
import { feasibilityTotal, type FeasibilityTotal, type NodeFeasibility } from './answer';
import { feasibilityTargets, type FeasibilityTarget } from './targets';

/** The node task a feasibility count runs as (packages/node/src/spe). */
export const COHORT_COUNT_TASK = 'cohort.count';
/** How long the hub waits for the nodes before answering without the late ones. */
export const FEASIBILITY_TIMEOUT_MS = 20_000;

/** Who asks: an anonymous visitor or a signed-in account (never a permit here: see README). */
export interface FeasibilityAsker {
  audience: Extract<Audience, 'anonymous' | 'registered'>;
  accountId: string | null;
  username: string | null;
}

/** The answer of `POST /api/feasibility`. */
export interface FeasibilityAnswer {
  audience: Audience;
  /** The HDAB's effective threshold for this audience (a dataset may set a higher one at its node). */
  threshold: number;
  /** The HDAB's rounding base for this audience. */
  roundTo: number;
  total: FeasibilityTotal;
  nodes: NodeFeasibility[];
  askedAt: string;
}

/** What a node's `cohort.count` returns (its own type, not imported: the hub and node talk in JSON). */
interface NodeResult {
  status?: 'ok' | 'refused';
  value?: number | null;
  suppressed?: boolean;
  message?: string;
  record?: unknown;
}

/** Refuses an audience the HDAB shows no counts to, with how to get them (issue 4 §1). */
export function checkAudienceAllowed(policy: SdcPolicy, audience: Audience): void {
  if (policy.audiences[audience].allowed) return;
  throw forbidden(
    audience === 'anonymous'
      ? 'this Health Data Access Body shows feasibility counts only to signed-in users; sign in to see them'
      : 'this Health Data Access Body shows feasibility counts only under a data permit; apply for one (Art. 67)',
  );
}

/**
 * A feasibility count across the federation (issue 4 §1; Art. 69: anonymised statistics before any
 * permit): one `cohort.count` task per approved node holding the chosen published datasets, each
 * carrying the HDAB's policy inside the hub-signed task; every node counts and releases through its own
 * disclosure control, so nothing but released values reaches the hub. Nodes that do not answer in
 * `timeoutMs` are reported as `timeout`. Audited: who asked, the query's hash, the nodes asked; kept
 * with each node's release record for the HDAB (log.ts).
 */
export async function askFeasibility(
  db: Db,
  input: {
    cohort: CohortDefinition;
    datasets?: readonly string[];
    asker: FeasibilityAsker;
    policy: SdcPolicy;
    timeoutMs?: number;
  },
): Promise<FeasibilityAnswer> {
  const { cohort, asker, policy } = input;
  checkAudienceAllowed(policy, asker.audience);
  const askedAt = new Date().toISOString();
  const queryKey = hashJson(cohort);
  const targets = await feasibilityTargets(db, input.datasets);
  const timeoutMs = input.timeoutMs ?? FEASIBILITY_TIMEOUT_MS;
  const nodes = await Promise.all(
    targets.map((t) =>
      askNode(db, t, { cohort, audience: asker.audience, policy, queryKey }, asker, timeoutMs),
    ),
  );
  await recordAudit(db, {
    actor: asker.username ? `account:${asker.username}` : 'anonymous',
    action: 'feasibility.count',
    object: `cohort-query:${queryKey}`,
    outcome: 'success',
    // The query's hash and where it went; never the definition's persons (the hub never has them).
    details: {
      audience: asker.audience,
      queryHash: queryKey,
      nodes: nodes.map((n) => ({ nodeId: n.nodeId, status: n.status, suppressed: n.suppressed })),
    },
  });
  const answer: FeasibilityAnswer = {
    audience: asker.audience,
    threshold: thresholdFor({ policy, audience: asker.audience }),
    roundTo: policy.audiences[asker.audience].roundTo,
    total: feasibilityTotal(nodes),
    nodes,
    askedAt,
  };
  await logFeasibilityQuery(db, asker, queryKey, cohort, answer);
  return answer;
}

async function askNode(
  db: Db,
  target: FeasibilityTarget,
  payload: { cohort: CohortDefinition; audience: Audience; policy: SdcPolicy; queryKey: string },
  asker: FeasibilityAsker,
  timeoutMs: number,
): Promise<NodeFeasibility> {
  const base = {
    nodeId: target.nodeId,
    nodeName: target.nodeName,
    country: target.country,
    datasets: target.datasets,
  };
  const failed = (status: 'timeout' | 'error', message: string): NodeFeasibility => ({
    ...base,
    value: null,
    suppressed: false,
    status,
    message,
    record: null,
  });
  let task: TaskRecord;
  try {
    const queued = await enqueueTask(db, {
      nodeId: target.nodeId,
      type: COHORT_COUNT_TASK,
      payload: { ...payload, datasets: target.datasets } as unknown as JsonValue,
      createdBy: asker.accountId,
    });
    task = await awaitTaskResult(db, queued.id, timeoutMs);
  } catch (err) {
    if (err instanceof AppError && err.kind === 'unavailable')
      return failed(
        'timeout',
        `no answer from the node within ${Math.round(timeoutMs / 1000)} s; it may be offline or busy`,
      );
    return failed('error', err instanceof Error ? err.message : String(err));
  }
  if (task.status === 'FAILED') return failed('error', task.error ?? 'the node could not run the count');
  return fromNode(base, task.result as NodeResult | null);
}

/** Takes only the fields the contract names from a node's result, checking their shape. */
function fromNode(
  base: Omit<NodeFeasibility, 'value' | 'suppressed' | 'status' | 'record'>,
  r: NodeResult | null,
) {
  const record = SdcRecord.safeParse(r?.record);
  if (!r || !record.success || (r.status !== 'ok' && r.status !== 'refused'))
    return {
      ...base,
      value: null,
      suppressed: false,
      status: 'error' as const,
      message: 'the node answered in an unexpected shape; is it running the same OpenEHDS version?',
      record: null,
    };
  if (r.status === 'refused')
    return {
      ...base,
      value: null,
      suppressed: false,
      status: 'refused' as const,
      message: typeof r.message === 'string' ? r.message : 'refused by disclosure control',
      record: record.data,
    };
  const value = typeof r.value === 'number' && Number.isFinite(r.value) ? r.value : null;
  return {
    ...base,
    value,
    suppressed: r.suppressed === true || value === null,
    status: 'ok' as const,
    record: record.data,
  };
}
