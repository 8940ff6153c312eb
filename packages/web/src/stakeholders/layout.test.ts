import { describe, expect, it } from 'vitest';
import { forceLayout, type LayoutEdge } from './layout';

const box = { width: 600, height: 400, padding: 30 };
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

// Two clusters of four, tightly linked inside, one bridge between them, and a loner.
const ids = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4', 'z'];
const edges: LayoutEdge[] = [
  { from: 'a1', to: 'a2' },
  { from: 'a2', to: 'a3' },
  { from: 'a3', to: 'a4' },
  { from: 'a4', to: 'a1' },
  { from: 'a1', to: 'a3' },
  { from: 'b1', to: 'b2' },
  { from: 'b2', to: 'b3' },
  { from: 'b3', to: 'b4' },
  { from: 'b4', to: 'b1' },
  { from: 'b2', to: 'b4' },
  { from: 'a1', to: 'b1' },
];

describe('forceLayout', () => {
  it('is deterministic and does not depend on the order of nodes or edges', () => {
    const once = forceLayout(ids, edges, box);
    expect(forceLayout(ids, edges, box)).toEqual(once);
    const shuffled = forceLayout([...ids].reverse(), [...edges].reverse(), box);
    expect(Object.fromEntries(shuffled)).toEqual(Object.fromEntries(once));
  });

  it('keeps every node inside the padded area and apart from the others', () => {
    const pos = forceLayout(ids, edges, box);
    expect(pos.size).toBe(ids.length);
    const points = [...pos.values()];
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(30);
      expect(p.x).toBeLessThanOrEqual(570);
      expect(p.y).toBeGreaterThanOrEqual(30);
      expect(p.y).toBeLessThanOrEqual(370);
    }
    // Fitted to the area: the extreme nodes touch the padding on each side.
    expect(Math.min(...points.map((p) => p.x))).toBe(30);
    expect(Math.max(...points.map((p) => p.x))).toBe(570);
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) expect(dist(points[i]!, points[j]!)).toBeGreaterThan(20);
  });

  it('draws linked nodes closer together than unlinked ones', () => {
    const pos = forceLayout(ids, edges, box);
    const mean = (pairs: [string, string][]) =>
      pairs.reduce((s, [a, b]) => s + dist(pos.get(a)!, pos.get(b)!), 0) / pairs.length;
    const within: [string, string][] = [
      ['a1', 'a2'],
      ['a2', 'a3'],
      ['b1', 'b2'],
      ['b3', 'b4'],
    ];
    const across: [string, string][] = [
      ['a2', 'b3'],
      ['a3', 'b4'],
      ['a4', 'b2'],
      ['a2', 'b4'],
    ];
    expect(mean(within)).toBeLessThan(mean(across));
  });

  it('places one node in the centre, none for an empty graph, and ignores edges to unknown nodes', () => {
    expect(forceLayout([], [], box).size).toBe(0);
    expect(forceLayout(['x'], [{ from: 'x', to: 'ghost' }], box).get('x')).toEqual({ x: 300, y: 200 });
    const two = forceLayout(['p', 'q', 'p'], [{ from: 'p', to: 'nowhere' }], box);
    expect(two.size).toBe(2);
  });
});
