import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { OutputsPage } from './OutputsPage';
import { QueuePage } from './QueuePage';
import { RequestPage } from './RequestPage';
import { AUTHOR_ROLES, CHECKER_ROLES, REQUEST_ROLES } from './roles';
import { airlockText as t } from './strings';

/** The airlock's pages, as routes to place inside the layout route. */
export function airlockRoutes() {
  return (
    <>
      <Route
        path="airlock"
        element={
          <RequireRole roles={CHECKER_ROLES} message={t.signInNeeded.checker}>
            <QueuePage />
          </RequireRole>
        }
      />
      <Route
        path="airlock/:id"
        element={
          <RequireRole roles={REQUEST_ROLES} message={t.signInNeeded.either}>
            <RequestPage />
          </RequireRole>
        }
      />
      <Route
        path="outputs"
        element={
          <RequireRole roles={AUTHOR_ROLES} message={t.signInNeeded.author}>
            <OutputsPage />
          </RequireRole>
        }
      />
    </>
  );
}
