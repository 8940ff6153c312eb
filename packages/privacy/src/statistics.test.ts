import { describe, expect, it } from 'vitest';
import { cohortOf } from './cohort';
import { releaseStatistic } from './statistics';
import { SdcRefusal } from './record';
import { permitContext, policyWith, publicContext, range } from './testing';

const values = (n: number) => Array.from({ length: n }, (_, i) => 50 + (i % 7));

describe('releaseStatistic', () => {
  it('releases a mean over at least k people and suppresses a smaller group', async () => {
    const ctx = publicContext('registered');
    expect((await releaseStatistic({ kind: 'mean', values: values(14) }, ctx)).value).toBe(53);
    const small = await releaseStatistic({ kind: 'mean', values: values(4) }, ctx);
    expect(small).toMatchObject({ value: null, suppressed: true });
  });

  it('suppresses a sum dominated by one contributor', async () => {
    const out = await releaseStatistic(
      { kind: 'sum', values: [1_000_000, ...values(20)] },
      publicContext('registered'),
    );
    expect(out.suppressed).toBe(true);
    expect(out.record.rules.find((r) => r.outcome === 'suppressed')?.rule).toBe('dominance-nk');
  });

  it('clips to the public bounds before anything else', async () => {
    const out = await releaseStatistic(
      { kind: 'mean', values: [...values(12), 10_000], bounds: { lower: 0, upper: 100 } },
      publicContext('registered', policyWith({ dominance: { nk: [], pRatio: 0 } })),
    );
    expect(out.value).toBeLessThan(60);
  });

  it('under DP adds Gaussian noise and charges (ε, δ); needs bounds', async () => {
    const policy = policyWith({ dp: { enabled: true, epsilonPerStatistic: 1, budget: { epsilon: 10 } } });
    const { ctx, ledger } = permitContext(policy);
    const cohort = cohortOf(range(0, 200));
    const vals = values(200);
    await expect(releaseStatistic({ kind: 'mean', values: vals, cohort }, ctx)).rejects.toMatchObject({
      kind: 'invalid',
    });
    const out = await releaseStatistic(
      { kind: 'mean', values: vals, cohort, bounds: { lower: 0, upper: 100 } },
      ctx,
    );
    const exact = vals.reduce((s, v) => s + v, 0) / 200;
    expect(out.value).not.toBe(exact);
    expect(Math.abs(out.value! - exact)).toBeLessThan(10);
    expect(out.record.rules.find((r) => r.rule === 'dp-gaussian')?.outcome).toBe('noised');
    expect(await ledger.spent('P-2027-0042-FI')).toEqual({ epsilon: 1, delta: 1e-6 });
  });

  it('guards differencing of means under a permit (A vs A minus one person)', async () => {
    const { ctx } = permitContext();
    const vals = values(50);
    await releaseStatistic({ kind: 'sum', values: vals, cohort: cohortOf(range(0, 50)) }, ctx);
    await expect(
      releaseStatistic({ kind: 'sum', values: vals.slice(1), cohort: cohortOf(range(1, 50)) }, ctx),
    ).rejects.toBeInstanceOf(SdcRefusal);
  });
});
