import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { WORKSPACE_ROLES } from './roles';
import { workspaceText as t } from './strings';
import { WorkspacePage } from './WorkspacePage';
import { WorkspacesPage } from './WorkspacesPage';

/** The secure processing environment's workspace pages, as routes to place inside the layout route. */
export function workspaceRoutes() {
  return (
    <>
      <Route
        path="workspaces"
        element={
          <RequireRole roles={WORKSPACE_ROLES} message={t.signInNeeded}>
            <WorkspacesPage />
          </RequireRole>
        }
      />
      <Route
        path="workspaces/:permitId"
        element={
          <RequireRole roles={WORKSPACE_ROLES} message={t.signInNeeded}>
            <WorkspacePage />
          </RequireRole>
        }
      />
    </>
  );
}
