import { Route } from 'react-router-dom';
import { PathwayPage } from './PathwayPage';

/** The regulatory pathway navigator, public (guidance needs no sign-in), inside the layout route. */
export function pathwayRoutes() {
  return <Route path="pathway" element={<PathwayPage />} />;
}
