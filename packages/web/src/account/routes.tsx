import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { AccountPage } from './AccountPage';
import { ACCOUNT_ROLES } from './roles';
import { accountText as t } from './strings';

/** "My account", as a route to place inside the layout route. */
export function accountRoutes() {
  return (
    <Route
      path="account"
      element={
        <RequireRole roles={ACCOUNT_ROLES} message={t.signInNeeded}>
          <AccountPage />
        </RequireRole>
      }
    />
  );
}
