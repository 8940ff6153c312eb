import { Route } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { RequireRole } from '../auth/RequireRole';
import { JobPage } from './JobPage';
import { jobsText as t } from './strings';

/** Who opens a job page: its author (a data user) or HDAB staff; the hub refuses everyone else. */
export const JOB_ROLES: readonly Role[] = ['data_user', 'hdab_staff'];

/** The job page, as a route to place inside the layout route. */
export function jobRoutes() {
  return (
    <Route
      path="jobs/:id"
      element={
        <RequireRole roles={JOB_ROLES} message={t.page.signInNeeded}>
          <JobPage />
        </RequireRole>
      }
    />
  );
}
