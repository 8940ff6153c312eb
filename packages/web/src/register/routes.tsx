import { Route } from 'react-router-dom';
import { STAFF_ROLES } from '../applications/roles';
import { RequireRole } from '../auth/RequireRole';
import { REPORT_ROLES } from '../permits/roles';
import { ActivityReportPage } from './ActivityReportPage';
import { PublicationPage } from './PublicationPage';
import { RegisterPage } from './RegisterPage';
import { registerText as t } from './strings';

/**
 * The public register (no sign-in) and HDAB staff's transparency pages, as routes to place inside the
 * layout route. `backoffice/publication` and `backoffice/report` are static segments, so they win over
 * the case page's `backoffice/:id`.
 */
export function registerRoutes() {
  return (
    <>
      <Route path="register" element={<RegisterPage />} />
      <Route
        path="backoffice/publication"
        element={
          <RequireRole roles={STAFF_ROLES} message={t.signInNeeded}>
            <PublicationPage />
          </RequireRole>
        }
      />
      <Route
        path="backoffice/report"
        element={
          <RequireRole roles={REPORT_ROLES} message={t.signInNeeded}>
            <ActivityReportPage />
          </RequireRole>
        }
      />
    </>
  );
}
