import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { QueriesPage } from './QueriesPage';
import { queriesText as t } from './queries-strings';

/** Who reads the register: HDAB staff (the hub allows only them). */
export const QUERIES_ROLES = ['hdab_staff'] as const;

/** The register of feasibility queries, as a route to place inside the layout route. */
export function feasibilityQueriesRoutes() {
  return (
    <Route
      path="feasibility/queries"
      element={
        <RequireRole roles={QUERIES_ROLES} message={t.signInNeeded}>
          <QueriesPage />
        </RequireRole>
      }
    />
  );
}
