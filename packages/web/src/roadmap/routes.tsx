import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { RoadmapPage } from './RoadmapPage';
import { roadmapText as t } from './strings';

/** Every signed-in role reads the roadmap (the hub's rule); writing is for staff inside the page. */
export const ROADMAP_READERS = ['data_holder', 'data_user', 'hdab_staff', 'admin', 'citizen'] as const;

/** The roadmap, as a route to place inside the layout route. */
export function roadmapRoutes() {
  return (
    <Route
      path="roadmap"
      element={
        <RequireRole roles={ROADMAP_READERS} message={t.signInNeeded}>
          <RoadmapPage />
        </RequireRole>
      }
    />
  );
}
