/**
 * Node side of the exact federated GLM. For the coefficients the coordinator sends, a node returns
 * only sums over its rows: the Fisher information XᵀWX (p×p), XᵀWz (p), the score Xᵀ(y−μ)·μ'/V,
 * the deviance and −2·log-likelihood, and counts. These sums add up across nodes to exactly what
 * one IRLS step on the pooled data computes, which is why the federated fit equals the pooled one.
 */
import { invalid } from '@openehds/core';
import { completeRows, levelOf, type DataColumns } from './data';
import type { DesignSpec } from './design';
import { BOUNDARY_EPS, glmFamily } from './glm-family';

/** What a disclosure check needs from a node about one model fit (issue 4 §2). */
export interface NodeDisclosure {
  /** Rows used (complete cases). */
  n: number;
  /** Rows left out for a missing value. */
  dropped: number;
  /** Number of coefficients. */
  parameters: number;
  /** n − parameters. */
  residualDf: number;
  /** Count per level of each categorical covariate (levels absent here count 0). */
  levelCounts: Record<string, Record<string, number>>;
  /** Count per outcome class (binomial), else null. */
  outcomeCounts: Record<string, number> | null;
}

/** A node's rows of X and y for one design spec, built once and reused across iterations. */
export interface LocalDesign {
  spec: DesignSpec;
  n: number;
  p: number;
  /** Row-major n×p. */
  x: Float64Array;
  y: Float64Array;
  disclosure: NodeDisclosure;
}

/** One round's request from the coordinator. */
export interface GlmRequest {
  /** Current coefficients; null on the first round, which starts from R's `mustart` instead. */
  beta: number[] | null;
  /** Mean of the intercept-only model, once known, for the null deviance; else null. */
  nullMu: number | null;
}

/** One node's sums for one round. Arrays are plain so the record serialises as JSON. */
export interface GlmContribution {
  n: number;
  p: number;
  /** XᵀWX, row-major p×p. */
  information: number[];
  /** XᵀWz with z the working response. */
  xtwz: number[];
  /** Score (gradient of the log-likelihood): Xᵀ((y−μ)·μ'(η)/V(μ)). */
  score: number[];
  /** Σ unit deviances at the current coefficients (the RSS for gaussian). */
  deviance: number;
  /** Σ −2·log-likelihood (binomial, poisson; 0 for gaussian). */
  minusTwoLogLik: number;
  /** Σ y, for the intercept-only mean. */
  sumY: number;
  /** Σ unit deviances at `nullMu`, or null when not requested. */
  nullDeviance: number | null;
  /** Rows with a fitted mean numerically on the boundary (μ≈0 or 1), R's warning condition. */
  boundary: number;
  disclosure: NodeDisclosure;
}

/** Builds a node's X and y from its data for a spec the coordinator merged. */
export function prepareLocalDesign(data: DataColumns, spec: DesignSpec): LocalDesign {
  const variables = Object.keys(spec.variables);
  const rows = completeRows(data, [spec.response.variable, ...variables]);
  const n = rows.length;
  const p = spec.columns.length;
  const total = data[spec.response.variable]!.length;

  // Numeric values and level indices per variable, then X column by column.
  const numeric: Record<string, Float64Array> = {};
  const level: Record<string, Int32Array> = {};
  const levelCounts: Record<string, Record<string, number>> = {};
  for (const v of variables) {
    const info = spec.variables[v]!;
    const col = data[v]!;
    if (info.kind === 'numeric') {
      const a = new Float64Array(n);
      rows.forEach((r, i) => {
        const c = col[r];
        if (typeof c !== 'number')
          throw invalid(`column '${v}' holds '${String(c)}' but the design treats it as numeric`, [
            { path: v, message: 'not a number' },
          ]);
        a[i] = c;
      });
      numeric[v] = a;
    } else {
      const index = new Map(info.levels.map((l, i) => [l, i]));
      const a = new Int32Array(n);
      const counts = Object.fromEntries(info.levels.map((l) => [l, 0]));
      rows.forEach((r, i) => {
        const l = levelOf(col[r]);
        const k = index.get(l);
        if (k === undefined)
          throw invalid(`column '${v}' has level '${l}' unknown to the design spec; rebuild the spec`, [
            { path: v, message: `unknown level '${l}'` },
          ]);
        a[i] = k;
        counts[l]! += 1;
      });
      level[v] = a;
      levelCounts[v] = counts;
    }
  }

  const x = new Float64Array(n * p);
  spec.columns.forEach((column, j) => {
    // Each part as a numeric column or a (level codes, wanted level) pair.
    const parts = column.parts.map((part) => {
      if (part.kind === 'numeric') return { values: numeric[part.variable]!, codes: null, want: -1 };
      const info = spec.variables[part.variable]!;
      const want = info.kind === 'categorical' ? info.levels.indexOf(part.level) : -1;
      return { values: null, codes: level[part.variable]!, want };
    });
    for (let i = 0; i < n; i++) {
      let value = 1;
      for (const part of parts) value *= part.values ? part.values[i]! : part.codes![i] === part.want ? 1 : 0;
      x[i * p + j] = value;
    }
  });

  const y = new Float64Array(n);
  const ycol = data[spec.response.variable]!;
  let outcomeCounts: Record<string, number> | null = null;
  if (spec.response.kind === 'binary') {
    const success = spec.response.success;
    outcomeCounts = {};
    rows.forEach((r, i) => {
      const l = levelOf(ycol[r]);
      outcomeCounts![l] = (outcomeCounts![l] ?? 0) + 1;
      y[i] = l === success ? 1 : 0;
    });
  } else {
    rows.forEach((r, i) => {
      const c = ycol[r];
      if (typeof c !== 'number')
        throw invalid(`response '${spec.response.variable}' holds '${String(c)}'; expected a number`, [
          { path: spec.response.variable, message: 'not a number' },
        ]);
      y[i] = c;
    });
    if (spec.family === 'binomial') {
      outcomeCounts = { '0': 0, '1': 0 };
      for (const v of y) {
        if (v !== 0 && v !== 1)
          throw invalid(`binomial response '${spec.response.variable}' must be 0/1; found ${v}`, [
            { path: spec.response.variable, message: 'not 0/1' },
          ]);
        outcomeCounts[String(v)]! += 1;
      }
    }
  }
  if (spec.family === 'poisson')
    for (const v of y)
      if (!(v >= 0))
        throw invalid(
          `poisson response '${spec.response.variable}' must be a non-negative count; found ${v}`,
          [{ path: spec.response.variable, message: 'negative count' }],
        );

  return {
    spec,
    n,
    p,
    x,
    y,
    disclosure: { n, dropped: total - n, parameters: p, residualDf: n - p, levelCounts, outcomeCounts },
  };
}

/**
 * Node side of one IRLS round: the sums over this node's rows at the coordinator's coefficients.
 * Accepts raw columns (building X each call) or a prepared design (what a node should cache).
 */
export function localGlmContribution(
  data: DataColumns | LocalDesign,
  spec: DesignSpec,
  request: GlmRequest,
): GlmContribution {
  const d = isLocalDesign(data) ? data : prepareLocalDesign(data, spec);
  const { n, p, x, y } = d;
  const fam = glmFamily(spec.family);
  const beta = request.beta;
  if (beta && beta.length !== p)
    throw invalid(`coefficient vector has ${beta.length} entries; the design has ${p} columns`);

  const info = new Float64Array(p * p);
  const xtwz = new Float64Array(p);
  const score = new Float64Array(p);
  let deviance = 0;
  let m2ll = 0;
  let sumY = 0;
  let nullDeviance = request.nullMu === null ? null : 0;
  let boundary = 0;
  const checkBoundary = spec.family !== 'gaussian';

  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    const off = i * p;
    let eta: number;
    let mu: number;
    if (beta) {
      eta = 0;
      for (let j = 0; j < p; j++) eta += x[off + j]! * beta[j]!;
      mu = fam.linkinv(eta);
    } else {
      // R's first iteration starts from mustart, not from coefficients.
      mu = fam.start(yi);
      eta = fam.linkfun(mu);
    }
    const me = fam.muEta(eta);
    const v = fam.variance(mu);
    const w = (me * me) / v;
    const z = eta + (yi - mu) / me;
    const u = ((yi - mu) * me) / v;
    for (let j = 0; j < p; j++) {
      const xj = x[off + j]!;
      if (xj === 0) continue;
      const wxj = w * xj;
      xtwz[j]! += wxj * z;
      score[j]! += xj * u;
      const row = j * p;
      for (let k = j; k < p; k++) info[row + k]! += wxj * x[off + k]!;
    }
    deviance += fam.devResid(yi, mu);
    m2ll += fam.minusTwoLogLik(yi, mu);
    sumY += yi;
    if (nullDeviance !== null) nullDeviance += fam.devResid(yi, request.nullMu!);
    if (checkBoundary && (mu < BOUNDARY_EPS || (spec.family === 'binomial' && mu > 1 - BOUNDARY_EPS)))
      boundary++;
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) info[j * p + k] = info[k * p + j]!;

  return {
    n,
    p,
    information: Array.from(info),
    xtwz: Array.from(xtwz),
    score: Array.from(score),
    deviance,
    minusTwoLogLik: m2ll,
    sumY,
    nullDeviance,
    boundary,
    disclosure: d.disclosure,
  };
}

function isLocalDesign(d: DataColumns | LocalDesign): d is LocalDesign {
  return (d as LocalDesign).x instanceof Float64Array && 'disclosure' in d;
}
