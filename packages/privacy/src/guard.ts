import { cohortDigest, differenceSizes, type Cohort } from './cohort';
import { misconfigured, thresholdFor, type ReleaseContext } from './context';
import type { RecordBuilder } from './record';

/**
 * History checks before anything is answered under a permit:
 * - repeat lockout (i2b2: the same query more than 7 times in 30 days is refused), where "the same"
 *   means the same query key or the same set of people;
 * - differencing guard: a cohort that differs from any earlier one under the permit by 1..k−1 people
 *   on either side would let the two answers single those people out (remove-one / one-row exclusion,
 *   DataSHIELD dsBase #250, #251), so it is refused, or noised when the policy says so.
 * Pairs where both cohorts are below the threshold are skipped: both answers are suppressed anyway.
 */
export interface GuardOutcome {
  /** The differencing guard asks for extra noise (policy mode `noise`). */
  differencingNoise: boolean;
  digest: string;
}

/** Runs both history checks; throws an SdcRefusal (conflict) with the record when one fails. */
export async function guardHistory(
  cohort: Cohort,
  queryKey: string | undefined,
  ctx: ReleaseContext,
  rec: RecordBuilder,
): Promise<GuardOutcome> {
  const digest = cohortDigest(cohort);
  if (!ctx.permitId) {
    rec.add('differencing', '$', 'skipped', {}, 'no permit: answers are not linked to a query history');
    return { differencingNoise: false, digest };
  }
  if (!ctx.history) throw misconfigured('a permit-bound release needs a QueryHistory');
  const entries = await ctx.history.list(ctx.permitId);
  const { maxRepeats, windowDays } = ctx.policy.repeats;
  const now = ctx.now ?? new Date();
  const since = now.getTime() - windowDays * 86_400_000;
  const repeats = entries.filter(
    (e) =>
      Date.parse(e.at) >= since &&
      (e.digest === digest || (queryKey !== undefined && e.queryKey === queryKey)),
  ).length;
  if (repeats >= maxRepeats) {
    rec.add('repeat-lockout', '$', 'refused', { maxRepeats, windowDays });
    throw rec.refuse(
      'conflict',
      `this query was already answered ${repeats} times in the last ${windowDays} days under permit ` +
        `${ctx.permitId} (limit ${maxRepeats}); its answer will not change, so reuse the earlier result`,
    );
  }
  rec.add('repeat-lockout', '$', 'passed', { maxRepeats, windowDays });

  const { enabled, mode } = ctx.policy.differencing;
  if (!enabled) {
    rec.add('differencing', '$', 'skipped', { enabled: false });
    return { differencingNoise: false, digest };
  }
  const k = thresholdFor(ctx);
  const seen = new Set<string>();
  let risky = false;
  for (const e of entries) {
    if (e.digest === digest || seen.has(e.digest)) continue;
    seen.add(e.digest);
    if (cohort.length < k && e.cohort.length < k) continue;
    const { aOnly, bOnly } = differenceSizes(cohort, e.cohort, k);
    if ((aOnly > 0 && aOnly < k) || (bOnly > 0 && bOnly < k)) {
      risky = true;
      break;
    }
  }
  const params = { threshold: k, mode, compared: seen.size };
  if (!risky) {
    rec.add('differencing', '$', 'passed', params);
    return { differencingNoise: false, digest };
  }
  if (mode === 'noise') {
    rec.add('differencing', '$', 'noised', params);
    return { differencingNoise: true, digest };
  }
  rec.add('differencing', '$', 'refused', params);
  throw rec.refuse(
    'conflict',
    `this cohort differs from one already answered under permit ${ctx.permitId} by fewer than ${k} ` +
      'people, so the two answers together could single them out; widen the criteria so the cohorts ' +
      `differ by at least ${k} people, or reuse the earlier result`,
  );
}

/** Appends an answered cohort to the permit's history (no-op without a permit). */
export async function remember(
  cohort: Cohort,
  digest: string,
  queryKey: string | undefined,
  ctx: ReleaseContext,
): Promise<void> {
  if (!ctx.permitId || !ctx.history) return;
  const at = (ctx.now ?? new Date()).toISOString();
  await ctx.history.append(ctx.permitId, { at, digest, cohort, ...(queryKey ? { queryKey } : {}) });
}
