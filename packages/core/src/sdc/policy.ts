import { z } from 'zod';

/**
 * The disclosure-control (SDC) policy: one set of thresholds for every output that leaves a node or
 * the secure processing environment (Art. 73(2), 61(4): only anonymous results leave). The law sets no
 * numbers, so the HDAB sets them as data (EHDS.md §11), per HDAB and per dataset; the defaults below
 * come from the sources named beside each field.
 */

/** Who is asking: an anonymous visitor of the public catalogue, a signed-in user, a permit holder. */
export const AUDIENCES = ['anonymous', 'registered', 'permit_holder'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** What to do with a zero cell: suppress like a small cell, release it flagged for review, release it. */
export const ZERO_HANDLING = ['suppress', 'flag', 'release'] as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const share = z.number().min(0).max(1);

/** What one audience may see of counts; it can only tighten the policy threshold, never loosen it. */
export const AudienceRule = z
  .object({
    /** Whether this audience sees counts at all. */
    allowed: z.boolean(),
    /** Effective threshold is max(policy threshold, this). */
    minCount: int(1, 100_000),
    /** Released counts are rounded to a multiple of this (1 = no rounding). */
    roundTo: int(1, 1000),
  })
  .strict();
export type AudienceRule = z.infer<typeof AudienceRule>;

/** Dominance rule (n, k): a magnitude cell fails when its n largest contributions are ≥ k of its total. */
export const NkRule = z.object({ n: int(1, 10), k: z.number().gt(0).max(1) }).strict();
export type NkRule = z.infer<typeof NkRule>;

export const SdcPolicy = z
  .object({
    id: z.string().min(1).max(200),
    version: z.string().min(1).max(100),
    /** Minimum cell count (counts, table cells, statistic groups). ACRO default.yaml `safe_threshold` 10. */
    threshold: int(2, 100_000),
    /** Zero cells; ACRO `zeros_are_disclosive: true`. */
    zeros: z.enum(ZERO_HANDLING),
    audiences: z
      .object({ anonymous: AudienceRule, registered: AudienceRule, permit_holder: AudienceRule })
      .strict(),
    dominance: z
      .object({
        /** ACRO `safe_nk_n` 2, `safe_nk_k` 0.9. ABS DataLab alternative: (1, 0.5), (2, 0.67). */
        nk: z.array(NkRule).max(5),
        /** p-ratio: fail if (total − two largest) < p × largest. ACRO `safe_pratio_p` 0.1; 0 disables. */
        pRatio: share,
      })
      .strict(),
    /** Secondary (complementary) suppression in tables, so suppressed cells cannot be rebuilt from totals. */
    secondary: z.object({ enabled: z.boolean() }).strict(),
    models: z
      .object({
        /** ACRO `safe_dof_threshold` 10. */
        minResidualDof: int(0, 100_000),
        /** DataSHIELD `nfilter.glm` 0.33: parameters ≤ this × observations. */
        maxParamsPerObservation: z.number().gt(0).max(1),
        /** Observations per level of a categorical covariate (policy threshold by default). */
        minLevelCount: int(1, 100_000),
        /** Observations per outcome class; SACRO-ML class size ≥ 10. */
        minClassCount: int(1, 100_000),
        /** Trees: SACRO-ML `min_samples_leaf` ≥ 5. */
        minSamplesLeaf: int(1, 100_000),
      })
      .strict(),
    /** Deterministic cell-key noise (ABS cell key method): same set of people, same answer. */
    cellKey: z.object({ enabled: z.boolean(), maxNoise: int(1, 20) }).strict(),
    /** Optional differential privacy with a per-permit (ε, δ) budget, basic composition. */
    dp: z
      .object({
        enabled: z.boolean(),
        epsilonPerCount: z.number().gt(0).max(10),
        epsilonPerStatistic: z.number().gt(0).max(10),
        deltaPerStatistic: z.number().gt(0).lt(0.01),
        budget: z.object({ epsilon: z.number().gt(0).max(100), delta: z.number().min(0).lt(0.1) }).strict(),
      })
      .strict(),
    /** Differencing guard over the cohorts already answered under a permit (EHDS.md §11, dsBase #250). */
    differencing: z.object({ enabled: z.boolean(), mode: z.enum(['refuse', 'noise']) }).strict(),
    /** i2b2 lockout: the same query more than `maxRepeats` times within `windowDays` is refused. */
    repeats: z.object({ maxRepeats: int(1, 10_000), windowDays: int(1, 3650) }).strict(),
  })
  .strict();
export type SdcPolicy = z.infer<typeof SdcPolicy>;

/** A dataset's changes to its HDAB's policy; any field left out keeps the HDAB's value. */
export const SdcPolicyOverride = z
  .object({
    id: z.string().min(1).max(200),
    version: z.string().min(1).max(100),
    threshold: SdcPolicy.shape.threshold.optional(),
    zeros: SdcPolicy.shape.zeros.optional(),
    audiences: z
      .object({
        anonymous: AudienceRule.partial(),
        registered: AudienceRule.partial(),
        permit_holder: AudienceRule.partial(),
      })
      .partial()
      .strict()
      .optional(),
    dominance: SdcPolicy.shape.dominance.partial().optional(),
    secondary: SdcPolicy.shape.secondary.partial().optional(),
    models: SdcPolicy.shape.models.partial().optional(),
    cellKey: SdcPolicy.shape.cellKey.partial().optional(),
    dp: SdcPolicy.shape.dp.extend({ budget: SdcPolicy.shape.dp.shape.budget.partial() }).partial().optional(),
    differencing: SdcPolicy.shape.differencing.partial().optional(),
    repeats: SdcPolicy.shape.repeats.partial().optional(),
  })
  .strict();
export type SdcPolicyOverride = z.infer<typeof SdcPolicyOverride>;

/** The platform defaults (EHDS.md §11 table); an HDAB starts from these and changes what it decides. */
export const DEFAULT_SDC_POLICY: SdcPolicy = {
  id: 'openehds-default',
  version: '1',
  threshold: 10,
  zeros: 'suppress',
  audiences: {
    // Issue 4 §1: an anonymous visitor sees only rounded counts above the threshold; coarser rounding.
    anonymous: { allowed: true, minCount: 10, roundTo: 10 },
    // NHS Digital HES / OpenSAFELY publish counts rounded to 5.
    registered: { allowed: true, minCount: 10, roundTo: 5 },
    permit_holder: { allowed: true, minCount: 10, roundTo: 5 },
  },
  dominance: { nk: [{ n: 2, k: 0.9 }], pRatio: 0.1 },
  secondary: { enabled: true },
  models: {
    minResidualDof: 10,
    maxParamsPerObservation: 0.33,
    minLevelCount: 10,
    minClassCount: 10,
    minSamplesLeaf: 5,
  },
  cellKey: { enabled: true, maxNoise: 2 },
  dp: {
    enabled: false,
    epsilonPerCount: 0.1,
    epsilonPerStatistic: 0.1,
    deltaPerStatistic: 1e-6,
    budget: { epsilon: 5, delta: 1e-5 },
  },
  differencing: { enabled: true, mode: 'refuse' },
  repeats: { maxRepeats: 7, windowDays: 30 },
};
