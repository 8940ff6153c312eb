import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { fitGlmInProcess } from './glm-local';
import { syntheticCohort } from './synthetic';
import { poolColumns } from './test-support';

// Three nodes of unequal size with shifted covariates, as real data holders would differ.
const nodes = [syntheticCohort(1200, 11, 0), syntheticCohort(400, 12, 1), syntheticCohort(2500, 13, -1)];
const pooled = poolColumns(nodes);

const MODELS = [
  { family: 'binomial', formula: 'diabetes ~ age + sex + bmi + region' },
  { family: 'poisson', formula: 'visits ~ age + sex + diabetes + region' },
  { family: 'gaussian', formula: 'sbp ~ age * sex + bmi' },
] as const;

describe('exact federated GLM', () => {
  for (const { family, formula } of MODELS)
    it(`${family}: three nodes give the pooled fit's coefficients and SEs to 1e-6`, async () => {
      // Execute
      const fed = await fitGlmInProcess(nodes, formula, family);
      const one = await fitGlmInProcess([pooled], formula, family);
      // Assert
      expect(fed.converged).toBe(true);
      expect(fed.n).toBe(4100);
      expect(fed.coefficients.map((c) => c.name)).toEqual(one.coefficients.map((c) => c.name));
      fed.coefficients.forEach((c, j) => {
        expect(Math.abs(c.estimate - one.coefficients[j]!.estimate)).toBeLessThan(1e-6);
        expect(Math.abs(c.stdError - one.coefficients[j]!.stdError)).toBeLessThan(1e-6);
        expect(c.stdError).toBeGreaterThan(0);
      });
      expect(fed.deviance).toBeCloseTo(one.deviance, 6);
      expect(fed.aic).toBeCloseTo(one.aic, 6);
      expect(fed.iterations).toBe(one.iterations);
      expect(fed.warnings).toEqual([]);
    });

  it('recovers the generating logistic model on a large sample', async () => {
    const big = [syntheticCohort(20000, 21, 0), syntheticCohort(15000, 22, 0)];
    const fit = await fitGlmInProcess(big, 'diabetes ~ age + sex + bmi', 'binomial');
    const est = Object.fromEntries(fit.coefficients.map((c) => [c.name, c]));
    // True values 0.05, 0.3, 0.15 (synthetic.ts); region omitted shifts only the intercept.
    expect(Math.abs(est.age!.estimate - 0.05) / est.age!.stdError).toBeLessThan(4);
    expect(Math.abs(est.sexmale!.estimate - 0.3) / est.sexmale!.stdError).toBeLessThan(4);
    expect(Math.abs(est.bmi!.estimate - 0.15) / est.bmi!.stdError).toBeLessThan(4);
  });

  it('returns per node what a disclosure check needs', async () => {
    const fit = await fitGlmInProcess(nodes, 'diabetes ~ age + sex + region', 'binomial');
    expect(fit.nodes.map((d) => d.n)).toEqual([1200, 400, 2500]);
    const d0 = fit.nodes[0]!;
    expect(d0.parameters).toBe(6);
    expect(d0.residualDf).toBe(1194);
    const sexCounts = d0.levelCounts.sex!;
    expect(sexCounts.female! + sexCounts.male!).toBe(1200);
    expect(sexCounts.female).toBe(nodes[0]!.sex.filter((s) => s === 'female').length);
    expect(Object.keys(d0.levelCounts.region!).sort()).toEqual(['east', 'north', 'south', 'west']);
    expect(d0.outcomeCounts!['1']).toBe(nodes[0]!.diabetes.filter((v) => v === 1).length);
  });

  it('drops the intercept with - 1 and codes the first factor with all its levels, as R does', async () => {
    const fit = await fitGlmInProcess(nodes, 'sbp ~ sex + age - 1', 'gaussian');
    expect(fit.coefficients.map((c) => c.name)).toEqual(['sexfemale', 'sexmale', 'age']);
    const withIntercept = await fitGlmInProcess(nodes, 'sbp ~ sex + age', 'gaussian');
    // Same model space, so the same deviance.
    expect(fit.deviance).toBeCloseTo(withIntercept.deviance, 6);
    expect(fit.dfNull).toBe(4100);
  });

  it('drops rows with a missing value (na.omit) and says how many per node', async () => {
    const withGaps = { ...nodes[1]!, bmi: nodes[1]!.bmi.map((v, i) => (i % 10 === 0 ? null : v)) };
    const fit = await fitGlmInProcess([nodes[0]!, withGaps], 'sbp ~ bmi', 'gaussian');
    expect(fit.nodes[1]!.dropped).toBe(40);
    expect(fit.n).toBe(1200 + 360);
  });

  it('accepts a two-class string outcome, the second sorted class being the event', async () => {
    const labelled = nodes.map((d) => ({ ...d, dm: d.diabetes.map((v) => (v ? 'yes' : 'no')) }));
    const a = await fitGlmInProcess(labelled, 'dm ~ age + bmi', 'binomial');
    const b = await fitGlmInProcess(nodes, 'diabetes ~ age + bmi', 'binomial');
    expect(a.coefficients[1]!.estimate).toBeCloseTo(b.coefficients[1]!.estimate, 10);
    expect(a.nodes[0]!.outcomeCounts).toEqual({
      no: nodes[0]!.diabetes.filter((v) => v === 0).length,
      yes: nodes[0]!.diabetes.filter((v) => v === 1).length,
    });
  });
});

describe('edge cases', () => {
  it('complete separation in a logistic regression is an invalid error naming the covariate, not NaNs', async () => {
    const x = Array.from({ length: 60 }, (_, i) => i / 10);
    const data = { y: x.map((v) => (v > 3 ? 1 : 0)), x, z: x.map((_, i) => (i * 7) % 5) };
    const err = await fitGlmInProcess([data], 'y ~ x + z', 'binomial').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('invalid');
    expect((err as AppError).message).toMatch(/perfect separation/);
    expect((err as AppError).message).toMatch(/'x'/);
  });

  it('quasi-complete separation finishes with finite numbers and a warning naming the covariate', async () => {
    // Level "c" of g has only events; the other levels are mixed.
    const g = Array.from({ length: 90 }, (_, i) => ['a', 'b', 'c'][i % 3]!);
    const y = g.map((l, i) => (l === 'c' ? 1 : (i * 13) % 7 < 3 ? 1 : 0));
    const x = g.map((_, i) => ((i * 17) % 11) / 3);
    const fit = await fitGlmInProcess([{ y, g, x }], 'y ~ x + g', 'binomial');
    expect(fit.warnings.join(' ')).toMatch(/quasi-complete separation likely: 'gc'/);
    // The fit itself is R's (checked against glm() by hand: gc = 19.83810911, SE 1962.38265).
    expect(fit.coefficients[3]!.estimate).toBeCloseTo(19.83810911, 6);
    for (const c of fit.coefficients) expect(Number.isFinite(c.stdError)).toBe(true);
  });

  it('a singular design (collinear columns) is an invalid error naming the columns', async () => {
    const data = { ...nodes[0]!, bmi2: nodes[0]!.bmi.map((v, i) => 2 * v - nodes[0]!.age[i]!) };
    const err = await fitGlmInProcess([data], 'sbp ~ age + bmi + bmi2', 'gaussian').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/singular design/);
    expect((err as AppError).message).toMatch(/'bmi2' is a linear combination of 'age', 'bmi'/);
    expect((err as AppError).issues[0]!.path).toBe('bmi2');
  });

  it('a factor with one level and a non-binary outcome are refused with the variable named', async () => {
    const one = { ...nodes[0]!, site: nodes[0]!.sex.map(() => 'A') };
    await expect(fitGlmInProcess([one], 'sbp ~ site', 'gaussian')).rejects.toThrow(
      /'site' has only one level/,
    );
    await expect(fitGlmInProcess([nodes[0]!], 'region ~ age', 'binomial')).rejects.toThrow(
      /exactly two classes; found 4/,
    );
    await expect(fitGlmInProcess([nodes[0]!], 'sbp ~ weight', 'gaussian')).rejects.toThrow(
      /no column named 'weight'/,
    );
  });

  it('a variable numeric at one node and categorical at another is refused', async () => {
    const coded = { ...nodes[1]!, sex: nodes[1]!.sex.map((s) => (s === 'male' ? 1 : 0)) };
    await expect(fitGlmInProcess([nodes[0]!, coded], 'sbp ~ sex', 'gaussian')).rejects.toThrow(
      /'sex' is numeric at some nodes and categorical at others/,
    );
  });
});
