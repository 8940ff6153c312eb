import type { Issue, SdcRecord } from '@openehds/core';
import { checkAudience } from './audience';
import type { ReleaseContext } from './context';
import { RecordBuilder } from './record';

/** What the engine needs to know about a fitted model before its coefficients leave. */
export interface ModelSummary {
  /** Observations used in the fit. */
  observations: number;
  /** Estimated parameters (including the intercept and every dummy of a factor). */
  parameters: number;
  /** Residual degrees of freedom; defaults to observations − parameters. */
  residualDof?: number;
  /** Observations per level of each categorical covariate: `{ sex: { F: 120, M: 98 } }`. */
  levelCounts?: Record<string, Record<string, number>>;
  /** Observations per outcome class (logistic, multinomial, classifiers). */
  classCounts?: Record<string, number>;
  /** Observations per leaf, for trees. */
  leafSizes?: readonly number[];
}

/**
 * Checks a model before release (ACRO `safe_dof_threshold`; DataSHIELD `nfilter.glm`; SACRO-ML class
 * size and `min_samples_leaf`): a model with about as many parameters as observations reproduces its
 * data (a saturated model gives each person's outcome back as a coefficient). Every failing rule is
 * listed; any failure refuses the release (forbidden). Returns the record when all pass.
 */
export function checkModel(summary: ModelSummary, ctx: ReleaseContext): { record: SdcRecord } {
  const rec = new RecordBuilder(
    'model',
    ctx.policy,
    ctx.audience,
    ctx.now ?? new Date(),
    ctx.permitId,
    ctx.label,
  );
  checkAudience(ctx, rec);
  const m = ctx.policy.models;
  const issues: Issue[] = [];
  const check = (
    rule: Parameters<RecordBuilder['add']>[0],
    target: string,
    ok: boolean,
    params: Record<string, number>,
    fix: string,
  ) => {
    rec.add(rule, target, ok ? 'passed' : 'refused', params);
    if (!ok) issues.push({ path: target, message: fix });
  };
  const { observations: n, parameters: p } = summary;
  const dof = summary.residualDof ?? n - p;
  check(
    'min-residual-dof',
    '$',
    dof >= m.minResidualDof,
    { minResidualDof: m.minResidualDof, residualDof: dof },
    `residual degrees of freedom ${dof} < ${m.minResidualDof}: use fewer parameters or more observations`,
  );
  check(
    'parameter-cap',
    '$',
    p <= m.maxParamsPerObservation * n,
    { maxParamsPerObservation: m.maxParamsPerObservation, parameters: p, observations: n },
    `${p} parameters for ${n} observations exceeds ${m.maxParamsPerObservation} per observation: simplify the model`,
  );
  for (const [covariate, levels] of Object.entries(summary.levelCounts ?? {}))
    for (const [level, count] of Object.entries(levels))
      check(
        'level-count',
        `${covariate}=${level}`,
        count >= m.minLevelCount,
        { minLevelCount: m.minLevelCount },
        `level ${level} of ${covariate} has fewer than ${m.minLevelCount} observations: merge it with another level`,
      );
  for (const [cls, count] of Object.entries(summary.classCounts ?? {}))
    check(
      'class-count',
      `class=${cls}`,
      count >= m.minClassCount,
      { minClassCount: m.minClassCount },
      `outcome class ${cls} has fewer than ${m.minClassCount} observations: merge classes or widen the cohort`,
    );
  (summary.leafSizes ?? []).forEach((size, i) =>
    check(
      'min-samples-leaf',
      `leaf${i}`,
      size >= m.minSamplesLeaf,
      { minSamplesLeaf: m.minSamplesLeaf },
      `a leaf holds fewer than ${m.minSamplesLeaf} observations: set min_samples_leaf ≥ ${m.minSamplesLeaf}`,
    ),
  );
  if (issues.length) {
    throw rec.refuse(
      'forbidden',
      `the model may not leave: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
  }
  return { record: rec.released({ observations: n, parameters: p, residualDof: dof }) };
}
