/**
 * Oracle: the federated GLM and KM against R itself (`glm()`, and a Kaplan–Meier computed by hand in
 * base R, since the `survival` package is not installed here). Needs Rscript (Debian r-base-core):
 * outside CI the suite is skipped with a printed reason; in CI a missing Rscript fails it (DESIGN.md §5).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitGlmInProcess } from './glm-local';
import { localContingency, mergeContingency } from './contingency';
import { federatedKaplanMeier, localRiskTable } from './kaplan-meier';
import { syntheticCohort } from './synthetic';
import { poolColumns } from './test-support';

function hasRscript(): boolean {
  return spawnSync('Rscript', ['--version'], { stdio: 'ignore' }).status === 0;
}
const rscript = hasRscript();
if (!rscript && process.env.CI === 'true')
  throw new Error('Rscript is required in CI (Debian package r-base-core)');
if (!rscript) console.warn('skipping the R oracle for the federated GLM and KM: Rscript is not installed');

const dir = mkdtempSync(join(tmpdir(), 'glm-oracle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Three unequal nodes; the oracle sees their rows pooled in one CSV.
const nodes = [syntheticCohort(700, 31, 0), syntheticCohort(250, 32, 1), syntheticCohort(1300, 33, -1)];
const pooled = poolColumns(nodes);
const COLUMNS = ['age', 'sex', 'bmi', 'region', 'diabetes', 'visits', 'sbp', 'time', 'status'];
const csv = join(dir, 'pooled.csv');
writeFileSync(
  csv,
  [COLUMNS.join(','), ...pooled.age!.map((_, i) => COLUMNS.map((c) => String(pooled[c]![i])).join(','))].join(
    '\n',
  ) + '\n',
);

/** Runs an R script and returns its stdout lines split on tabs. */
function runR(script: string): string[][] {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.R`);
  writeFileSync(file, script);
  const r = spawnSync('Rscript', ['--vanilla', file], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
}

const MODELS = [
  { family: 'binomial', formula: 'diabetes ~ age + sex + bmi + region' },
  { family: 'poisson', formula: 'visits ~ age + sex + diabetes + region' },
  { family: 'gaussian', formula: 'sbp ~ age * sex + bmi' },
  { family: 'gaussian', formula: 'sbp ~ region + age:sex - 1' },
  // sex coded by contrasts, region within sex by all its levels but the first (R's margin rule).
  { family: 'binomial', formula: 'diabetes ~ bmi + sex + sex:region' },
] as const;

describe.skipIf(!rscript)('R oracle', () => {
  for (const { family, formula } of MODELS)
    it(`${family} ${formula}: federated fit equals R's glm() on the pooled rows to 1e-6`, async () => {
      // Prepare: R's fit of the pooled CSV, every number printed with 17 significant digits.
      const out = runR(`
d <- read.csv('${csv}', stringsAsFactors = TRUE)
m <- glm(${formula}, family = ${family}, data = d)
s <- summary(m)$coefficients
f <- function(x) sprintf('%.17g', x)
line <- function(...) cat(paste(..., sep = '\\t'), '\\n', sep = '')
for (i in seq_len(nrow(s))) line('coef', rownames(s)[i], f(s[i, 1]), f(s[i, 2]), f(s[i, 3]), f(s[i, 4]))
line('fit', f(deviance(m)), f(m$null.deviance), f(AIC(m)), m$iter, m$df.residual, m$df.null)
`);
      // Execute
      const fit = await fitGlmInProcess(nodes, formula, family);
      // Assert
      const coefs = out.filter((l) => l[0] === 'coef');
      expect(fit.coefficients.map((c) => c.name)).toEqual(coefs.map((l) => l[1]));
      coefs.forEach((l, j) => {
        const c = fit.coefficients[j]!;
        expect(Math.abs(c.estimate - Number(l[2]))).toBeLessThan(1e-6);
        expect(Math.abs(c.stdError - Number(l[3]))).toBeLessThan(1e-6);
        expect(Math.abs(c.statistic - Number(l[4]))).toBeLessThan(1e-6);
        // p-values span many orders of magnitude: compare relatively.
        expect(Math.abs(c.pValue - Number(l[5]))).toBeLessThanOrEqual(1e-6 * Math.max(Number(l[5]), 1e-300));
      });
      const [, dev, nullDev, aic, iter, dfRes, dfNull] = out.find((l) => l[0] === 'fit')!;
      expect(Math.abs(fit.deviance - Number(dev))).toBeLessThan(1e-6);
      expect(Math.abs(fit.nullDeviance - Number(nullDev))).toBeLessThan(1e-6);
      expect(Math.abs(fit.aic - Number(aic))).toBeLessThan(1e-6);
      expect(fit.iterations).toBe(Number(iter));
      expect(fit.dfResidual).toBe(Number(dfRes));
      expect(fit.dfNull).toBe(Number(dfNull));
    });

  it('federated Kaplan–Meier by sex equals a base-R product-limit estimate of the pooled rows', () => {
    // Prepare: KM with Greenwood SE and log-type 95% limits, written out in base R.
    const out = runR(`
d <- read.csv('${csv}', stringsAsFactors = TRUE)
f <- function(x) sprintf('%.17g', x)
for (g in levels(d$sex)) {
  s <- d[d$sex == g, ]
  times <- sort(unique(s$time))
  nrisk <- sapply(times, function(u) sum(s$time >= u))
  nev <- sapply(times, function(u) sum(s$time == u & s$status == 1))
  ncen <- sapply(times, function(u) sum(s$time == u & s$status == 0))
  surv <- cumprod(1 - nev / nrisk)
  se <- sqrt(cumsum(ifelse(nev > 0, nev / (nrisk * (nrisk - nev)), 0)))
  z <- qnorm(0.975)
  lo <- exp(log(surv) - z * se); hi <- pmin(1, exp(log(surv) + z * se))
  for (i in seq_along(times)) cat(paste(g, f(times[i]), nrisk[i], nev[i], ncen[i], f(surv[i]), f(se[i]), f(lo[i]), f(hi[i]), sep = '\\t'), '\\n', sep = '')
}
`);
    // Execute
    const curves = federatedKaplanMeier(
      nodes.map((d) => localRiskTable(d, { time: 'time', status: 'status', group: 'sex' })),
    );
    // Assert
    const points = curves.flatMap((c) => c.points.map((p) => ({ group: c.group, ...p })));
    expect(points.length).toBe(out.length);
    points.forEach((p, i) => {
      const [g, time, nrisk, nev, ncen, surv, se, lo, hi] = out[i]!;
      expect([p.group, p.time, p.nRisk, p.nEvent, p.nCensor]).toEqual([
        g,
        Number(time),
        Number(nrisk),
        Number(nev),
        Number(ncen),
      ]);
      expect(Math.abs(p.survival - Number(surv))).toBeLessThan(1e-12);
      expect(Math.abs(p.stdErrLog! - Number(se))).toBeLessThan(1e-12);
      expect(Math.abs(p.lower! - Number(lo))).toBeLessThan(1e-9);
      expect(Math.abs(p.upper! - Number(hi))).toBeLessThan(1e-9);
    });
  });
  it("federated region × sex table's Pearson χ² equals R's chisq.test(correct = FALSE)", () => {
    const [stat, df, p] = runR(`
d <- read.csv('${csv}', stringsAsFactors = TRUE)
t <- chisq.test(table(d$region, d$sex), correct = FALSE)
cat(paste(sprintf('%.17g', t$statistic), t$parameter, sprintf('%.17g', t$p.value), sep = '\\t'), '\\n', sep = '')
`)[0]!;
    const fed = mergeContingency(nodes.map((d) => localContingency(d, 'region', 'sex')));
    expect(Math.abs(fed.chiSquare!.statistic - Number(stat))).toBeLessThan(1e-9);
    expect(fed.chiSquare!.df).toBe(Number(df));
    expect(Math.abs(fed.chiSquare!.pValue - Number(p))).toBeLessThan(1e-9);
  });
});
