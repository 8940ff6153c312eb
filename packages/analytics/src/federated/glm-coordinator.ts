/**
 * Coordinator side of the exact federated GLM: R's `glm.fit` IRLS loop with each weighted
 * least-squares step's sums (XᵀWX, XᵀWz, deviance) added up over the nodes instead of computed on
 * one table. Same start (`mustart`), same step, same convergence test (|Δdev|/(|dev|+0.1) < 1e-8,
 * at most 25 iterations), same step-halving on a non-finite deviance, and standard errors from the
 * information of the last step, as `summary.glm` takes them from the last QR — so the result
 * equals a pooled `glm()` to round-off, not to an approximation.
 */
import { invalid } from '@openehds/core';
import type { DesignSpec } from './design';
import { normalTwoSided, studentTwoSided } from './distributions';
import { glmFamily } from './glm-family';
import type { GlmContribution, GlmRequest, NodeDisclosure } from './glm-node';
import { cholesky, choleskyInverse, choleskySolve, type CholeskyResult } from './linalg';

/** One node as the coordinator sees it: send a request, get its sums back (HTTP, in-memory, …). */
export type GlmContributor = (request: GlmRequest) => Promise<GlmContribution>;

/** Control of the IRLS loop (R's `glm.control`). */
export interface GlmControl {
  /** Relative deviance change that counts as converged. Default 1e-8. */
  epsilon?: number;
  /** Maximum IRLS iterations. Default 25. */
  maxit?: number;
}

/** One row of the coefficient table. */
export interface GlmCoefficient {
  name: string;
  estimate: number;
  stdError: number;
  /** z value (binomial, poisson) or t value (gaussian). */
  statistic: number;
  pValue: number;
}

/** A fitted federated GLM, shaped like R's `summary(glm(...))`. */
export interface FederatedGlmResult {
  formula: string;
  family: DesignSpec['family'];
  link: 'identity' | 'logit' | 'log';
  statistic: 'z' | 't';
  coefficients: GlmCoefficient[];
  /** Covariance of the estimates (dispersion × (XᵀWX)⁻¹), row-major p×p. */
  covariance: number[];
  dispersion: number;
  deviance: number;
  nullDeviance: number;
  dfResidual: number;
  dfNull: number;
  aic: number;
  iterations: number;
  converged: boolean;
  n: number;
  warnings: string[];
  /** Per node, what the disclosure check needs (from the last round). */
  nodes: NodeDisclosure[];
  /** Rounds of node calls made (iterations + the starting round + any step-halving). */
  rounds: number;
}

interface Pooled {
  n: number;
  p: number;
  information: Float64Array;
  xtwz: Float64Array;
  deviance: number;
  minusTwoLogLik: number;
  sumY: number;
  nullDeviance: number | null;
  boundary: number;
  nodes: NodeDisclosure[];
}

function sum(parts: GlmContribution[], p: number): Pooled {
  const out: Pooled = {
    n: 0,
    p,
    information: new Float64Array(p * p),
    xtwz: new Float64Array(p),
    deviance: 0,
    minusTwoLogLik: 0,
    sumY: 0,
    nullDeviance: 0,
    boundary: 0,
    nodes: [],
  };
  for (const c of parts) {
    if (c.p !== p || c.information.length !== p * p || c.xtwz.length !== p)
      throw invalid(`a node returned sums for ${c.p} columns; the design has ${p}`);
    out.n += c.n;
    for (let i = 0; i < p * p; i++) out.information[i]! += c.information[i]!;
    for (let i = 0; i < p; i++) out.xtwz[i]! += c.xtwz[i]!;
    out.deviance += c.deviance;
    out.minusTwoLogLik += c.minusTwoLogLik;
    out.sumY += c.sumY;
    out.nullDeviance =
      out.nullDeviance === null || c.nullDeviance === null ? null : out.nullDeviance + c.nullDeviance;
    out.boundary += c.boundary;
    out.nodes.push(c.disclosure);
  }
  return out;
}

/**
 * Fits a GLM over several nodes by iterating rounds of node sums; `contributors` are the nodes
 * (a function per node, so the lead can plug in HTTP calls, the in-memory transport, or local code).
 */
export async function fitFederatedGlm(
  contributors: readonly GlmContributor[],
  spec: DesignSpec,
  control: GlmControl = {},
): Promise<FederatedGlmResult> {
  const epsilon = control.epsilon ?? 1e-8;
  const maxit = control.maxit ?? 25;
  const fam = glmFamily(spec.family);
  const names = spec.columns.map((c) => c.name);
  const p = names.length;
  const intercept = names[0] === '(Intercept)';
  if (contributors.length === 0) throw invalid('a federated fit needs at least one node');
  let rounds = 0;
  const round = async (request: GlmRequest) => {
    rounds++;
    return sum(await Promise.all(contributors.map((c) => c(request))), p);
  };

  // Round 0: R's start from mustart; also gives n and Σy for the null model's mean.
  let current = await round({ beta: null, nullMu: null });
  const n = current.n;
  if (n === 0) throw invalid('no complete cases at any node');
  if (n <= p && fam.estimatesDispersion)
    throw invalid(
      `${n} complete cases for ${p} coefficients: no residual degrees of freedom; simplify the model`,
    );
  const nullMu = intercept ? current.sumY / n : fam.linkinv(0);
  const initial = cholesky(current.information, p);
  if (!initial.ok) throw singular(initial, names);

  let devold = current.deviance;
  let betaOld: Float64Array | null = null;
  let beta: Float64Array = new Float64Array(p);
  let lastFit: CholeskyResult & { ok: true } = initial;
  let final: Pooled = current;
  let converged = false;
  let iterations = 0;
  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    const fac = iter === 1 ? initial : cholesky(current.information, p);
    if (!fac.ok) {
      if (current.boundary > 0) throw separation(spec, names, beta, betaOld);
      throw singular(fac, names);
    }
    lastFit = fac;
    beta = choleskySolve(fac, current.xtwz);
    let res = await round({ beta: Array.from(beta), nullMu });
    // R's step-halving when the deviance is not finite (e.g. exp overflow in the log link).
    for (let halving = 0; !Number.isFinite(res.deviance); halving++) {
      if (!betaOld || halving >= maxit)
        throw invalid(
          'no valid set of coefficients: the deviance is not finite at the first step; check the response and covariates',
        );
      for (let j = 0; j < p; j++) beta[j] = (beta[j]! + betaOld[j]!) / 2;
      res = await round({ beta: Array.from(beta), nullMu });
    }
    final = res;
    if (Math.abs(res.deviance - devold) / (Math.abs(res.deviance) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devold = res.deviance;
    betaOld = Float64Array.from(beta);
    current = res;
  }

  const warnings: string[] = [];
  if (!converged) warnings.push(`glm.fit: algorithm did not converge in ${maxit} iterations`);
  if (spec.family === 'binomial' && final.boundary > 0) {
    const nullDev = final.nullDeviance ?? Infinity;
    // Complete separation: the fit drives the deviance to zero and the coefficients to ±∞.
    if (final.deviance < 1e-6 * Math.max(1, nullDev)) throw separation(spec, names, beta, betaOld);
    warnings.push(
      `glm.fit: fitted probabilities numerically 0 or 1 occurred (${final.boundary} rows): quasi-complete separation, ` +
        `the estimates and standard errors of ${diverging(names, beta, betaOld).join(', ')} are not reliable`,
    );
  }
  if (spec.family === 'poisson' && final.boundary > 0)
    warnings.push(`glm.fit: fitted rates numerically 0 occurred (${final.boundary} rows)`);

  const dfResidual = n - p;
  const dispersion = fam.estimatesDispersion ? final.deviance / dfResidual : 1;
  const unscaled = choleskyInverse(lastFit);
  const covariance = Array.from(unscaled, (v) => v * dispersion);
  const coefficients = names.map((name, j) => {
    const estimate = beta[j]!;
    const stdError = Math.sqrt(covariance[j * p + j]!);
    const statistic = estimate / stdError;
    const pValue = fam.estimatesDispersion
      ? studentTwoSided(statistic, dfResidual)
      : normalTwoSided(statistic);
    return { name, estimate, stdError, statistic, pValue };
  });
  // R gives no warning for quasi-complete separation (a level with only events, say); its
  // signature is a huge estimate with a still larger SE. Say so rather than print a 19.8 ± 1962.
  if (!fam.estimatesDispersion) {
    const suspicious = coefficients.filter(
      (c) => c.name !== '(Intercept)' && Math.abs(c.estimate) >= 10 && c.stdError >= Math.abs(c.estimate),
    );
    if (suspicious.length)
      warnings.push(
        `quasi-complete separation likely: ${suspicious
          .map((c) => `'${c.name}' (estimate ${c.estimate.toPrecision(4)}, SE ${c.stdError.toPrecision(4)})`)
          .join(
            ', ',
          )} is pushed towards ±∞ by a subgroup with only one outcome; merge or drop that level/covariate`,
      );
  }
  const aic = fam.estimatesDispersion
    ? n * (Math.log((2 * Math.PI * final.deviance) / n) + 1) + 2 + 2 * p
    : final.minusTwoLogLik + 2 * p;

  const result: FederatedGlmResult = {
    formula: spec.formula,
    family: spec.family,
    link: fam.link,
    statistic: fam.estimatesDispersion ? 't' : 'z',
    coefficients,
    covariance,
    dispersion,
    deviance: final.deviance,
    nullDeviance: final.nullDeviance ?? NaN,
    dfResidual,
    dfNull: n - (intercept ? 1 : 0),
    aic,
    iterations,
    converged,
    n,
    warnings,
    nodes: final.nodes,
    rounds,
  };
  const bad = [
    ...coefficients.flatMap((c) => [c.estimate, c.stdError, c.statistic, c.pValue]),
    result.deviance,
    result.nullDeviance,
    result.aic,
  ].some((v) => !Number.isFinite(v));
  if (bad)
    throw invalid(
      `the ${spec.family} fit of '${spec.formula}' gave non-finite estimates; the model is not estimable on these data`,
    );
  return result;
}

function singular(f: CholeskyResult & { ok: false }, names: string[]) {
  const detail = f.aliased.map(
    (a) =>
      `'${names[a.column]}'` +
      (a.dependsOn.length
        ? ` is a linear combination of ${a.dependsOn.map((d) => `'${names[d]}'`).join(', ')}`
        : ' is constant zero'),
  );
  return invalid(`singular design (collinear columns): ${detail.join('; ')}; drop or merge these columns`, [
    ...f.aliased.map((a, i) => ({ path: names[a.column]!, message: detail[i]! })),
  ]);
}

/** Columns whose coefficients moved most in the last step: the direction the fit diverges in. */
function diverging(names: string[], beta: Float64Array, betaOld: Float64Array | null): string[] {
  const steps = names.map((_, j) => Math.abs(beta[j]! - (betaOld?.[j] ?? 0)));
  const top = Math.max(...steps);
  return names.filter((name, j) => name !== '(Intercept)' && steps[j]! >= 0.1 * top);
}

function separation(spec: DesignSpec, names: string[], beta: Float64Array, betaOld: Float64Array | null) {
  const cols = diverging(names, beta, betaOld);
  return invalid(
    `perfect separation in the logistic regression '${spec.formula}': the outcome is predicted exactly by ` +
      `${cols.length ? cols.map((c) => `'${c}'`).join(', ') : 'the covariates'}, so the maximum-likelihood ` +
      'coefficients are infinite; remove or coarsen that covariate, or merge its levels',
    cols.map((c) => ({ path: c, message: 'separates the outcome' })),
  );
}
