import type { SdcRecord } from '@openehds/core';
import { cellKeyNoise, keyedUniformNoise } from './cell-key';
import type { Cohort } from './cohort';
import { misconfigured, thresholdFor, type ReleaseContext } from './context';
import { checkAudience } from './audience';
import { chargeBudget } from './budget';
import { guardHistory, remember } from './guard';
import { RecordBuilder } from './record';
import { roundCount } from './rounding';
import { discreteLaplace, secureRng } from './rng';

/** A count to release: the people counted (preferred) or, without a permit, just the number. */
export interface CountInput {
  /** The people counted; required under a permit (differencing guard) and for cell-key noise. */
  cohort?: Cohort;
  /** The count, when no cohort is given (anonymous or registered views only). */
  count?: number;
  /** Canonical key of the query definition (e.g. a hash of its canonical JSON), for repeat lockout. */
  queryKey?: string;
}

/** A released count: the value, or null when suppressed ("fewer than the threshold"). */
export interface ReleasedCount {
  value: number | null;
  suppressed: boolean;
  record: SdcRecord;
}

/**
 * Releases one count under the policy (Art. 73(2), 61(4): only anonymous results leave). In order:
 * audience visibility; repeat lockout and differencing guard (under a permit); noise (DP discrete
 * Laplace charged to the permit's budget when DP is on, else deterministic cell-key noise); zero
 * handling; threshold (released counts are never 1..k−1); rounding. Under DP the threshold applies to
 * the noisy value, so the suppression decision is itself covered by DP. Refusals throw an SdcRefusal
 * carrying the record; an answered cohort joins the permit's history.
 */
export async function releaseCount(input: CountInput, ctx: ReleaseContext): Promise<ReleasedCount> {
  const now = ctx.now ?? new Date();
  const rec = new RecordBuilder('count', ctx.policy, ctx.audience, now, ctx.permitId, ctx.label);
  const { policy } = ctx;
  const n = input.cohort ? input.cohort.length : input.count;
  if (n === undefined || !Number.isInteger(n) || n < 0) {
    throw misconfigured('releaseCount needs a cohort or a non-negative integer count');
  }
  if (input.cohort && input.count !== undefined && input.count !== input.cohort.length) {
    throw misconfigured(`count ${input.count} does not match the cohort of ${input.cohort.length} people`);
  }
  checkAudience(ctx, rec);
  if (ctx.permitId && policy.differencing.enabled && !input.cohort) {
    throw misconfigured('pass the cohort (person ids) under a permit: the differencing guard needs it');
  }

  let digest = '';
  let differencingNoise = false;
  if (input.cohort)
    ({ digest, differencingNoise } = await guardHistory(input.cohort, input.queryKey, ctx, rec));

  let noise = 0;
  if (useDp(ctx)) {
    const epsilon = policy.dp.epsilonPerCount;
    await chargeBudget({ epsilon, delta: 0 }, ctx, rec);
    noise += discreteLaplace(epsilon, ctx.rng ?? secureRng());
    rec.add('dp-laplace', '$', 'noised', { epsilon, scale: 1 / epsilon, sensitivity: 1 });
  } else if (policy.cellKey.enabled && input.cohort) {
    noise += cellKeyNoise(secretOf(ctx), input.cohort, policy.cellKey.maxNoise);
    rec.add('cell-key', '$', 'noised', { maxNoise: policy.cellKey.maxNoise });
  } else if (policy.cellKey.enabled) {
    // Without the people there is no cell key; the answer is still deterministic (nothing to average).
    rec.add('cell-key', '$', 'skipped', { maxNoise: policy.cellKey.maxNoise }, 'no record keys supplied');
  }
  const k = thresholdFor(ctx);
  if (differencingNoise && input.cohort) noise += keyedUniformNoise(secretOf(ctx), input.cohort, k);

  const noisy = Math.max(0, n + noise);
  const out = thresholdAndRound(noisy, k, ctx, rec);
  if (input.cohort) await remember(input.cohort, digest, input.queryKey, ctx);
  return { ...out, record: rec.released(out) };
}

/** Zero handling, threshold and rounding of one (possibly noisy) count. */
export function thresholdAndRound(
  value: number,
  k: number,
  ctx: ReleaseContext,
  rec: RecordBuilder,
  target = '$',
): { value: number | null; suppressed: boolean } {
  const { zeros } = ctx.policy;
  if (value === 0) {
    if (zeros === 'suppress') {
      rec.add('zeros', target, 'suppressed', { zeros });
      return { value: null, suppressed: true };
    }
    rec.add('zeros', target, zeros === 'flag' ? 'flagged' : 'passed', { zeros });
    return { value: 0, suppressed: false };
  }
  if (value < k) {
    rec.add('threshold', target, 'suppressed', { threshold: k });
    return { value: null, suppressed: true };
  }
  rec.add('threshold', target, 'passed', { threshold: k });
  const base = ctx.policy.audiences[ctx.audience].roundTo;
  rec.add('rounding', target, base > 1 ? 'rounded' : 'passed', {
    base,
    rule: 'nearest-half-up-min-threshold',
  });
  return { value: roundCount(value, base, k), suppressed: false };
}

function useDp(ctx: ReleaseContext): boolean {
  return ctx.policy.dp.enabled && ctx.permitId !== undefined;
}

function secretOf(ctx: ReleaseContext): Uint8Array | string {
  if (!ctx.cellKeySecret) throw misconfigured('cell-key noise needs the node secret (cellKeySecret)');
  return ctx.cellKeySecret;
}
