import type { Queryable } from '@openehds/db';
import { invalid } from '@openehds/core';

/** A node asked for a feasibility count, with the published datasets it holds that were chosen. */
export interface FeasibilityTarget {
  nodeId: string;
  nodeName: string;
  country: string;
  datasets: string[];
}

/**
 * The approved nodes holding the chosen published datasets (default: every approved node with a
 * published dataset). A chosen id that is not a published dataset of an approved node is refused by
 * name, so a typo is not answered with a silently smaller total.
 */
export async function feasibilityTargets(
  db: Queryable,
  datasets?: readonly string[],
): Promise<FeasibilityTarget[]> {
  const rows = await db.query<{ id: string; node_id: string; name: string; country: string }>(
    `SELECT d.id, n.id AS node_id, n.name, n.country FROM dataset d JOIN node n ON n.id = d.node_id
     WHERE d.status = 'PUBLISHED' AND n.status = 'APPROVED' AND ($1::text[] IS NULL OR d.id = ANY($1::text[]))
     ORDER BY n.name, n.id, d.id`,
    [datasets?.length ? [...datasets] : null],
  );
  if (datasets?.length) {
    const found = new Set(rows.map((r) => r.id));
    const missing = datasets.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
    if (missing.length)
      throw invalid(
        `not a published dataset of an approved node: ${missing.map((m) => m.id).join(', ')}; see GET /api/datasets`,
        missing.map(({ id, i }) => ({
          path: `datasets[${i}]`,
          message: `${id} is not published (or its node is not approved)`,
        })),
      );
  }
  const byNode = new Map<string, FeasibilityTarget>();
  for (const r of rows) {
    const t = byNode.get(r.node_id) ?? {
      nodeId: r.node_id,
      nodeName: r.name,
      country: r.country.trim(),
      datasets: [],
    };
    t.datasets.push(r.id);
    byNode.set(r.node_id, t);
  }
  return [...byNode.values()];
}
