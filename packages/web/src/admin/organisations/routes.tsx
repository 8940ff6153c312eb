import { Route } from 'react-router-dom';
import { PAGE_ROLES } from '../../auth/access';
import { RequireRole } from '../../auth/RequireRole';
import { OrganisationPage } from './OrganisationPage';
import { OrganisationsPage } from './OrganisationsPage';
import { organisationsText as t } from './strings';

/**
 * Organisation administration, as routes to place inside the layout route: under /admin, for the
 * roles of the administration page (the hub lets HDAB staff read and administrators change).
 */
export function organisationRoutes() {
  return (
    <>
      <Route
        path="admin/organisations"
        element={
          <RequireRole roles={PAGE_ROLES.admin} message={t.forbidden}>
            <OrganisationsPage />
          </RequireRole>
        }
      />
      <Route
        path="admin/organisations/:id"
        element={
          <RequireRole roles={PAGE_ROLES.admin} message={t.forbidden}>
            <OrganisationPage />
          </RequireRole>
        }
      />
    </>
  );
}
