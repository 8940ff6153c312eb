import { z } from 'zod';
import type { NodeStore } from '@openehds/analytics';
import {
  AppError,
  BEACON_ENTRY_TYPES,
  BEACON_GRANULARITIES,
  invalid,
  zodIssues,
  type Audience,
  type BeaconAccess,
  type BeaconQuery,
  type BeaconResultSet,
  type Issue,
  type SdcPolicy,
  type SdcPolicyOverride,
} from '@openehds/core';
import { isPermitActive } from '../permits/state';
import { nodePolicy } from '../spe/node-policy';
import { audienceRule } from './auth-to-access';
import { runBeaconQuery, type BeaconEngineContext } from './engine';

/** The task type of a Beacon network query (issue 5 §2: the hub fans a query out to every node). */
export const BEACON_QUERY_TASK = 'beacon.query';

const Filter = z.object({
  id: z.string().min(1).max(200),
  operator: z.enum(['=', '<', '>', '<=', '>=', '!']).optional(),
  value: z.string().max(200).optional(),
  includeDescendantTerms: z.boolean().optional(),
  scope: z.enum(BEACON_ENTRY_TYPES).optional(),
});

const Positions = z.array(z.number().int().min(0)).min(1).max(2);

const Variant = z.object({
  form: z.enum(['sequence', 'range', 'bracket', 'gene']),
  assemblyId: z.string().max(50).optional(),
  referenceName: z.string().max(50).optional(),
  start: Positions.optional(),
  end: Positions.optional(),
  referenceBases: z.string().max(1000).optional(),
  alternateBases: z.string().max(1000).optional(),
  variantType: z.string().max(50).optional(),
  geneId: z.string().max(100).optional(),
  variantMinLength: z.number().int().min(0).optional(),
  variantMaxLength: z.number().int().min(0).optional(),
});

const Query = z.object({
  entryType: z.enum(BEACON_ENTRY_TYPES),
  variant: Variant.optional(),
  filters: z.array(Filter).max(50),
  requestedGranularity: z.enum(BEACON_GRANULARITIES),
  includeResultsetResponses: z.enum(['HIT', 'MISS', 'ALL', 'NONE']),
  skip: z.number().int().min(0),
  limit: z.number().int().min(0).max(1000),
  datasetIds: z.array(z.string().max(200)).max(100).optional(),
  entryId: z.string().max(300).optional(),
});

const Access = z.object({
  granularity: z.enum(['boolean', 'count']),
  recordDatasets: z
    .array(z.object({ datasetId: z.string().min(1).max(200), permitId: z.string().min(1).max(200) }))
    .max(100),
  minCount: z.number().int().min(1),
  roundTo: z.number().int().min(1),
});

/**
 * What the hub signs into a `beacon.query` task: the parsed query and the caller's access as the hub
 * decided it (anonymous → boolean, account → count, records for the datasets of active permits naming
 * the account), and the HDAB's disclosure-control policy. Trusted because the whole task carries the
 * hub's signature (checked by the runtime before any handler runs), as `cohort.count` trusts its policy.
 */
export const BeaconQueryPayload = z.object({
  query: Query,
  access: Access,
  policy: z.unknown().optional(),
  /** The published datasets of this node the hub asked (informational: one dataset per node). */
  datasets: z.array(z.string().max(200)).max(100).optional(),
});
export type BeaconQueryPayload = z.infer<typeof BeaconQueryPayload>;

/** What the node sends back: its result sets, or why the query cannot be answered here. */
export type BeaconQueryResult =
  | { status: 'ok'; resultSets: BeaconResultSet[]; notes?: string[] }
  | { status: 'invalid'; message: string; issues: Issue[] };

export interface BeaconTaskContext {
  store: NodeStore;
  engine: BeaconEngineContext;
  /** The dataset's own disclosure-control override (`sdc-policy.json`), which may only tighten. */
  policyOverride?: SdcPolicyOverride;
  now?: () => Date;
}

const audienceOf = (access: BeaconAccess): Audience =>
  access.recordDatasets.length
    ? 'permit_holder'
    : access.granularity === 'count'
      ? 'registered'
      : 'anonymous';

/**
 * The access the node applies: the hub's, restricted to this node's dataset and to permits this node's
 * own registry holds active now (a revoked or expired permit gives counts here even if the hub has not
 * caught up), with the minimum count and rounding made no looser than the node's policy (HDAB policy
 * with the dataset's override, Art. 73(2)).
 */
export async function nodeAccess(
  access: BeaconAccess,
  policy: SdcPolicy | null,
  ctx: Pick<BeaconTaskContext, 'store' | 'engine'>,
  now: Date,
): Promise<{ access: BeaconAccess; notes: string[] }> {
  const notes: string[] = [];
  const recordDatasets: BeaconAccess['recordDatasets'] = [];
  for (const d of access.recordDatasets) {
    if (d.datasetId !== ctx.engine.datasetId) continue;
    if (await isPermitActive(ctx.store, d.permitId, now)) recordDatasets.push(d);
    else notes.push(`permit ${d.permitId} is not active at this node; answered at count level`);
  }
  const granted = { ...access, recordDatasets };
  if (!policy) return { access: granted, notes };
  const rule = audienceRule(policy, audienceOf(granted));
  const roundTo = Math.max(access.roundTo, rule.roundTo);
  return {
    access: {
      ...granted,
      granularity: granted.granularity === 'count' && rule.allowed ? 'count' : 'boolean',
      minCount: Math.max(access.minCount, rule.minCount),
      roundTo,
    },
    notes,
  };
}

/**
 * Answers one `beacon.query` at this node: the engine's result sets after granularity and disclosure
 * control (records only where the access allows, ids pseudonymised per permit by the engine). A query
 * the engine refuses (an assembly this node does not hold, a filter it cannot apply) is an `invalid`
 * result naming the parameter, so the hub can tell the caller; anything else fails the task.
 * Returns the effective policy, which the node's own Beacon then applies too.
 */
export async function runBeaconTask(
  raw: unknown,
  ctx: BeaconTaskContext,
): Promise<{ result: BeaconQueryResult; policy: SdcPolicy | null }> {
  const parsed = BeaconQueryPayload.safeParse(raw);
  if (!parsed.success) throw invalid('invalid beacon.query task', zodIssues(parsed.error));
  const { query, access } = parsed.data;
  const now = ctx.now?.() ?? new Date();
  const policy = parsed.data.policy === undefined ? null : nodePolicy(parsed.data.policy, ctx.policyOverride);
  const effective = await nodeAccess(access, policy, ctx, now);
  try {
    const resultSets = await runBeaconQuery(ctx.store, query as BeaconQuery, effective.access, {
      ...ctx.engine,
      now: () => now,
    });
    return {
      result: { status: 'ok', resultSets, ...(effective.notes.length ? { notes: effective.notes } : {}) },
      policy,
    };
  } catch (err) {
    if (err instanceof AppError && err.kind === 'invalid')
      return { result: { status: 'invalid', message: err.message, issues: err.issues }, policy };
    throw err;
  }
}
