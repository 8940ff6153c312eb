import { z } from 'zod';
import { AnalysisRequest } from './analysis';

/**
 * The tasks the hub sends a node to run an analysis under a permit (issue 4 §4). Each is signed by the
 * hub (federation/tasks.ts) and names its `permitId`, so the node's permit check runs before the
 * handler. The HDAB's disclosure-control policy travels in the signed task: the node applies it to
 * everything it returns (Art. 73(2)).
 */
export const ANALYSIS_TASK = {
  design: 'analysis.design',
  glmRound: 'analysis.glm-round',
  km: 'analysis.km',
  describe: 'analysis.describe',
  table: 'analysis.table',
} as const;
export type AnalysisTaskType = (typeof ANALYSIS_TASK)[keyof typeof ANALYSIS_TASK];

const cost = z.strictObject({ epsilon: z.number().min(0), delta: z.number().min(0) });

/** Fields every analysis task carries. */
export const AnalysisTaskBase = z.object({
  permitId: z.string().min(1).max(100),
  analysisId: z.uuid(),
  request: AnalysisRequest,
  /** The HDAB's SDC policy (`hdabSdcPolicy`); validated by the node's engine. */
  policy: z.unknown(),
  /** Privacy budget the permit has spent before this analysis, and its limit (for DP releases). */
  budget: z.strictObject({ spent: cost, limit: cost }).optional(),
});
export type AnalysisTaskBase = z.infer<typeof AnalysisTaskBase>;

/** One IRLS round of a federated GLM: the design spec (from `analysis.design`) and the coefficients. */
export const GlmRoundTask = AnalysisTaskBase.extend({
  /** The design spec the hub merged (`buildDesignSpec`); checked again by the node's maths. */
  spec: z.unknown(),
  beta: z.array(z.number()).max(1000).nullable(),
  nullMu: z.number().nullable(),
});
export type GlmRoundTask = z.infer<typeof GlmRoundTask>;
