/**
 * A force-directed layout for the stakeholder network (Fruchterman & Reingold, 1991): nodes repel
 * each other, edges pull their ends together, a pull to the centre keeps unconnected nodes near the
 * rest, and a cooling step size settles the picture, which is then fitted to the drawing area.
 * Deterministic: no randomness, nodes start on a circle in the order of their sorted ids, so the same
 * graph always draws the same way, whatever the order the API listed it in. Pure; O(iterations × n²), meant for registries of tens to a few hundred.
 */

/** An edge between two node ids (its direction does not matter for the layout). */
export interface LayoutEdge {
  from: string;
  to: string;
}

/** A position in the drawing. */
export interface Point {
  x: number;
  y: number;
}

/** The drawing area and the number of steps. */
export interface LayoutOptions {
  width: number;
  height: number;
  /** Space kept free along the edges, for the node and its label. */
  padding?: number;
  iterations?: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Maps values linearly onto [lo, hi]; all equal → the middle. */
function fit(vs: readonly number[], lo: number, hi: number): number[] {
  const min = Math.min(...vs);
  const max = Math.max(...vs);
  return vs.map((v) => (max - min < 1e-9 ? (lo + hi) / 2 : lo + ((v - min) / (max - min)) * (hi - lo)));
}

/** Positions for each node id, inside the padded area. */
export function forceLayout(
  nodeIds: readonly string[],
  edges: readonly LayoutEdge[],
  { width, height, padding = 30, iterations = 300 }: LayoutOptions,
): Map<string, Point> {
  const ids = [...new Set(nodeIds)].sort();
  const n = ids.length;
  const out = new Map<string, Point>();
  const cx = width / 2;
  const cy = height / 2;
  if (n === 0) return out;
  if (n === 1) return out.set(ids[0]!, { x: round(cx), y: round(cy) });

  const index = new Map(ids.map((id, i) => [id, i]));
  const links: [number, number][] = [];
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a !== undefined && b !== undefined && a !== b) links.push(a < b ? [a, b] : [b, a]);
  }
  // A fixed order of summing, so the order the edges came in cannot change the last digits.
  links.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const innerW = Math.max(1, width - 2 * padding);
  const innerH = Math.max(1, height - 2 * padding);
  const k = Math.sqrt((innerW * innerH) / n);
  const radius = Math.min(innerW, innerH) / 3;
  const xs = ids.map((_, i) => cx + radius * Math.cos((2 * Math.PI * i) / n));
  const ys = ids.map((_, i) => cy + radius * Math.sin((2 * Math.PI * i) / n));
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const start = Math.min(innerW, innerH) / 10;
  // The pull to the centre grows with the number of nodes, as the total repulsion does; without it
  // unlinked nodes drift off and squeeze the rest into a corner once the drawing is fitted.
  const gravity = 0.05 * n;

  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = xs[i]! - xs[j]!;
        let ddy = ys[i]! - ys[j]!;
        let dist = Math.hypot(ddx, ddy);
        if (dist < 0.01) {
          // Two nodes on one spot: push them apart along a direction fixed by their indices.
          ddx = Math.cos(i + j);
          ddy = Math.sin(i + j);
          dist = 0.01;
        }
        const f = (k * k) / dist / dist;
        dx[i]! += ddx * f;
        dy[i]! += ddy * f;
        dx[j]! -= ddx * f;
        dy[j]! -= ddy * f;
      }
    }
    for (const [a, b] of links) {
      const ddx = xs[a]! - xs[b]!;
      const ddy = ys[a]! - ys[b]!;
      const dist = Math.max(0.01, Math.hypot(ddx, ddy));
      const f = dist / k;
      dx[a]! -= ddx * f;
      dy[a]! -= ddy * f;
      dx[b]! += ddx * f;
      dy[b]! += ddy * f;
    }
    const temperature = start * (1 - step / iterations);
    for (let i = 0; i < n; i++) {
      dx[i]! += (cx - xs[i]!) * gravity;
      dy[i]! += (cy - ys[i]!) * gravity;
      const len = Math.hypot(dx[i]!, dy[i]!);
      if (len > 0) {
        const moved = Math.min(len, temperature);
        xs[i] = xs[i]! + (dx[i]! / len) * moved;
        ys[i] = ys[i]! + (dy[i]! / len) * moved;
      }
    }
  }
  // The nodes move freely; the result is then stretched to fill the padded area, so none sticks to
  // a border (as clamping each step makes them) and the whole area is used.
  const fx = fit(xs, padding, width - padding);
  const fy = fit(ys, padding, height - padding);
  ids.forEach((id, i) => out.set(id, { x: round(fx[i]!), y: round(fy[i]!) }));
  return out;
}
