/**
 * Pure scaling helpers for the inline SVG charts. Kept apart from the components so they are unit
 * tested without a DOM.
 */

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above `max`; 1 for an empty or zero domain. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    // Rounding guards against 0.1 + 0.2 style drift at the boundary.
    if (candidate >= max - power * 1e-9) return candidate;
  }
  return 10 * power;
}

/**
 * How many intervals divide a nice maximum into round steps: 1, 5, 10 → 5 steps (0.2, 1, 2);
 * 2 → 4 (0.5); 2.5 → 5 (0.5). Keeps tick labels like 1k, 2k rather than 1.3k, 2.5k.
 */
export function niceTickCount(top: number): number {
  if (!Number.isFinite(top) || top <= 0) return 1;
  const lead = top / 10 ** Math.floor(Math.log10(top));
  return Math.abs(lead - 2) < 1e-9 ? 4 : 5;
}

/** Evenly spaced tick values from 0 to `niceMax(max)`: `count` intervals, or round steps when omitted. */
export function ticks(max: number, count?: number): number[] {
  const top = niceMax(max);
  const n = Math.max(1, Math.floor(count ?? niceTickCount(top)));
  return Array.from({ length: n + 1 }, (_, i) => Number(((top * i) / n).toPrecision(12)));
}

/** Maps 0…domainMax onto 0…range linearly, clamping values outside the domain. */
export function linearScale(domainMax: number, range: number): (value: number) => number {
  if (domainMax <= 0) return () => 0;
  return (value) => (Math.min(Math.max(value, 0), domainMax) / domainMax) * range;
}

/** Compact tick label: 1200 → "1.2k", 3400000 → "3.4M". */
export function shortNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${trim(n / 1e6)}M`;
  if (abs >= 1e3) return `${trim(n / 1e3)}k`;
  return trim(n);
}

function trim(n: number): string {
  return String(Number(n.toFixed(1)));
}

/** The largest non-null value of a list, 0 when there is none. */
export function maxOf(values: readonly (number | null)[]): number {
  let max = 0;
  for (const v of values) if (v !== null && v > max) max = v;
  return max;
}

/** Points of a polyline through the given values, evenly spaced across `width`, skipping nulls (gaps). */
export function linePoints(
  values: readonly (number | null)[],
  width: number,
  height: number,
  domainMax: number,
): { x: number; y: number; index: number }[] {
  const y = linearScale(domainMax, height);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const out: { x: number; y: number; index: number }[] = [];
  values.forEach((v, index) => {
    if (v === null) return;
    out.push({ x: values.length > 1 ? index * step : width / 2, y: height - y(v), index });
  });
  return out;
}
