import { createHttp, type FeasibilityAudience, type NodeFeasibility } from '@openehds/client';

/**
 * The HDAB's register of feasibility queries (hub `GET /api/feasibility/queries`, staff only;
 * packages/server/src/feasibility/log.ts): every query with what each node released and the
 * disclosure-control record of that release (issue 4 §2). Same origin, so the session cookie travels.
 */

/** One query as the hub keeps it. */
export interface FeasibilityQueryJson {
  id: string;
  askedAt: string;
  audience: FeasibilityAudience | string;
  /** The asker's username; null for an anonymous visitor. */
  asker: string | null;
  queryHash: string;
  cohort: unknown;
  nodes: NodeFeasibility[];
  total: { value: number | null; atLeast: boolean };
}

const send = createHttp({ baseUrl: '', credentials: 'same-origin' });

/** The latest queries, newest first (the hub keeps the last 200 in this list). */
export async function listFeasibilityQueries(signal?: AbortSignal): Promise<FeasibilityQueryJson[]> {
  return (
    await send<{ items: FeasibilityQueryJson[] }>({ method: 'GET', path: '/api/feasibility/queries', signal })
  ).items;
}
