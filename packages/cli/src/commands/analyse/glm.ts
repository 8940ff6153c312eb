import { invalid } from '@openehds/core';
import type { Analysis, GlmResultJson } from '@openehds/client';
import { readVariables, runAnalysisCommand, type AnalyseCommonOptions } from './run';

export { readVariables };

/** Options of `ehds analyse glm`, as parsed from the command line. */
export interface AnalyseGlmOptions extends AnalyseCommonOptions {
  formula: string;
  family: string;
  categorical?: string[];
}

const FAMILIES = ['gaussian', 'binomial', 'poisson'] as const;

/** Renders a fitted GLM like R's coefficient table. */
export function glmTable(a: Analysis<GlmResultJson>): string {
  const r = a.result!;
  const width = Math.max(12, ...r.coefficients.map((c) => c.name.length));
  const num = (x: number) => x.toPrecision(6).padStart(12);
  const lines = [
    `${r.family} GLM (${r.link} link) of ${r.formula}: n = ${r.n}, ${r.iterations} iterations, analysis ${a.id}`,
    `${''.padEnd(width)}  ${'Estimate'.padStart(12)}  ${'Std. Error'.padStart(12)}  ${`${r.statistic} value`.padStart(12)}  Pr(>|${r.statistic}|)`,
    ...r.coefficients.map(
      (c) =>
        `${c.name.padEnd(width)}  ${num(c.estimate)}  ${num(c.stdError)}  ${num(c.statistic)}  ${c.pValue.toExponential(3)}`,
    ),
    `Null deviance ${r.nullDeviance.toFixed(3)} on ${r.dfNull} df; residual deviance ${r.deviance.toFixed(3)} on ${r.dfResidual} df; AIC ${r.aic.toFixed(3)}`,
    ...r.warnings.map((w) => `warning: ${w}`),
    ...r.nodes.map((n) => `node ${n.node}: n = ${n.n}`),
  ];
  return lines.join('\n');
}

/**
 * `ehds analyse glm`: fits a federated GLM under a permit through the hub (issue 4 §4), as a
 * named person of the permit (bearer token from --token or EHDS_TOKEN). Prints the coefficient table,
 * or the whole analysis with its disclosure-control records with --json. Exits non-zero when the
 * nodes refused it or it failed.
 */
export async function analyseGlmCommand(opts: AnalyseGlmOptions): Promise<number> {
  if (!opts.token)
    throw invalid('give an API token with --token or EHDS_TOKEN (create one on your account page)');
  if (!FAMILIES.includes(opts.family as (typeof FAMILIES)[number]))
    throw invalid(`--family must be one of ${FAMILIES.join(', ')}; got ${opts.family}`);
  return runAnalysisCommand<GlmResultJson>(
    opts,
    (variables) => ({
      kind: 'glm',
      formula: opts.formula,
      family: opts.family as (typeof FAMILIES)[number],
      variables,
      ...(opts.categorical?.length ? { categorical: opts.categorical } : {}),
    }),
    glmTable,
  );
}
