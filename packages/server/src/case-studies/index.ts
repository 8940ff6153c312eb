export { caseStudyRoutes } from './routes';
export {
  caseStudyView,
  caseStudiesForReview,
  createCaseStudy,
  moveCaseStudy,
  myCaseStudies,
  prefillCaseStudy,
  updateCaseStudy,
} from './service';
export type { CaseStudyView } from './service';
export { searchLibrary } from './search';
export type { CaseStudySummary, LibraryPage, LibraryQuery, FacetCount } from './search';
export { seedCaseStudiesDemo } from './seed';
export type { CaseStudyRecord, CaseStudyEvent } from './store';
export type { CaseStudyContent, ReleasedOutput, UsedDataset } from './template';
export type { CaseStudyKpis } from './kpis';
export { CASE_STUDY_STATUSES, CASE_STUDY_ACTIONS } from './lifecycle';
export type { CaseStudyStatus, CaseStudyAction } from './lifecycle';
