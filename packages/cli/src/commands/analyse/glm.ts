import { readFileSync } from 'node:fs';
import { AppError, invalid } from '@openehds/core';
import {
  ApiError,
  createWorkspaceClient,
  type Analysis,
  type AnalysisVariableSpec,
  type GlmResultJson,
} from '@openehds/client';
import { emit } from '../../ui/output';

/** Options of `ehds analyse glm`, as parsed from the command line. */
export interface AnalyseGlmOptions {
  hub: string;
  token?: string;
  permit: string;
  formula: string;
  family: string;
  variables: string;
  categorical?: string[];
  json?: boolean;
  fetch?: typeof globalThis.fetch;
}

const FAMILIES = ['gaussian', 'binomial', 'poisson'] as const;

/** Reads the variables file: a JSON object of name → derivation (see `AnalysisVariable` in core). */
export function readVariables(path: string): Record<string, AnalysisVariableSpec> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw invalid(
      `--variables ${path}: ${(err as Error).message}; give a JSON file like {"age": {"kind": "age"}}`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalid(`--variables ${path} must hold a JSON object of variable name → derivation`);
  return parsed as Record<string, AnalysisVariableSpec>;
}

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
  const client = createWorkspaceClient({ baseUrl: opts.hub, token: opts.token, fetch: opts.fetch });
  let a: Analysis<GlmResultJson>;
  try {
    a = await client.analyse<GlmResultJson>(opts.permit, {
      kind: 'glm',
      formula: opts.formula,
      family: opts.family as (typeof FAMILIES)[number],
      variables: readVariables(opts.variables),
      ...(opts.categorical?.length ? { categorical: opts.categorical } : {}),
    });
  } catch (err) {
    if (err instanceof ApiError)
      throw new AppError(
        err.status === 400
          ? 'invalid'
          : err.status === 403
            ? 'forbidden'
            : err.status === 409
              ? 'conflict'
              : err.status === 404
                ? 'not-found'
                : 'unavailable',
        err.message,
        err.issues.map((i) => ({ path: i.path, message: i.message })),
      );
    throw err;
  }
  if (a.status !== 'DONE') {
    if (opts.json) emit(a, true, () => '');
    throw new AppError(
      a.status === 'REFUSED' ? 'forbidden' : 'unavailable',
      `the GLM was ${a.status.toLowerCase()}: ${a.error}`,
    );
  }
  emit(a, Boolean(opts.json), glmTable);
  return 0;
}
