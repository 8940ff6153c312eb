/**
 * The AI use-case pipeline (issue 6 §2; hub `packages/server/src/use-cases`): proposals, data
 * availability from the live catalogue, stakeholder scores, the multi-criteria ranking (weighted sum
 * or TOPSIS) with its sensitivity, comments, votes, stages and links to applications and permits.
 * Vocabularies mirror `@openehds/core` (use-cases.test.ts keeps them equal) so the client needs
 * nothing but fetch (DESIGN.md §2).
 */
import { createHttp, type HttpOptions } from './http';

/** Criteria, in display order; `cost` criteria are better when lower. */
export const USE_CASE_CRITERIA = [
  { id: 'clinical_benefit', direction: 'benefit' },
  { id: 'data_availability', direction: 'benefit' },
  { id: 'technical_feasibility', direction: 'benefit' },
  { id: 'regulatory_complexity', direction: 'cost' },
  { id: 'cost_effort', direction: 'cost' },
  { id: 'patient_impact', direction: 'benefit' },
  { id: 'eu_strategic_value', direction: 'benefit' },
] as const;
export type UseCaseCriterionId = (typeof USE_CASE_CRITERIA)[number]['id'];
export const RANKING_METHODS = ['weighted_sum', 'topsis'] as const;
export type RankingMethod = (typeof RANKING_METHODS)[number];
export const USE_CASE_STAGES = [
  'proposed',
  'under_review',
  'prioritised',
  'pilot',
  'completed',
  'rejected',
] as const;
export type UseCaseStage = (typeof USE_CASE_STAGES)[number];
/** Moves HDAB staff may make from each stage. */
export const STAGE_MOVES: Readonly<Record<UseCaseStage, readonly UseCaseStage[]>> = {
  proposed: ['under_review', 'rejected'],
  under_review: ['prioritised', 'proposed', 'rejected'],
  prioritised: ['pilot', 'under_review', 'rejected'],
  pilot: ['completed', 'rejected'],
  completed: [],
  rejected: ['under_review'],
};
export const AI_ACT_CLASSES = ['high', 'limited', 'minimal', 'not_assessed'] as const;
export type AiActClass = (typeof AI_ACT_CLASSES)[number];
export const DEVICE_CLASSES = [
  'none',
  'mdr_i',
  'mdr_iia',
  'mdr_iib',
  'mdr_iii',
  'ivdr_a',
  'ivdr_b',
  'ivdr_c',
  'ivdr_d',
  'not_assessed',
] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** What a proposer sends. `dataCategories` are Art. 51(1) codes (EHRS, HGPD, …). */
export interface UseCaseProposal {
  title: string;
  problem: string;
  benefit: string;
  dataCategories: string[];
  keywords: string[];
  aiMethod: string;
  aiActClass: AiActClass;
  deviceClass: DeviceClass;
}

/** A use case in the list. */
export interface UseCaseSummary extends UseCaseProposal {
  id: string;
  reference: string;
  stage: UseCaseStage;
  proposer: { id: string; username: string; displayName: string };
  votes: number;
  voted: boolean;
  scoreCount: number;
  meanScores: Record<UseCaseCriterionId, number> | null;
  createdAt: string;
  updatedAt: string;
}

/** A catalogue dataset matching a use case's data needs. */
export interface MatchingDataset {
  id: string;
  title: string;
  country: string;
  matchedCategories: string[];
  matchedKeywords: string[];
  individuals: number | null;
  records: number | null;
  stars: number | null;
}

/** What the live catalogue holds for a use case. */
export interface DataAvailability {
  datasets: MatchingDataset[];
  total: number;
  individuals: number;
  records: number;
  withSize: number;
  countries: { country: string; datasets: number }[];
  qualityLabels: { stars: string; datasets: number }[];
  categoriesCovered: string[];
  categoriesMissing: string[];
}

/** A use case with everything its page shows. */
export interface UseCaseDetail extends UseCaseSummary {
  myScores: Record<UseCaseCriterionId, number> | null;
  comments: { id: string; author: string; body: string; createdAt: string }[];
  stageHistory: {
    from: UseCaseStage | null;
    to: UseCaseStage;
    by: string | null;
    reason: string | null;
    at: string;
  }[];
  links: { applications: { id: string; reference: string }[]; permits: { id: string; status: string }[] };
  availability: DataAvailability;
}

/** One step of a sensitivity curve: the weight tried, its share, each use case's rank. */
export interface SensitivityStep {
  weight: number;
  share: number;
  ranks: Record<string, number>;
  top: string;
}

/** Where the top-ranked use case changes. */
export interface TopSwitch {
  weight: number;
  share: number;
  top: string;
}

/** How the ranking moves as one criterion's weight varies from 0 to 3× its own. */
export interface SensitivityCurve {
  criterion: UseCaseCriterionId;
  currentWeight: number;
  steps: SensitivityStep[];
  below: TopSwitch | null;
  above: TopSwitch | null;
}

/** The ranking answer. */
export interface UseCaseRanking {
  method: RankingMethod;
  weights: { raw: Record<UseCaseCriterionId, number>; normalised: Record<UseCaseCriterionId, number> };
  ranking: {
    id: string;
    reference: string;
    title: string;
    stage: UseCaseStage;
    score: number;
    rank: number;
    scoreCount: number;
    meanScores: Record<UseCaseCriterionId, number>;
  }[];
  unscored: { id: string; reference: string; title: string }[];
  sensitivity: {
    method: RankingMethod;
    top: string | null;
    maxMultiplier: number;
    curves: SensitivityCurve[];
  };
}

/** The default weights HDAB staff stored, with the criteria and methods. */
export interface UseCaseWeights {
  weights: Record<UseCaseCriterionId, number>;
  criteria: { id: UseCaseCriterionId; direction: 'benefit' | 'cost' }[];
  methods: RankingMethod[];
}

/** Use-case calls to the hub. */
export interface UseCaseClient {
  list(signal?: AbortSignal): Promise<UseCaseSummary[]>;
  propose(proposal: UseCaseProposal): Promise<{ id: string; reference: string }>;
  get(id: string, signal?: AbortSignal): Promise<UseCaseDetail>;
  score(id: string, scores: Record<UseCaseCriterionId, number>): Promise<{ scores: Record<string, number> }>;
  comment(id: string, body: string): Promise<{ id: string }>;
  toggleVote(id: string): Promise<{ voted: boolean; votes: number }>;
  moveStage(id: string, stage: UseCaseStage, reason?: string): Promise<{ stage: UseCaseStage }>;
  link(id: string, kind: 'application' | 'permit', target: string): Promise<{ kind: string; id: string }>;
  /** Ranks with the weights given (default: the HDAB's) — a 400 lists each bad weight at `weights.<id>`. */
  rank(
    input: { method?: RankingMethod; weights?: Record<string, number> },
    signal?: AbortSignal,
  ): Promise<UseCaseRanking>;
  weights(signal?: AbortSignal): Promise<UseCaseWeights>;
  setWeights(weights: Record<string, number>): Promise<{ weights: Record<UseCaseCriterionId, number> }>;
}

/** Creates the use-case client (same options as `createHubClient`). */
export function createUseCaseClient(options: HttpOptions): UseCaseClient {
  const send = createHttp(options);
  const path = (id: string, rest = '') => `/api/use-cases/${encodeURIComponent(id)}${rest}`;
  const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
  return {
    list: async (signal) =>
      (
        await send<{ items: UseCaseSummary[] }>({
          method: 'GET',
          path: '/api/use-cases',
          ...withSignal(signal),
        })
      ).items,
    propose: (proposal) => send({ method: 'POST', path: '/api/use-cases', json: proposal }),
    get: (id, signal) => send({ method: 'GET', path: path(id), ...withSignal(signal) }),
    score: (id, scores) => send({ method: 'PUT', path: path(id, '/score'), json: { scores } }),
    comment: (id, body) => send({ method: 'POST', path: path(id, '/comments'), json: { body } }),
    toggleVote: (id) => send({ method: 'POST', path: path(id, '/vote'), json: {} }),
    moveStage: (id, stage, reason) =>
      send({ method: 'POST', path: path(id, '/stage'), json: { stage, ...(reason ? { reason } : {}) } }),
    link: (id, kind, target) =>
      send({ method: 'POST', path: path(id, '/links'), json: { kind, id: target } }),
    rank: (input, signal) =>
      send({ method: 'POST', path: '/api/use-cases/ranking', json: input, ...withSignal(signal) }),
    weights: (signal) => send({ method: 'GET', path: '/api/use-cases/weights', ...withSignal(signal) }),
    setWeights: (weights) => send({ method: 'PUT', path: '/api/use-cases/weights', json: { weights } }),
  };
}
