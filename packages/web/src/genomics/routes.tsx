import { Route } from 'react-router-dom';
import { GenomicsPage } from './GenomicsPage';

/** The public genomic search, as a route to place inside the layout route (no sign-in needed). */
export function genomicsRoutes() {
  return <Route path="genomics" element={<GenomicsPage />} />;
}
