import { Route } from 'react-router-dom';
import { FeasibilityPage } from './FeasibilityPage';

/** The public cohort builder, as a route to place inside the layout route (no sign-in needed). */
export function feasibilityRoutes() {
  return <Route path="feasibility" element={<FeasibilityPage />} />;
}
