import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import type { FeasibilityAnswer, FeasibilityAsker } from './service';

/**
 * The HDAB's register of feasibility queries (migration 0018): every query, what each node released
 * and the disclosure-control record of that release (issue 4 §2: "the HDAB sees them all").
 */

/** One query as HDAB staff see it. */
export interface FeasibilityQueryRecord {
  id: string;
  askedAt: string;
  audience: string;
  asker: string | null;
  queryHash: string;
  cohort: unknown;
  nodes: FeasibilityAnswer['nodes'];
  total: FeasibilityAnswer['total'];
}

/** Keeps one answered query. */
export async function logFeasibilityQuery(
  db: Db,
  asker: FeasibilityAsker,
  queryHash: string,
  cohort: unknown,
  answer: FeasibilityAnswer,
): Promise<void> {
  await db.query(
    `INSERT INTO feasibility_query (id, asked_at, audience, account_id, query_hash, cohort, nodes, total)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb)`,
    [
      randomUUID(),
      answer.askedAt,
      asker.audience,
      asker.accountId,
      queryHash,
      JSON.stringify(cohort),
      JSON.stringify(answer.nodes),
      JSON.stringify(answer.total),
    ],
  );
}

/** The latest queries, newest first. */
export async function feasibilityQueries(db: Queryable, limit = 200): Promise<FeasibilityQueryRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT q.*, a.username FROM feasibility_query q LEFT JOIN account a ON a.id = q.account_id
     ORDER BY q.asked_at DESC, q.id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id as string,
    askedAt: new Date(r.asked_at as string).toISOString(),
    audience: r.audience as string,
    asker: (r.username as string | null) ?? null,
    queryHash: r.query_hash as string,
    cohort: r.cohort,
    nodes: r.nodes as FeasibilityAnswer['nodes'],
    total: r.total as FeasibilityAnswer['total'],
  }));
}
