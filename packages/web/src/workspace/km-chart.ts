/**
 * The geometry of a Kaplan–Meier chart: one step function per group, survival (0–1) against days,
 * starting at 1 on day 0 and dropping at each released time, ending at the curve's last released time.
 * Each curve gets its own dash pattern as well as its colour, so curves differ without colour
 * (WCAG 1.4.1). Pure, unit-tested without a DOM.
 */
import { niceMax, ticks } from '../charts/scale';

/** What the chart needs of a curve. */
export interface ChartCurve {
  group: string | null;
  points: { time: number; survival: number }[];
}

export interface KmFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const KM_FRAME: KmFrame = { width: 640, height: 300, left: 48, right: 110, top: 10, bottom: 36 };

/** Line styles by curve: colours with 3:1 contrast on white, and distinct dashes. */
export const CURVE_STYLES = [
  { stroke: '#134e8a', dash: undefined },
  { stroke: '#b03a2e', dash: '8 4' },
  { stroke: '#1e7a46', dash: '2 3' },
  { stroke: '#6b3fa0', dash: '10 3 2 3' },
  { stroke: '#8a5a00', dash: '4 4' },
] as const;

/** The top of the time axis: a nice number at or above the last time of any curve. */
export function timeMax(curves: readonly ChartCurve[]): number {
  let max = 0;
  for (const c of curves) for (const p of c.points) if (p.time > max) max = p.time;
  return niceMax(max);
}

/** The SVG path of one curve's step function in the frame. */
export function stepPath(curve: ChartCurve, tMax: number, f: KmFrame = KM_FRAME): string {
  const w = f.width - f.left - f.right;
  const h = f.height - f.top - f.bottom;
  const x = (t: number) => round(f.left + (Math.min(Math.max(t, 0), tMax) / tMax) * w);
  const y = (s: number) => round(f.top + (1 - Math.min(Math.max(s, 0), 1)) * h);
  const parts = [`M${x(0)},${y(1)}`];
  for (const p of [...curve.points].sort((a, b) => a.time - b.time))
    parts.push(`H${x(p.time)}`, `V${y(p.survival)}`);
  return parts.join(' ');
}

/** Where a curve ends (its label's anchor). */
export function curveEnd(curve: ChartCurve, tMax: number, f: KmFrame = KM_FRAME): { x: number; y: number } {
  const last = curve.points.reduce<{ time: number; survival: number }>((a, p) => (p.time >= a.time ? p : a), {
    time: 0,
    survival: 1,
  });
  const w = f.width - f.left - f.right;
  const h = f.height - f.top - f.bottom;
  return { x: round(f.left + (last.time / tMax) * w), y: round(f.top + (1 - last.survival) * h) };
}

/** Ticks of both axes with their positions in the frame. */
export function axes(tMax: number, f: KmFrame = KM_FRAME) {
  const w = f.width - f.left - f.right;
  const h = f.height - f.top - f.bottom;
  return {
    time: ticks(tMax).map((t) => ({ value: t, x: round(f.left + (t / tMax) * w) })),
    survival: [0, 0.25, 0.5, 0.75, 1].map((s) => ({ value: s, y: round(f.top + (1 - s) * h) })),
  };
}

const round = (v: number) => Math.round(v * 10) / 10;
