import { Route, Routes } from 'react-router-dom';
import { accountRoutes } from './account/routes';
import { AdminPage } from './admin/AdminPage';
import { airlockRoutes } from './airlock/routes';
import { organisationRoutes } from './admin/organisations/routes';
import { applicationRoutes } from './applications/routes';
import { PAGE_ROLES } from './auth/access';
import { RequireRole } from './auth/RequireRole';
import { SignInPage } from './auth/SignInPage';
import { backofficeRoutes } from './backoffice/routes';
import { CitizenPage } from './citizen/CitizenPage';
import { CataloguePage } from './catalogue/CataloguePage';
import { DatasetPage } from './catalogue/DatasetPage';
import { HolderPage } from './holder/HolderPage';
import { HomePage } from './home/HomePage';
import { feasibilityRoutes } from './feasibility/routes';
import { feasibilityQueriesRoutes } from './feasibility/queries-routes';
import { genomicsRoutes } from './genomics/routes';
import { ui } from './i18n/ui';
import { Layout } from './layout/Layout';
import { NotFoundPage } from './layout/NotFoundPage';
import { permitRoutes } from './permits/routes';
import { registerRoutes } from './register/routes';
import { workspaceRoutes } from './workspace/routes';
import { jobRoutes } from './jobs/routes';
import { caseStudyRoutes } from './case-studies/routes';
import { kpiRoutes } from './kpi/routes';
import { stakeholderRoutes } from './stakeholders/routes';
import { useCaseRoutes } from './use-cases/routes';
import { pathwayRoutes } from './pathway/routes';
import { roadmapRoutes } from './roadmap/routes';

/** The UI's routes. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="catalogue" element={<CataloguePage />} />
        <Route path="citizen" element={<CitizenPage />} />
        <Route path="catalogue/:id" element={<DatasetPage />} />
        <Route
          path="holder"
          element={
            <RequireRole roles={PAGE_ROLES.holder} message={ui.holder.signInNeeded}>
              <HolderPage />
            </RequireRole>
          }
        />
        <Route
          path="admin"
          element={
            <RequireRole roles={PAGE_ROLES.admin} message={ui.admin.forbidden}>
              <AdminPage />
            </RequireRole>
          }
        />
        {applicationRoutes()}
        {backofficeRoutes()}
        {permitRoutes()}
        {airlockRoutes()}
        {feasibilityRoutes()}
        {feasibilityQueriesRoutes()}
        {genomicsRoutes()}
        {workspaceRoutes()}
        {jobRoutes()}
        {caseStudyRoutes()}
        {kpiRoutes()}
        {stakeholderRoutes()}
        {useCaseRoutes()}
        {pathwayRoutes()}
        {roadmapRoutes()}
        {registerRoutes()}
        {accountRoutes()}
        {organisationRoutes()}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
