import type { NodeStore } from '@openehds/analytics';
import { ANALYSIS_TASK, AnalysisTaskBase, GlmRoundTask, invalid, zodIssues } from '@openehds/core';
import type { z } from 'zod';
import type { NodeRuntime } from '../federation/runtime';
import { describe } from './describe';
import { glmDesign, glmRound } from './glm';
import { storeHistory } from './history';
import { kmRiskTables } from './km';
import { answer } from './outcome';
import { frequencyTable } from './table';

function parse<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const r = schema.safeParse(payload);
  if (!r.success) throw invalid('the analysis task is malformed', zodIssues(r.error));
  return r.data;
}

/**
 * Registers the analysis task handlers (issue 4 §4) on a node runtime. Call after `installPermits`,
 * whose guard then refuses any of these tasks under a permit that is not active here.
 */
export function installAnalysis(runtime: NodeRuntime, store: NodeStore): NodeRuntime {
  const history = storeHistory(store);
  runtime.on(ANALYSIS_TASK.design, (p) => answer(() => glmDesign(store, parse(AnalysisTaskBase, p))));
  runtime.on(ANALYSIS_TASK.glmRound, (p) => answer(() => glmRound(store, parse(GlmRoundTask, p))));
  runtime.on(ANALYSIS_TASK.km, (p) => answer(() => kmRiskTables(store, parse(AnalysisTaskBase, p))));
  // The differencing guard reads then appends the permit's history: describes run one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  runtime.on(ANALYSIS_TASK.describe, (p) => {
    const run = queue.then(() => answer(() => describe(store, parse(AnalysisTaskBase, p), history)));
    queue = run.catch(() => undefined);
    return run;
  });
  runtime.on(ANALYSIS_TASK.table, (p) => answer(() => frequencyTable(store, parse(AnalysisTaskBase, p))));
  return runtime;
}
