import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { ApplicationPage } from './ApplicationPage';
import { ApplicationsPage } from './ApplicationsPage';
import { APPLICANT_ROLES } from './roles';
import { applicationsText as t } from './strings';

/** The applicant's pages, as routes to place inside the layout route. */
export function applicationRoutes() {
  return (
    <>
      <Route
        path="applications"
        element={
          <RequireRole roles={APPLICANT_ROLES} message={t.signInNeeded}>
            <ApplicationsPage />
          </RequireRole>
        }
      />
      <Route
        path="applications/:id"
        element={
          <RequireRole roles={APPLICANT_ROLES} message={t.signInNeeded}>
            <ApplicationPage />
          </RequireRole>
        }
      />
    </>
  );
}
