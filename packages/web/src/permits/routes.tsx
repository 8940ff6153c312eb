import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { PermitPage } from './PermitPage';
import { PermitsPage } from './PermitsPage';
import { PERMIT_ROLES } from './roles';
import { permitsText as t } from './strings';

/** The data permits' pages, as routes to place inside the layout route. */
export function permitRoutes() {
  return (
    <>
      <Route
        path="permits"
        element={
          <RequireRole roles={PERMIT_ROLES} message={t.signInNeeded}>
            <PermitsPage />
          </RequireRole>
        }
      />
      <Route
        path="permits/:id"
        element={
          <RequireRole roles={PERMIT_ROLES} message={t.signInNeeded}>
            <PermitPage />
          </RequireRole>
        }
      />
    </>
  );
}
