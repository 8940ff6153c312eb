/**
 * Secondary (complementary) suppression for a two-way table with its margins, so that no suppressed
 * cell can be rebuilt from the published cells and totals.
 *
 * Work on the extended (r+1)×(c+1) grid whose last row and column are the totals. Every row and
 * every column of that grid is an additive constraint (cells sum to the total). Flipping the sign of
 * the total row and column turns them into "each line sums to 0", so the suppressed cells that
 * cannot be pinned down are exactly those lying on a cycle of the bipartite graph whose vertices are
 * the grid's rows and columns and whose edges are the suppressed cells; a suppressed cell is
 * derivable by linear algebra from margins iff its edge is a bridge. The heuristic:
 *   1. any line with exactly one suppressed cell (or whose suppressed cells are all zero, which the
 *      line total would reveal) gets its cheapest other cell suppressed, until stable;
 *   2. any remaining bridge gets a cell suppressed that closes a cycle through it (cheapest first);
 *   3. repeat until neither applies. Suppressions only grow, so it terminates.
 * Cheapest: a positive interior cell before a zero or a total, then the smallest value.
 * Totals are assumed known even when not published (they often are, from other outputs).
 * A 1-way table (one row or one column) has a single constraint, the grand total; rule 1 suffices.
 * Not covered: bounds an attacker can get from non-negativity on a cycle (an LP audit, as
 * tau-ARGUS does); the released cells are rounded anyway.
 */

/** Adds complementary suppressions in place; returns the cells added, as [row, col]. */
export function secondarySuppress(
  values: readonly (readonly number[])[],
  suppressed: boolean[][],
): [number, number][] {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const added: [number, number][] = [];
  const lines = linesOf(rows, cols);
  const isTotal = (i: number, j: number) => (rows > 1 && i === rows - 1) || (cols > 1 && j === cols - 1);
  // Cheapest first: a positive cell before a zero, an interior cell before a total, then the smallest.
  const cost = (i: number, j: number): [number, number, number] => {
    const v = values[i]![j]!;
    return [v === 0 ? 1 : 0, isTotal(i, j) ? 1 : 0, v];
  };
  const suppress = (i: number, j: number) => {
    suppressed[i]![j] = true;
    added.push([i, j]);
  };
  for (let guard = 0; guard < rows * cols + 1; guard++) {
    let changed = false;
    // Rule 1: lone suppressed cell, or suppressed cells whose sum the line total gives away as 0.
    for (const line of lines) {
      const hidden = line.filter(([i, j]) => suppressed[i]![j]);
      if (hidden.length === 0) continue;
      const sum = hidden.reduce((s, [i, j]) => s + values[i]![j]!, 0);
      if (hidden.length > 1 && sum > 0) continue;
      const pick = cheapest(
        line.filter(([i, j]) => !suppressed[i]![j]),
        cost,
        sum === 0,
      );
      if (pick) {
        suppress(pick[0], pick[1]);
        changed = true;
      }
    }
    if (changed) continue;
    // Rule 2: bridges (only a 2-way table has row and column constraints at once).
    if (rows > 1 && cols > 1) {
      const bridge = findBridge(suppressed, rows, cols);
      if (bridge) {
        const [rowSide, colSide] = sidesWithout(suppressed, rows, cols, bridge);
        const candidates: [number, number][] = [];
        for (const i of colSide.rows)
          for (const j of rowSide.cols) if (!suppressed[i]![j]) candidates.push([i, j]);
        const pick = cheapest(candidates, cost, false);
        if (pick) {
          suppress(pick[0], pick[1]);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return added;
}

function cheapest(
  cells: [number, number][],
  cost: (i: number, j: number) => [number, number, number],
  needPositive: boolean,
): [number, number] | undefined {
  let best: [number, number] | undefined;
  let bestCost: [number, number, number] | undefined;
  for (const [i, j] of cells) {
    const c = cost(i, j);
    // A zero complement does not help a line whose hidden cells are all zero.
    if (needPositive && c[0] === 1) continue;
    if (less(c, bestCost)) {
      bestCost = c;
      best = [i, j];
    }
  }
  return best ?? (needPositive ? cheapest(cells, cost, false) : undefined);
}

function less(a: [number, number, number], b: [number, number, number] | undefined): boolean {
  if (!b) return true;
  for (let k = 0; k < 3; k++) if (a[k] !== b[k]) return a[k]! < b[k]!;
  return false;
}

/** The additive lines of the extended grid: every row and column of a 2-way grid; one line for 1-way. */
export function linesOf(rows: number, cols: number): [number, number][][] {
  const lines: [number, number][][] = [];
  if (cols > 1) for (let i = 0; i < rows; i++) lines.push(Array.from({ length: cols }, (_, j) => [i, j]));
  if (rows > 1) for (let j = 0; j < cols; j++) lines.push(Array.from({ length: rows }, (_, i) => [i, j]));
  return lines;
}

// Bipartite graph: vertex i (0..rows-1) for a row, rows + j for a column; an edge per suppressed cell.
function adjacency(suppressed: boolean[][], rows: number, cols: number, skip?: [number, number]) {
  const adj: [number, number][][] = Array.from({ length: rows + cols }, () => []);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++)
      if (suppressed[i]![j] && !(skip && skip[0] === i && skip[1] === j)) {
        const e = i * cols + j;
        adj[i]!.push([rows + j, e]);
        adj[rows + j]!.push([i, e]);
      }
  return adj;
}

/** A suppressed cell whose edge is a bridge (Tarjan's low-link), or undefined. */
export function findBridge(
  suppressed: boolean[][],
  rows: number,
  cols: number,
): [number, number] | undefined {
  const adj = adjacency(suppressed, rows, cols);
  const n = rows + cols;
  const disc = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  let time = 0;
  let found: number | undefined;
  const dfs = (u: number, parentEdge: number) => {
    disc[u] = low[u] = time++;
    for (const [v, e] of adj[u]!) {
      if (found !== undefined) return;
      if (e === parentEdge) continue;
      if (disc[v] === -1) {
        dfs(v, e);
        low[u] = Math.min(low[u]!, low[v]!);
        if (low[v]! > disc[u]!) found = e;
      } else low[u] = Math.min(low[u]!, disc[v]!);
    }
  };
  for (let s = 0; s < n && found === undefined; s++) if (disc[s] === -1 && adj[s]!.length) dfs(s, -1);
  return found === undefined ? undefined : [Math.floor(found / cols), found % cols];
}

/** With the bridge removed: the rows/cols reachable from its row vertex, and from its column vertex. */
function sidesWithout(suppressed: boolean[][], rows: number, cols: number, bridge: [number, number]) {
  const adj = adjacency(suppressed, rows, cols, bridge);
  const reach = (start: number) => {
    const seen = new Set<number>([start]);
    const stack = [start];
    while (stack.length) {
      for (const [v] of adj[stack.pop()!]!) {
        if (seen.has(v)) continue;
        seen.add(v);
        stack.push(v);
      }
    }
    const out = { rows: [] as number[], cols: [] as number[] };
    for (const v of seen) (v < rows ? out.rows : out.cols).push(v < rows ? v : v - rows);
    return out;
  };
  return [reach(bridge[0]), reach(rows + bridge[1])] as const;
}
