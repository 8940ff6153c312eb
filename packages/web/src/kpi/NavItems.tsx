import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { kpiText as t } from './strings';

/** The main-navigation entry "KPIs", for every signed-in account. */
export function KpiNavItems({ role }: { role: Role | null }) {
  if (role === null) return null;
  return (
    <li>
      <NavLink to="/kpi" data-testid="nav-kpi">
        {t.nav}
      </NavLink>
    </li>
  );
}
