import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { queriesText as t } from './queries-strings';

/** The main-navigation entry "Feasibility queries", for HDAB staff. */
export function FeasibilityQueriesNavItems({ role }: { role: Role | null }) {
  if (role !== 'hdab_staff') return null;
  return (
    <li>
      <NavLink to="/feasibility/queries" data-testid="nav-feasibility-queries">
        {t.nav}
      </NavLink>
    </li>
  );
}
