/**
 * Feasibility counts before a permit (issue 4 §1; hub `packages/server/src/feasibility`): how many
 * persons at each node match a cohort definition, as released by each node's disclosure control.
 * Public: anonymous callers get the HDAB's anonymous view, signed-in callers the registered one.
 * Shapes mirror the hub's and `@openehds/core`'s without importing them (DESIGN.md §2).
 */
import { createHttp, type HttpOptions } from './http';

/**
 * A cohort definition (JSON; schema at `GET /api/feasibility/schema`). Kept open here: the hub
 * validates it and answers a problem listing every bad field (`cohort.inclusion[0]…`).
 */
export type CohortDefinitionJson = Record<string, unknown>;

/** Who the answer was released to. */
export type FeasibilityAudience = 'anonymous' | 'registered' | 'permit_holder';

/** One rule applied to a released output (SDC record). */
export interface SdcRuleResultJson {
  rule: string;
  target: string;
  outcome: string;
  params: Record<string, number | string | boolean>;
  note?: string;
}

/** The machine-readable record of the disclosure-control rules applied to one node's count. */
export interface SdcRecordJson {
  schema: string;
  kind: 'count' | 'table' | 'statistic' | 'model';
  at: string;
  policy: { id: string; version: string; hash: string };
  audience: FeasibilityAudience;
  permitId?: string;
  label?: string;
  outcome: 'released' | 'refused';
  rules: SdcRuleResultJson[];
  budget?: { cost: PrivacyCostJson; total: PrivacyCostJson; limit: PrivacyCostJson };
  outputHash: string | null;
}

/** A differential-privacy cost. */
export interface PrivacyCostJson {
  epsilon: number;
  delta: number;
}

/** One node's released count. */
export interface NodeFeasibility {
  nodeId: string;
  nodeName: string;
  country: string;
  /** The published datasets of this node that were asked about. */
  datasets: string[];
  /** Rounded (and noised) count, never 1..threshold−1; null when suppressed or not answered. */
  value: number | null;
  suppressed: boolean;
  status: 'ok' | 'refused' | 'timeout' | 'error';
  message?: string;
  record: SdcRecordJson | null;
}

/** The answer of a feasibility count. */
export interface FeasibilityAnswer {
  audience: FeasibilityAudience;
  threshold: number;
  roundTo: number;
  /** Sum of the released values; `atLeast` when a node was suppressed or did not answer. */
  total: { value: number | null; atLeast: boolean };
  nodes: NodeFeasibility[];
  askedAt: string;
}

/** Feasibility calls to the hub. */
export interface FeasibilityClient {
  /** Counts the cohort at every node holding the chosen published datasets (default: all). */
  count(
    cohort: CohortDefinitionJson,
    options?: { datasets?: string[]; signal?: AbortSignal },
  ): Promise<FeasibilityAnswer>;
  /** The cohort definition's JSON Schema (draft 2020-12). */
  schema(): Promise<Record<string, unknown>>;
  /** An example definition using every criterion type. */
  example(): Promise<CohortDefinitionJson>;
}

/** Creates the feasibility client (same options as `createHubClient`; no token → anonymous). */
export function createFeasibilityClient(options: HttpOptions): FeasibilityClient {
  const send = createHttp(options);
  return {
    count: (cohort, opts = {}) =>
      send<FeasibilityAnswer>({
        method: 'POST',
        path: '/api/feasibility',
        json: { cohort, ...(opts.datasets?.length ? { datasets: opts.datasets } : {}) },
        ...(opts.signal ? { signal: opts.signal } : {}),
      }),
    schema: () => send<Record<string, unknown>>({ method: 'GET', path: '/api/feasibility/schema' }),
    example: () => send<CohortDefinitionJson>({ method: 'GET', path: '/api/feasibility/example' }),
  };
}
