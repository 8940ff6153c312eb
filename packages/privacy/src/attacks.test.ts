import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SDC_POLICY } from '@openehds/core';
import { cohortOf } from './cohort';
import type { ReleaseContext } from './context';
import { releaseCount } from './counts';
import { checkModel } from './models';
import { SdcRefusal } from './record';
import { discreteLaplace, seededRng } from './rng';
import { releaseStatistic } from './statistics';
import { permitContext, policyWith } from './testing';

/**
 * The attack suite (issue 4 §2): each known attack first succeeds on the raw numbers, then is blocked
 * by the engine under the DEFAULT policy (except where a test names the policy option it exercises).
 * Population: 2,000 seeded synthetic people; the target is the only man aged 97 on the islands.
 */
interface Person {
  id: number;
  age: number;
  sex: 'F' | 'M';
  region: 'north' | 'south' | 'islands';
  diabetes: boolean;
  hba1c: number;
}

function population(): Person[] {
  const rng = seededRng('attack-population');
  const people: Person[] = [];
  for (let id = 1; id <= 2000; id++) {
    const age = 18 + Math.floor(rng.next() * 72); // 18..89: nobody over 89 but the target
    const region = (['north', 'south', 'islands'] as const)[Math.floor(rng.next() * 3)]!;
    people.push({
      id,
      age,
      sex: rng.next() < 0.5 ? 'F' : 'M',
      region,
      diabetes: rng.next() < 0.12,
      hba1c: Math.round((35 + rng.next() * 30) * 10) / 10,
    });
  }
  people.push({ id: 4242, age: 97, sex: 'M', region: 'islands', diabetes: true, hba1c: 91.3 });
  return people;
}

const people = population();
const target = people.find((p) => p.id === 4242)!;
const ids = (ps: Person[]) => cohortOf(ps.map((p) => p.id));
const diabetics = people.filter((p) => p.diabetes);

let ctx: ReleaseContext;
beforeEach(() => {
  ctx = permitContext(DEFAULT_SDC_POLICY).ctx;
});

describe('attack suite (default policy)', () => {
  it('(a) difference of two counts: cohort A, then A minus one person', async () => {
    const a = diabetics;
    const b = diabetics.filter((p) => p.id !== target.id);
    // Without the engine: the difference is exactly the target, revealing their diagnosis.
    expect(a.length - b.length).toBe(1);

    const first = await releaseCount({ cohort: ids(a) }, ctx);
    expect(first.value).not.toBeNull();
    const err = await releaseCount({ cohort: ids(b) }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SdcRefusal);
    expect((err as SdcRefusal).record.rules.find((r) => r.rule === 'differencing')?.outcome).toBe('refused');
  });

  it('(b) one-row exclusion through a filter (count and sum)', async () => {
    const a = diabetics.filter((p) => p.region === 'islands');
    // The filter "not (male and aged 95+)" looks innocent but excludes exactly one row.
    const b = a.filter((p) => !(p.sex === 'M' && p.age >= 95));
    expect(a.length - b.length).toBe(1);
    const sum = (ps: Person[]) => ps.reduce((s, p) => s + p.hba1c, 0);
    // Without the engine: the two sums give the target's HbA1c.
    expect(sum(a) - sum(b)).toBeCloseTo(target.hba1c, 6);

    await releaseCount({ cohort: ids(a) }, ctx);
    await expect(releaseCount({ cohort: ids(b) }, ctx)).rejects.toBeInstanceOf(SdcRefusal);

    const { ctx: statCtx } = permitContext(DEFAULT_SDC_POLICY);
    const first = await releaseStatistic(
      { kind: 'sum', values: a.map((p) => p.hba1c), cohort: ids(a) },
      statCtx,
    );
    expect(first.value).not.toBeNull();
    await expect(
      releaseStatistic({ kind: 'sum', values: b.map((p) => p.hba1c), cohort: ids(b) }, statCtx),
    ).rejects.toBeInstanceOf(SdcRefusal);
  });

  it('(c) mean of a tiny subgroup', async () => {
    const tiny = people.filter((p) => p.age >= 90 && p.region === 'islands');
    // Without the engine: a "mean" over one person is that person's value.
    expect(tiny.length).toBe(1);
    expect(tiny.reduce((s, p) => s + p.hba1c, 0) / tiny.length).toBe(target.hba1c);

    const out = await releaseStatistic(
      { kind: 'mean', values: tiny.map((p) => p.hba1c), cohort: ids(tiny) },
      ctx,
    );
    expect(out.value).toBeNull();
    expect(out.suppressed).toBe(true);
    expect(JSON.stringify(out)).not.toContain(String(target.hba1c));
  });

  it('(d) saturated model: one parameter per observation returns every outcome', () => {
    const sample = people.slice(0, 12);
    // Without the engine: with one indicator per person, X = I, so the OLS solution
    // β = (XᵀX)⁻¹Xᵀy = y — every coefficient is one person's outcome.
    const y = sample.map((p) => p.hba1c);
    const X = sample.map((_, i) => sample.map((__, j) => (i === j ? 1 : 0)));
    const beta = X[0]!.map((_, j) => X.reduce((s, row, i) => s + row[j]! * y[i]!, 0));
    expect(beta).toEqual(y);

    expect(() => checkModel({ observations: 12, parameters: 12 }, ctx)).toThrow(SdcRefusal);
    // Nearly saturated models are refused too (DoF 5, 25 parameters for 30 observations).
    expect(() => checkModel({ observations: 30, parameters: 25 }, ctx)).toThrow(/degrees of freedom/);
  });

  it('(e1) repeated noisy queries: fresh noise averages away; cell-key noise does not, and repeats lock out', async () => {
    const a = diabetics;
    const b = diabetics.filter((p) => p.id !== target.id);
    // Without the engine: fresh Laplace noise per query; 2,000 answers average to the true count,
    // so A and A−1 become distinguishable.
    const rng = seededRng('naive-noise');
    const avg = (n: number) => {
      let s = 0;
      for (let i = 0; i < 2000; i++) s += n + discreteLaplace(0.5, rng);
      return s / 2000;
    };
    expect(Math.abs(avg(a.length) - a.length)).toBeLessThan(0.3);
    expect(Math.round(avg(a.length)) - Math.round(avg(b.length))).toBe(1);

    // With the engine: the same people always get the same answer, and the 8th repeat is refused.
    const answers = new Set<number | null>();
    for (let i = 0; i < 7; i++)
      answers.add((await releaseCount({ cohort: ids(a), queryKey: 'dm' }, ctx)).value);
    expect(answers.size).toBe(1);
    await expect(releaseCount({ cohort: ids(a), queryKey: 'dm' }, ctx)).rejects.toThrow(/7 times/);
    // Rephrasing the query (a new key, the same people) still counts as a repeat.
    await expect(releaseCount({ cohort: ids([...a].reverse()), queryKey: 'dm-v2' }, ctx)).rejects.toThrow(
      /already answered/,
    );
  });

  it('(e2) repeated queries under differential privacy: the permit budget runs out', async () => {
    // Policy option exercised: DP on (the repeat lockout raised so that only the budget stops it).
    const policy = policyWith({
      dp: { enabled: true, epsilonPerCount: 0.5, budget: { epsilon: 3 } },
      repeats: { maxRepeats: 1000 },
    });
    const { ctx: dpCtx } = permitContext(policy);
    const answers: number[] = [];
    let refusal: unknown;
    for (let i = 0; i < 100 && !refusal; i++) {
      try {
        const v = (await releaseCount({ cohort: ids(diabetics) }, dpCtx)).value;
        if (v !== null) answers.push(v);
      } catch (e) {
        refusal = e;
      }
    }
    expect(answers.length).toBe(6); // ε 3 / 0.5 per query
    expect(refusal).toBeInstanceOf(SdcRefusal);
    expect((refusal as SdcRefusal).kind).toBe('conflict');
    expect((refusal as SdcRefusal).message).toMatch(/privacy budget/);
  });
});
