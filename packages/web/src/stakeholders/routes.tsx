import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { StakeholdersPage } from './StakeholdersPage';
import { stakeholdersText as t } from './strings';

/** Who reads the stakeholder map: every signed-in account (the hub allows any). */
export const STAKEHOLDER_ROLES = ['data_holder', 'data_user', 'hdab_staff', 'admin', 'citizen'] as const;

/** The stakeholder map, as a route to place inside the layout route. */
export function stakeholderRoutes() {
  return (
    <Route
      path="stakeholders"
      element={
        <RequireRole roles={STAKEHOLDER_ROLES} message={t.signInNeeded}>
          <StakeholdersPage />
        </RequireRole>
      }
    />
  );
}
