import { Route } from 'react-router-dom';
import { STAFF_ROLES } from '../applications/roles';
import { RequireRole } from '../auth/RequireRole';
import { CasePage } from './CasePage';
import { backofficeText as t } from './strings';
import { WorkQueuePage } from './WorkQueuePage';

/** The HDAB back office's pages, as routes to place inside the layout route. */
export function backofficeRoutes() {
  return (
    <>
      <Route
        path="backoffice"
        element={
          <RequireRole roles={STAFF_ROLES} message={t.signInNeeded}>
            <WorkQueuePage />
          </RequireRole>
        }
      />
      <Route
        path="backoffice/:id"
        element={
          <RequireRole roles={STAFF_ROLES} message={t.signInNeeded}>
            <CasePage />
          </RequireRole>
        }
      />
    </>
  );
}
