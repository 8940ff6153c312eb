import type { RankingCriterion } from './criteria';
import type { RankingAlternative, RankingMethod } from './ranking';
import { rankWith } from './rank-with';

/** One weight tried for a criterion: the raw weight, its share of all weights, each alternative's rank. */
export interface SensitivityStep {
  weight: number;
  share: number;
  ranks: Record<string, number>;
  top: string;
}

/** Where the top-ranked alternative changes: the weight (and share) at which it does, and the new top. */
export interface TopSwitch {
  weight: number;
  share: number;
  top: string;
}

/** How the ranking moves as one criterion's weight goes from 0 to `maxMultiplier` × its own. */
export interface SensitivityCurve {
  criterion: string;
  currentWeight: number;
  steps: SensitivityStep[];
  /** Lowering the weight from the current one: the first weight where another alternative leads. */
  below: TopSwitch | null;
  /** Raising it: the first weight where another alternative leads. */
  above: TopSwitch | null;
}

/** The sensitivity of a ranking to each criterion's weight. */
export interface Sensitivity {
  method: RankingMethod;
  top: string | null;
  maxMultiplier: number;
  curves: SensitivityCurve[];
}

/** Options: the range (× the current weight) and the number of intervals over it. */
export interface SensitivityOptions {
  maxMultiplier?: number;
  steps?: number;
}

const BISECTIONS = 40;

/**
 * One-at-a-time weight sensitivity (issue 6 §2): for each criterion, its raw weight goes from 0 to
 * `maxMultiplier` (3) × the current one in `steps` (12) equal steps while every other raw weight stays
 * as it is, so the others keep their proportions among themselves; each step records every
 * alternative's rank. A criterion weighted 0 is varied up to `maxMultiplier` × the mean of the
 * positive weights instead, so its curve still shows what giving it weight would do. The weight at
 * which the top-ranked alternative changes is found, on each side of the current weight, by
 * bisection between the grid steps, so it does not depend on the grid (exact up to the tie tolerance
 * of `rankScores`: at a tie the earlier id stays on top).
 * A step where every weight would be 0 (the criterion is the only one weighted) has no ranking and is
 * left out. `weights` must have passed `checkWeights`. Pure.
 */
export function sensitivityAnalysis(
  method: RankingMethod,
  alternatives: readonly RankingAlternative[],
  criteria: readonly RankingCriterion[],
  weights: Readonly<Record<string, number>>,
  options: SensitivityOptions = {},
): Sensitivity {
  const maxMultiplier = options.maxMultiplier ?? 3;
  const steps = Math.max(1, Math.floor(options.steps ?? 12));
  const raw = (id: string) => weights[id] ?? 0;
  const positive = criteria.map((c) => raw(c.id)).filter((w) => w > 0);
  const meanPositive = positive.length ? positive.reduce((s, w) => s + w, 0) / positive.length : 1;
  const rankingAt = (criterion: string, t: number) => {
    const w = { ...Object.fromEntries(criteria.map((c) => [c.id, raw(c.id)])), [criterion]: t };
    const total = Object.values(w).reduce((s, v) => s + v, 0);
    if (total <= 0 || !alternatives.length) return null;
    return { ranked: rankWith(method, alternatives, criteria, w), share: t / total };
  };
  const base = alternatives.length ? rankWith(method, alternatives, criteria, weights) : [];
  const top = base[0]?.id ?? null;
  const curves = criteria.map((c): SensitivityCurve => {
    const current = raw(c.id);
    const max = maxMultiplier * (current > 0 ? current : meanPositive);
    const grid = Array.from({ length: steps + 1 }, (_, k) => (max * k) / steps);
    const out: SensitivityStep[] = [];
    for (const t of grid) {
      const r = rankingAt(c.id, t);
      if (!r) continue;
      out.push({
        weight: t,
        share: r.share,
        ranks: Object.fromEntries(r.ranked.map((a) => [a.id, a.rank])),
        top: r.ranked[0]!.id,
      });
    }
    const topAt = (t: number) => rankingAt(c.id, t)?.ranked[0]?.id ?? null;
    const switchTowards = (points: number[]): TopSwitch | null => {
      if (top === null) return null;
      let near = current;
      for (const far of points) {
        const farTop = topAt(far);
        if (farTop !== null && farTop !== top) {
          // Bisect between the last weight still led by `top` and the first led by another.
          let lo = near;
          let hi = far;
          for (let i = 0; i < BISECTIONS; i++) {
            const mid = (lo + hi) / 2;
            if (topAt(mid) === top) lo = mid;
            else hi = mid;
          }
          const r = rankingAt(c.id, hi)!;
          return { weight: hi, share: r.share, top: r.ranked[0]!.id };
        }
        if (farTop !== null) near = far;
      }
      return null;
    };
    return {
      criterion: c.id,
      currentWeight: current,
      steps: out,
      below: switchTowards(grid.filter((t) => t < current).reverse()),
      above: switchTowards(grid.filter((t) => t > current)),
    };
  });
  return { method, top, maxMultiplier, curves };
}
