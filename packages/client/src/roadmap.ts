/**
 * Recommendations and roadmap (issue 6 §5; hub `packages/server/src/roadmap`): what the stakeholders
 * agreed, who owns it, and the milestones that carry it with their KPI targets. Every signed-in account
 * reads; HDAB staff and admins write. Shapes mirror the hub's without importing it (DESIGN.md §2).
 */
import { createHttp, type HttpOptions } from './http';

/** The life of a recommendation. */
export const RECOMMENDATION_STATUSES = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** The state of a milestone. */
export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** A recommendation. */
export interface Recommendation {
  id: string;
  title: string;
  rationale: string;
  /** A stakeholder's name or an account's username. */
  owner: string;
  status: RecommendationStatus;
  /** YYYY-MM-DD, or null. */
  targetDate: string | null;
  /** KPI keys, e.g. `applications.days-to-decision`. */
  kpiKeys: string[];
  createdAt: string;
  updatedAt: string;
}

/** What is sent to create or replace a recommendation. */
export type RecommendationInput = Pick<
  Recommendation,
  'title' | 'rationale' | 'owner' | 'status' | 'targetDate' | 'kpiKeys'
>;

/** A KPI a milestone is measured by, with its target value. */
export interface KpiTarget {
  key: string;
  target: number;
}

/** A milestone of the roadmap. */
export interface Milestone {
  id: string;
  title: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  status: MilestoneStatus;
  recommendationIds: string[];
  kpiTargets: KpiTarget[];
  createdAt: string;
  updatedAt: string;
}

/** What is sent to create or replace a milestone. */
export type MilestoneInput = Pick<
  Milestone,
  'title' | 'dueDate' | 'status' | 'recommendationIds' | 'kpiTargets'
>;

/** Roadmap calls to the hub. */
export interface RoadmapClient {
  recommendations(options?: {
    status?: RecommendationStatus;
    signal?: AbortSignal;
  }): Promise<Recommendation[]>;
  recommendation(id: string): Promise<Recommendation>;
  createRecommendation(input: RecommendationInput): Promise<Recommendation>;
  updateRecommendation(id: string, input: RecommendationInput): Promise<Recommendation>;
  milestones(signal?: AbortSignal): Promise<Milestone[]>;
  createMilestone(input: MilestoneInput): Promise<Milestone>;
  updateMilestone(id: string, input: MilestoneInput): Promise<Milestone>;
}

const enc = encodeURIComponent;

/** Creates the roadmap client (same options as `createHubClient`). */
export function createRoadmapClient(options: HttpOptions): RoadmapClient {
  const send = createHttp(options);
  return {
    recommendations: async (opts = {}) =>
      (
        await send<{ items: Recommendation[] }>({
          method: 'GET',
          path: `/api/roadmap/recommendations${opts.status ? `?status=${enc(opts.status)}` : ''}`,
          ...(opts.signal ? { signal: opts.signal } : {}),
        })
      ).items,
    recommendation: (id) =>
      send<Recommendation>({ method: 'GET', path: `/api/roadmap/recommendations/${enc(id)}` }),
    createRecommendation: (input) =>
      send<Recommendation>({ method: 'POST', path: '/api/roadmap/recommendations', json: input }),
    updateRecommendation: (id, input) =>
      send<Recommendation>({ method: 'PUT', path: `/api/roadmap/recommendations/${enc(id)}`, json: input }),
    milestones: async (signal) =>
      (
        await send<{ items: Milestone[] }>({
          method: 'GET',
          path: '/api/roadmap/milestones',
          ...(signal ? { signal } : {}),
        })
      ).items,
    createMilestone: (input) =>
      send<Milestone>({ method: 'POST', path: '/api/roadmap/milestones', json: input }),
    updateMilestone: (id, input) =>
      send<Milestone>({ method: 'PUT', path: `/api/roadmap/milestones/${enc(id)}`, json: input }),
  };
}
