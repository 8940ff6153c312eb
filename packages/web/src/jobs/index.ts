export { JobsSection } from './JobsSection';
export { JobPage } from './JobPage';
export { jobRoutes, JOB_ROLES } from './routes';
