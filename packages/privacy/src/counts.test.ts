import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, DEFAULT_SDC_POLICY, SdcRecord } from '@openehds/core';
import { cohortOf } from './cohort';
import { releaseCount } from './counts';
import { policyHash, SdcRefusal } from './record';
import { hashJson } from './hash';
import { permitContext, policyWith, publicContext, range } from './testing';

const noNoise = policyWith({ cellKey: { enabled: false } });

describe('releaseCount: threshold, zeros, rounding', () => {
  it('suppresses 1..9 and releases 10 and above rounded to 5 for a registered user', async () => {
    const ctx = publicContext('registered', noNoise);
    expect((await releaseCount({ count: 9 }, ctx)).value).toBeNull();
    expect((await releaseCount({ count: 1 }, ctx)).suppressed).toBe(true);
    expect((await releaseCount({ count: 10 }, ctx)).value).toBe(10);
    expect((await releaseCount({ count: 13 }, ctx)).value).toBe(15);
    expect((await releaseCount({ count: 112 }, ctx)).value).toBe(110);
  });

  it('shows an anonymous visitor only counts rounded to 10', async () => {
    const ctx = publicContext('anonymous', noNoise);
    expect((await releaseCount({ count: 14 }, ctx)).value).toBe(10);
    expect((await releaseCount({ count: 15 }, ctx)).value).toBe(20);
    expect((await releaseCount({ count: 7 }, ctx)).value).toBeNull();
  });

  it('lets an audience only tighten the threshold', async () => {
    const policy = policyWith({ cellKey: { enabled: false }, audiences: { anonymous: { minCount: 50 } } });
    expect((await releaseCount({ count: 40 }, publicContext('anonymous', policy))).value).toBeNull();
    expect((await releaseCount({ count: 40 }, publicContext('registered', policy))).value).toBe(40);
    const looser = policyWith({ cellKey: { enabled: false }, audiences: { registered: { minCount: 3 } } });
    expect((await releaseCount({ count: 5 }, publicContext('registered', looser))).value).toBeNull();
  });

  it('refuses an audience the HDAB hides counts from, with a way forward', async () => {
    const policy = policyWith({ audiences: { anonymous: { allowed: false } } });
    const err = await releaseCount({ count: 100 }, publicContext('anonymous', policy)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SdcRefusal);
    expect((err as SdcRefusal).kind).toBe('forbidden');
    expect((err as SdcRefusal).message).toMatch(/sign in/);
    expect((err as SdcRefusal).record.outcome).toBe('refused');
  });

  it('handles zeros per policy: suppressed, flagged for review, or released', async () => {
    const z = (zeros: 'suppress' | 'flag' | 'release') =>
      releaseCount(
        { count: 0 },
        publicContext('registered', policyWith({ zeros, cellKey: { enabled: false } })),
      );
    expect((await z('suppress')).value).toBeNull();
    const flagged = await z('flag');
    expect(flagged.value).toBe(0);
    expect(flagged.record.rules.find((r) => r.rule === 'zeros')?.outcome).toBe('flagged');
    expect((await z('release')).value).toBe(0);
  });

  it('never releases a count in 1..threshold−1, whatever the count, audience, noise or policy', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(200),
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('anonymous' as const, 'registered' as const),
        fc.boolean(),
        async (n, threshold, roundTo, audience, cellKey) => {
          const policy = policyWith({
            threshold,
            cellKey: { enabled: cellKey },
            audiences: { [audience]: { roundTo, minCount: 1 } },
          });
          const { value } = await releaseCount(
            { cohort: cohortOf(range(0, n)) },
            publicContext(audience, policy),
          );
          expect(value === null || value === 0 || value >= threshold).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('releaseCount: the SDC record', () => {
  it('names the policy by id, version and hash, lists each rule, and hashes the output', async () => {
    const ctx = publicContext('registered', DEFAULT_SDC_POLICY);
    const out = await releaseCount({ cohort: cohortOf(range(0, 57)) }, ctx);
    expect(SdcRecord.parse(out.record)).toEqual(out.record);
    expect(out.record.policy).toEqual({
      id: 'openehds-default',
      version: '1',
      hash: policyHash(DEFAULT_SDC_POLICY),
    });
    expect(out.record.rules.map((r) => r.rule)).toEqual([
      'audience',
      'differencing',
      'cell-key',
      'threshold',
      'rounding',
    ]);
    expect(out.record.outputHash).toBe(hashJson({ value: out.value, suppressed: out.suppressed }));
    // The record never carries the true count.
    expect(JSON.stringify(out.record)).not.toMatch(/57/);
  });
});

describe('releaseCount: cell-key noise', () => {
  it('gives the same people the same noisy answer, and stays within ±maxNoise before rounding', async () => {
    const policy = policyWith({ audiences: { registered: { roundTo: 1 } } });
    const ctx = publicContext('registered', policy);
    const a = await releaseCount({ cohort: cohortOf(range(100, 160)) }, ctx);
    const b = await releaseCount({ cohort: cohortOf(range(100, 160).reverse()) }, ctx);
    expect(a.value).toBe(b.value);
    expect(Math.abs(a.value! - 60)).toBeLessThanOrEqual(2);
    expect(a.record.rules.find((r) => r.rule === 'cell-key')?.outcome).toBe('noised');
  });

  it('actually perturbs: across many cohorts the noise is not always zero and averages near 0', async () => {
    const policy = policyWith({ audiences: { registered: { roundTo: 1 } } });
    const ctx = publicContext('registered', policy);
    let nonZero = 0;
    let sum = 0;
    for (let s = 0; s < 300; s++) {
      const v = (await releaseCount({ cohort: cohortOf(range(s * 1000, s * 1000 + 50)) }, ctx)).value!;
      if (v !== 50) nonZero++;
      sum += v - 50;
    }
    expect(nonZero).toBeGreaterThan(100);
    expect(Math.abs(sum / 300)).toBeLessThan(0.5);
  });

  it('differs with another node secret', async () => {
    const policy = policyWith({ audiences: { registered: { roundTo: 1 } } });
    const values = new Set<number | null>();
    for (const secret of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const ctx = { ...publicContext('registered', policy), cellKeySecret: secret };
      values.add((await releaseCount({ cohort: cohortOf(range(0, 80)) }, ctx)).value);
    }
    expect(values.size).toBeGreaterThan(1);
  });

  it('is a configuration error without the node secret', async () => {
    const ctx = { ...publicContext('registered'), cellKeySecret: undefined };
    await expect(releaseCount({ cohort: cohortOf(range(0, 30)) }, ctx)).rejects.toMatchObject({
      kind: 'internal',
    });
  });
});

describe('releaseCount: differencing guard and repeat lockout', () => {
  it('refuses a cohort differing from an earlier one by 1..k−1 people, in either direction', async () => {
    const { ctx } = permitContext();
    await releaseCount({ cohort: cohortOf(range(0, 100)) }, ctx);
    const err = await releaseCount({ cohort: cohortOf(range(0, 97)) }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SdcRefusal);
    expect((err as SdcRefusal).kind).toBe('conflict');
    expect((err as SdcRefusal).message).toMatch(/differ by at least 10 people/);
    await expect(releaseCount({ cohort: cohortOf(range(0, 103)) }, ctx)).rejects.toBeInstanceOf(SdcRefusal);
    // Adding 5 and removing 5 also singles out small groups on each side.
    await expect(releaseCount({ cohort: cohortOf(range(5, 105)) }, ctx)).rejects.toBeInstanceOf(SdcRefusal);
  });

  it('allows cohorts that differ by at least k people, and the same cohort again', async () => {
    const { ctx, history } = permitContext();
    await releaseCount({ cohort: cohortOf(range(0, 100)) }, ctx);
    await releaseCount({ cohort: cohortOf(range(0, 90)) }, ctx);
    await releaseCount({ cohort: cohortOf(range(0, 100)) }, ctx);
    await releaseCount({ cohort: cohortOf(range(500, 530)) }, ctx); // disjoint: differs by ≥ k both ways
    expect((await history.list('P-2027-0042-FI')).length).toBe(4);
    // Conservative (the brief's rule): a tiny cohort outside every earlier one is refused, not suppressed.
    await expect(releaseCount({ cohort: cohortOf(range(900, 903)) }, ctx)).rejects.toBeInstanceOf(SdcRefusal);
  });

  it('keeps history per permit: another permit is not compared', async () => {
    const { ctx } = permitContext();
    await releaseCount({ cohort: cohortOf(range(0, 100)) }, ctx);
    const other = { ...ctx, permitId: 'P-2027-0043-FI' };
    await expect(releaseCount({ cohort: cohortOf(range(0, 99)) }, other)).resolves.toMatchObject({
      suppressed: false,
    });
  });

  it('noises instead of refusing when the policy says so, deterministically', async () => {
    const policy = policyWith({
      differencing: { mode: 'noise' },
      audiences: { permit_holder: { roundTo: 1 } },
    });
    const { ctx } = permitContext(policy);
    await releaseCount({ cohort: cohortOf(range(0, 100)) }, ctx);
    const a = await releaseCount({ cohort: cohortOf(range(0, 99)) }, ctx);
    const b = await releaseCount({ cohort: cohortOf(range(0, 99)) }, ctx);
    expect(a.record.rules.find((r) => r.rule === 'differencing')?.outcome).toBe('noised');
    expect(a.value).toBe(b.value);
  });

  it('refuses the 8th identical query within 30 days, and allows it again after the window', async () => {
    const { ctx } = permitContext();
    const q = { cohort: cohortOf(range(0, 40)), queryKey: 'q-diabetes' };
    for (let i = 0; i < 7; i++) await releaseCount(q, ctx);
    await expect(releaseCount(q, ctx)).rejects.toMatchObject({ kind: 'conflict', message: /7 times/ });
    // The same query key counts even when the people changed (e.g. new data).
    await expect(
      releaseCount({ cohort: cohortOf(range(0, 60)), queryKey: 'q-diabetes' }, ctx),
    ).rejects.toThrow(/already answered/);
    const later = { ...ctx, now: new Date('2027-04-15T12:00:00Z') };
    await expect(releaseCount(q, later)).resolves.toBeDefined();
  });

  it('needs the cohort under a permit (the guard cannot run on a bare number)', async () => {
    const { ctx } = permitContext();
    await expect(releaseCount({ count: 50 }, ctx)).rejects.toMatchObject({ kind: 'internal' });
  });
});

describe('releaseCount: differential privacy', () => {
  const dpPolicy = policyWith({
    dp: { enabled: true, epsilonPerCount: 0.5, budget: { epsilon: 1.2 } },
    differencing: { enabled: false },
    audiences: { permit_holder: { roundTo: 1 } },
  });

  it('charges ε per count to the permit and refuses once the budget would be exceeded', async () => {
    const { ctx, ledger } = permitContext(dpPolicy);
    const first = await releaseCount({ cohort: cohortOf(range(0, 200)), queryKey: 'a' }, ctx);
    expect(first.record.budget).toEqual({
      cost: { epsilon: 0.5, delta: 0 },
      total: { epsilon: 0.5, delta: 0 },
      limit: { epsilon: 1.2, delta: 1e-5 },
    });
    await releaseCount({ cohort: cohortOf(range(0, 300)), queryKey: 'b' }, ctx);
    const err = await releaseCount({ cohort: cohortOf(range(0, 400)), queryKey: 'c' }, ctx).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SdcRefusal);
    expect((err as AppError).message).toMatch(/privacy budget of permit P-2027-0042-FI would be exceeded/);
    expect((await ledger.spent('P-2027-0042-FI')).epsilon).toBeCloseTo(1.0);
  });

  it('adds integer noise whose spread matches the scale 1/ε', async () => {
    const policy = policyWith({
      dp: { enabled: true, epsilonPerCount: 0.5, budget: { epsilon: 100 } },
      differencing: { enabled: false },
      repeats: { maxRepeats: 10_000 },
      audiences: { permit_holder: { roundTo: 1, minCount: 1 } },
      threshold: 2,
    });
    const { ctx } = permitContext(policy);
    const xs: number[] = [];
    for (let i = 0; i < 190; i++)
      xs.push((await releaseCount({ cohort: cohortOf(range(0, 1000)) }, ctx)).value!);
    expect(xs.every(Number.isInteger)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    // Discrete Laplace with ε = 0.5: variance 2e^{-ε}/(1−e^{-ε})² ≈ 7.9.
    expect(Math.abs(mean - 1000)).toBeLessThan(1.5);
    expect(variance).toBeGreaterThan(4);
    expect(variance).toBeLessThan(14);
  });
});
