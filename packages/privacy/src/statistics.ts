import { invalid, type SdcRecord } from '@openehds/core';
import type { Cohort } from './cohort';
import { misconfigured, thresholdFor, type ReleaseContext } from './context';
import { checkAudience } from './audience';
import { chargeBudget } from './budget';
import { failsNk, failsPRatio } from './dominance';
import { guardHistory, remember } from './guard';
import { RecordBuilder } from './record';
import { gaussianSigma, secureRng, standardNormal } from './rng';

/** A sum or mean over a group of people, computed at the node from each person's value. */
export interface StatisticInput {
  kind: 'sum' | 'mean';
  /** One value per person in the group. */
  values: readonly number[];
  /** Public bounds the values are clipped to; required under DP (they fix the sensitivity). */
  bounds?: { lower: number; upper: number };
  /** The people in the group; required under a permit (differencing guard). */
  cohort?: Cohort;
  queryKey?: string;
}

export interface ReleasedStatistic {
  value: number | null;
  suppressed: boolean;
  record: SdcRecord;
}

/**
 * Releases a sum or mean: audience; repeat lockout and differencing guard under a permit (a mean over
 * A and over A minus one person gives that person's value); clipping to the bounds; the group must
 * have at least the threshold of people (a mean of a tiny subgroup is someone's value); dominance
 * (n,k) and p-ratio; then, when DP is on, the Gaussian mechanism with its (ε, δ) charged to the permit.
 * Sensitivity under add/remove-one: sum max(|lower|, |upper|); mean (upper − lower)/(n − 1).
 */
export async function releaseStatistic(
  input: StatisticInput,
  ctx: ReleaseContext,
): Promise<ReleasedStatistic> {
  const rec = new RecordBuilder(
    'statistic',
    ctx.policy,
    ctx.audience,
    ctx.now ?? new Date(),
    ctx.permitId,
    ctx.label,
  );
  const { policy } = ctx;
  if (input.values.some((v) => !Number.isFinite(v))) throw invalid('statistic values must be finite numbers');
  if (input.bounds && !(input.bounds.lower <= input.bounds.upper))
    throw invalid('bounds: lower must be ≤ upper');
  if (input.cohort && input.cohort.length !== input.values.length) {
    throw misconfigured(`${input.values.length} values for a cohort of ${input.cohort.length} people`);
  }
  checkAudience(ctx, rec);
  if (ctx.permitId && policy.differencing.enabled && !input.cohort) {
    throw misconfigured('pass the cohort (person ids) under a permit: the differencing guard needs it');
  }
  let digest = '';
  let differencingNoise = false;
  if (input.cohort)
    ({ digest, differencingNoise } = await guardHistory(input.cohort, input.queryKey, ctx, rec));

  const dp = policy.dp.enabled && ctx.permitId !== undefined;
  if (dp && !input.bounds) {
    throw invalid('differential privacy needs public bounds for the values (bounds.lower, bounds.upper)');
  }
  let values = input.values;
  if (input.bounds) {
    const { lower, upper } = input.bounds;
    values = values.map((v) => Math.min(upper, Math.max(lower, v)));
    rec.add('clipping', '$', 'passed', { lower, upper });
  }
  const out = await decide(values, input.kind, dp || differencingNoise, input.bounds, ctx, rec);
  if (input.cohort) await remember(input.cohort, digest, input.queryKey, ctx);
  return { ...out, record: rec.released(out) };
}

async function decide(
  values: readonly number[],
  kind: 'sum' | 'mean',
  noisy: boolean,
  bounds: StatisticInput['bounds'],
  ctx: ReleaseContext,
  rec: RecordBuilder,
): Promise<{ value: number | null; suppressed: boolean }> {
  const k = thresholdFor(ctx);
  const n = values.length;
  const suppressed = { value: null, suppressed: true };
  if (n < k) {
    rec.add('threshold', '$', 'suppressed', { threshold: k });
    return suppressed;
  }
  rec.add('threshold', '$', 'passed', { threshold: k });
  const { nk, pRatio } = ctx.policy.dominance;
  const failed = failsNk(values, nk);
  if (failed) {
    rec.add('dominance-nk', '$', 'suppressed', { n: failed.n, k: failed.k });
    return suppressed;
  }
  rec.add('dominance-nk', '$', 'passed', { rules: nk.map((x) => `(${x.n},${x.k})`).join(' ') });
  if (failsPRatio(values, pRatio)) {
    rec.add('p-ratio', '$', 'suppressed', { p: pRatio });
    return suppressed;
  }
  rec.add('p-ratio', '$', 'passed', { p: pRatio });
  const sum = values.reduce((s, v) => s + v, 0);
  let value = kind === 'sum' ? sum : sum / n;
  if (noisy) {
    if (!bounds) throw invalid('noise for this statistic needs public bounds (bounds.lower, bounds.upper)');
    const { epsilonPerStatistic: epsilon, deltaPerStatistic: delta } = ctx.policy.dp;
    const sensitivity =
      kind === 'sum'
        ? Math.max(Math.abs(bounds.lower), Math.abs(bounds.upper))
        : (bounds.upper - bounds.lower) / (n - 1);
    if (ctx.policy.dp.enabled) await chargeBudget({ epsilon, delta }, ctx, rec);
    const sigma = gaussianSigma(sensitivity, epsilon, delta);
    value += sigma * standardNormal(ctx.rng ?? secureRng());
    rec.add('dp-gaussian', '$', 'noised', { epsilon, delta, sensitivity, sigma });
  }
  return { value, suppressed: false };
}
