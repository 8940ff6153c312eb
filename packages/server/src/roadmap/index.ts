export { roadmapRoutes } from './routes';
export { seedRoadmapDemo } from './seed';
export {
  createMilestone,
  createRecommendation,
  getRecommendation,
  listMilestones,
  listRecommendations,
  updateMilestone,
  updateRecommendation,
} from './service';
export type {
  KpiTarget,
  Milestone,
  MilestoneInput,
  Recommendation,
  RecommendationInput,
  RoadmapActor,
} from './service';
export {
  isKpiKey,
  isOverdue,
  KPI_KEY,
  MILESTONE_STATUSES,
  quarterOf,
  RECOMMENDATION_STATUSES,
} from './rules';
export type { MilestoneStatus, RecommendationStatus } from './rules';
