import {
  kaplanMeier,
  mergeNumericSummaries,
  mergeRiskTables,
  type KmCurve,
  type RiskTable,
} from '@openehds/analytics';

/**
 * The hub's merges of what the nodes released (issue 4 §4). Each node's part already passed
 * disclosure control there; a cell or statistic suppressed at any node stays unknown in the merge
 * (adding the others' parts would present a partial sum as the pooled value).
 */

type Cell = number | null;

const addCells = (a: Cell, b: Cell): Cell => (a === null || b === null ? null : a + b);

function addGrid(grids: (Cell[][] | undefined)[]): Cell[][] | undefined {
  const [first, ...rest] = grids;
  if (!first) return undefined;
  return first.map((row, i) =>
    row.map((c, j) => rest.reduce<Cell>((s, g) => addCells(s, g?.[i]?.[j] ?? null), c)),
  );
}

function addLine(lines: (Cell[] | undefined)[]): Cell[] | undefined {
  return addGrid(lines.map((l) => (l ? [l] : undefined)))?.[0];
}

/** A released count table (node `releaseTable` output without its record). */
export interface CountTable {
  rows: string[];
  columns: string[];
  statistic: string;
  cells: Cell[][];
  rowTotals?: Cell[];
  columnTotals?: Cell[];
  grandTotal?: Cell;
}

/** Adds the nodes' released tables cell by cell (every node answers the same grid). */
export function mergeTables(tables: CountTable[]): CountTable {
  const first = tables[0]!;
  return {
    rows: first.rows,
    columns: first.columns,
    statistic: first.statistic,
    cells: addGrid(tables.map((t) => t.cells))!,
    ...(first.rowTotals ? { rowTotals: addLine(tables.map((t) => t.rowTotals)) } : {}),
    ...(first.columnTotals ? { columnTotals: addLine(tables.map((t) => t.columnTotals)) } : {}),
    ...(first.grandTotal !== undefined
      ? { grandTotal: tables.reduce<Cell>((s, t) => addCells(s, t.grandTotal ?? null), 0) }
      : {}),
  };
}

interface NodeSummary {
  n: number;
  mean: number;
  sumSquaredDeviations: number | null;
}

/** A node's describe answer for one group. */
export interface NodeGroup {
  group: string | null;
  numeric: Record<string, NodeSummary | null>;
  counts: Record<string, CountTable>;
}

/** A merged statistic of one variable, or null with the nodes that suppressed it. */
export type MergedStatistic =
  | { n: number; mean: number; sd: number | null; suppressed: false }
  | { n: null; mean: null; sd: null; suppressed: true; suppressedAt: string[] };

/** Merges the nodes' describe answers group by group (Chan et al.'s exact merge of means and spreads). */
export function mergeDescribe(perNode: { node: string; groups: NodeGroup[] }[]) {
  const first = perNode[0]!.groups;
  return first.map((g, gi) => {
    const numeric: Record<string, MergedStatistic> = {};
    for (const name of Object.keys(g.numeric)) {
      const parts = perNode.map((p) => ({ node: p.node, s: p.groups[gi]!.numeric[name] ?? null }));
      const missing = parts.filter((p) => p.s === null).map((p) => p.node);
      if (missing.length) {
        numeric[name] = { n: null, mean: null, sd: null, suppressed: true, suppressedAt: missing };
        continue;
      }
      const ss = parts.map((p) => p.s!);
      if (ss.some((s) => s.sumSquaredDeviations === null || !Number.isFinite(s.sumSquaredDeviations))) {
        // Noised means (DP): their weighted mean; no spread.
        const n = ss.reduce((a, s) => a + s.n, 0);
        numeric[name] = {
          n,
          mean: ss.reduce((a, s) => a + s.n * s.mean, 0) / n,
          sd: null,
          suppressed: false,
        };
        continue;
      }
      const [m] = mergeNumericSummaries(
        ss.map((s) => [
          { variable: name, n: s.n, missing: 0, mean: s.mean, sumSquaredDeviations: s.sumSquaredDeviations! },
        ]),
      );
      numeric[name] = { n: m!.n, mean: m!.mean, sd: m!.sd, suppressed: false };
    }
    const counts: Record<string, CountTable> = {};
    for (const name of Object.keys(g.counts))
      counts[name] = mergeTables(perNode.map((p) => p.groups[gi]!.counts[name]!));
    return { group: g.group, numeric, counts };
  });
}

/** A node's released risk table. */
export type NodeRiskTable = RiskTable & { truncatedAt: number | null };

/** A merged Kaplan–Meier curve, ended where any node stopped releasing (its tail had < threshold at risk). */
export type MergedCurve = KmCurve & { truncatedAt: number | null };

/** Adds the nodes' risk tables group by group and computes the product-limit curves. */
export function mergeKm(perNode: NodeRiskTable[][]): MergedCurve[] {
  const cuts = new Map<string | null, number>();
  for (const tables of perNode)
    for (const t of tables)
      if (t.truncatedAt !== null) cuts.set(t.group, Math.min(cuts.get(t.group) ?? Infinity, t.truncatedAt));
  return mergeRiskTables(perNode).map((t) => {
    const cut = cuts.get(t.group) ?? null;
    const n = perNode.reduce((a, tables) => a + (tables.find((x) => x.group === t.group)?.n ?? 0), 0);
    const rows = cut === null ? t.rows : t.rows.filter((r) => r.time <= cut);
    return { ...kaplanMeier({ group: t.group, n, rows }), truncatedAt: cut };
  });
}
