import {
  buildDesignSpec,
  fitFederatedGlm,
  parseFormula,
  type FederatedGlmResult,
  type GlmContribution,
  type LocalDesignSummary,
} from '@openehds/analytics';
import { ANALYSIS_TASK, invalid, type AnalysisTaskBase, type GlmAnalysisRequest } from '@openehds/core';
import type { NodeCalls } from './node-tasks';

/** Checks before anything is sent: the formula parses and names only declared, non-survival variables. */
export function checkGlmRequest(r: GlmAnalysisRequest): void {
  const f = parseFormula(r.formula);
  const unknown = [f.response, ...f.variables].filter((v) => !(v in r.variables));
  if (unknown.length)
    throw invalid(
      `the formula names ${unknown.map((v) => `'${v}'`).join(', ')}, not declared in variables; declare how each is derived`,
      unknown.map((v) => ({ path: `formula`, message: `'${v}' is not a declared variable` })),
    );
}

/** The fitted model as stored and returned; what each node revealed is in its SDC record instead. */
export type GlmResult = Omit<FederatedGlmResult, 'nodes'> & { nodes: { node: string; n: number }[] };

/**
 * Runs R's IRLS with one contributor per node (issue 4 §4): the nodes' design summaries give the
 * shared spec, then every round sends β to all nodes (`analysis.glm-round`) and adds their sums.
 * The result equals a glm() of the pooled frames to round-off (tested to 1e-6).
 */
export async function runGlm(calls: NodeCalls, base: AnalysisTaskBase): Promise<GlmResult> {
  const r = base.request as GlmAnalysisRequest;
  const summaries = (await calls.all(ANALYSIS_TASK.design, base)).map((a) => a.summary as LocalDesignSummary);
  const spec = buildDesignSpec(r.formula, r.family, summaries, { categorical: r.categorical ?? [] });
  const fit = await fitFederatedGlm(
    calls.nodes.map((node) => async (round) => {
      const a = await calls.ask(
        node,
        ANALYSIS_TASK.glmRound,
        { ...base, spec, beta: round.beta, nullMu: round.nullMu },
        true,
      );
      return a.contribution as GlmContribution;
    }),
    spec,
  );
  return { ...fit, nodes: fit.nodes.map((d, i) => ({ node: calls.nodes[i]!.name, n: d.n })) };
}
