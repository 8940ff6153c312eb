/**
 * The criteria stakeholders score an AI use case on (issue 6 §2), each scored 1–5. A benefit
 * criterion is better when higher; a cost criterion (regulatory complexity, cost/effort) is better
 * when lower, so the ranking methods invert it. Data availability is scored by people, informed by
 * what the live catalogue holds (Art. 57(1)(j)(i), Art. 77 dataset catalogue).
 */
export const USE_CASE_CRITERIA = [
  { id: 'clinical_benefit', direction: 'benefit' },
  { id: 'data_availability', direction: 'benefit' },
  { id: 'technical_feasibility', direction: 'benefit' },
  { id: 'regulatory_complexity', direction: 'cost' },
  { id: 'cost_effort', direction: 'cost' },
  { id: 'patient_impact', direction: 'benefit' },
  { id: 'eu_strategic_value', direction: 'benefit' },
] as const;

/** A criterion's id. */
export type UseCaseCriterionId = (typeof USE_CASE_CRITERIA)[number]['id'];

/** Whether more is better (`benefit`) or worse (`cost`). */
export type CriterionDirection = 'benefit' | 'cost';

/** A criterion as the ranking methods see it. */
export interface RankingCriterion {
  id: string;
  direction: CriterionDirection;
}

/** The criterion ids, in display order. */
export const USE_CASE_CRITERION_IDS: readonly UseCaseCriterionId[] = USE_CASE_CRITERIA.map((c) => c.id);

/** Lowest and highest score a stakeholder gives on a criterion. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/**
 * Weights used until HDAB staff store others: every criterion counts the same, so no criterion is
 * favoured before stakeholders have agreed otherwise.
 */
export const DEFAULT_USE_CASE_WEIGHTS: Readonly<Record<UseCaseCriterionId, number>> = Object.fromEntries(
  USE_CASE_CRITERION_IDS.map((id) => [id, 1]),
) as Record<UseCaseCriterionId, number>;
