import { z } from 'zod';
import { AUDIENCES } from './policy';

/**
 * The machine-readable SDC record every released (or refused) output carries: SATRE 3.3.09 ("a
 * machine-readable record of disclosure checks per release") and TEHDAS2 M7.2 (outputs carry
 * protection notes). It names the policy by id, version and hash of the effective policy, lists each
 * rule applied with its parameters and its outcome per cell or statistic, the privacy budget spent,
 * and a hash of exactly what was released. It never holds true values or the noise drawn.
 */

export const SDC_RECORD_SCHEMA = 'openehds.sdc-record/1';

export const SDC_OUTCOMES = [
  'passed',
  'suppressed',
  'rounded',
  'noised',
  'refused',
  'flagged',
  'skipped',
] as const;
export type SdcOutcome = (typeof SDC_OUTCOMES)[number];

export const SDC_RULES = [
  'audience',
  'threshold',
  'zeros',
  'rounding',
  'dominance-nk',
  'p-ratio',
  'secondary',
  'suppression',
  'cell-key',
  'dp-laplace',
  'dp-gaussian',
  'dp-budget',
  'clipping',
  'differencing',
  'repeat-lockout',
  'min-residual-dof',
  'parameter-cap',
  'level-count',
  'class-count',
  'min-samples-leaf',
] as const;
export type SdcRule = (typeof SDC_RULES)[number];

export const SDC_KINDS = ['count', 'table', 'statistic', 'model'] as const;
export type SdcKind = (typeof SDC_KINDS)[number];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');
const cost = z.object({ epsilon: z.number().min(0), delta: z.number().min(0) }).strict();

/** One rule applied to one target: `$` (the whole output), a cell `r0:c1`, a total `r0:total`, a term. */
export const SdcRuleResult = z
  .object({
    rule: z.enum(SDC_RULES),
    target: z.string().min(1).max(300),
    outcome: z.enum(SDC_OUTCOMES),
    params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    note: z.string().max(1000).optional(),
  })
  .strict();
export type SdcRuleResult = z.infer<typeof SdcRuleResult>;

export const SdcRecord = z
  .object({
    schema: z.literal(SDC_RECORD_SCHEMA),
    kind: z.enum(SDC_KINDS),
    at: z.iso.datetime(),
    policy: z.object({ id: z.string(), version: z.string(), hash: hex64 }).strict(),
    audience: z.enum(AUDIENCES),
    permitId: z.string().optional(),
    label: z.string().max(500).optional(),
    outcome: z.enum(['released', 'refused']),
    rules: z.array(SdcRuleResult),
    /** Privacy budget: what this output cost, the permit's total after it, and the permit's limit. */
    budget: z.object({ cost, total: cost, limit: cost }).strict().optional(),
    /** SHA-256 of the canonical JSON of the released output; null when refused. */
    outputHash: hex64.nullable(),
  })
  .strict();
export type SdcRecord = z.infer<typeof SdcRecord>;
