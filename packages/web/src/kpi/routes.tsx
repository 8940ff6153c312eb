import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { KpiPage } from './KpiPage';
import { kpiText as t } from './strings';

/** Who sees the KPIs: every signed-in account (the hub's GET /api/kpi allows any). */
export const KPI_ROLES = ['data_holder', 'data_user', 'hdab_staff', 'admin', 'citizen'] as const;

/** The KPI dashboard, as a route to place inside the layout route. */
export function kpiRoutes() {
  return (
    <Route
      path="kpi"
      element={
        <RequireRole roles={KPI_ROLES} message={t.signInNeeded}>
          <KpiPage />
        </RequireRole>
      }
    />
  );
}
